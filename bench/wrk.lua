-- wrk script for bench/run.py: one path (BENCH_PATH), optionally made unique
-- per request (BENCH_BUST=1, a "nocache" query parameter, so no page cache can
-- answer), or POSTed as the article view beacon (BENCH_BEACON=1, a distinct
-- User-Agent per request so each counts once). Prints one JSON line.
local path = os.getenv("BENCH_PATH") or "/"  -- set by bench/run.py
local bust = os.getenv("BENCH_BUST") == "1"
local beacon = os.getenv("BENCH_BEACON") == "1"
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("tid", thread_count)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
  sent = 0
end

function request()
  sent = sent + 1
  if beacon then
    return wrk.format("POST", path, {
      ["Sec-Fetch-Site"] = "same-origin",
      ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) BenchReader/" .. tid .. "." .. sent,
      ["Content-Length"] = "0",
    })
  end
  local p = path
  if bust then
    local sep = string.find(p, "?", 1, true) and "&" or "?"
    p = p .. sep .. "nocache=" .. tid .. "-" .. sent
  end
  return wrk.format("GET", p)
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, t in ipairs(threads) do
    bad = bad + t:get("non2xx")
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, '
      .. '"p90_us": %d, "p99_us": %d, "max_us": %d, "non2xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    bad, errors.connect + errors.read + errors.write + errors.timeout))
end
