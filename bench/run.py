"""`make bench`: load the production configuration with a realistic volume.

1. Drops and recreates a PostgreSQL database (``humas_bench`` on
   127.0.0.1:5432), migrates it and fills it with bench/populate.py (COPY).
2. Counts the SQL queries of each page and EXPLAINs them (bench/pages.py).
3. Starts gunicorn with gunicorn.conf.py (2 workers, debug off, plain http,
   Redis database 15 as cache) on a free port of 127.0.0.1, warms it up and
   loads each page with wrk for a fixed duration, "uncached" (a unique
   ``nocache`` query parameter on every request, so no page cache can answer)
   and "cached" (the same URL every time, as served after the warm-up with the
   configured cache), plus a static file of the article page's size served by
   whitenoise, and the view-counter beacon (whose total is checked).
4. Prints one table, writes bench/results/latest.{txt,png,json} and the
   README section between ``<!-- bench:start -->`` and ``<!-- bench:end -->``,
   stops everything it started (by PID) and drops the database
   (``--keep-db`` keeps it).

Only 127.0.0.1 is ever contacted.
"""

import argparse
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "bench"
RESULTS = BENCH_DIR / "results"
DATA = BENCH_DIR / "data"  # git-ignored: media files, logs, the code snapshot
SRC = DATA / "src"
PY = sys.executable
# Search last: if it is slow, its backlog cannot disturb the other rows.
PAGES = ["home", "list", "article", "agenda", "search"]
LABELS = {
    "home": "home /",
    "list": "list /berita/",
    "article": "article",
    "search": "search /cari/?q=pemilih",
    "agenda": "agenda /agenda/",
}
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"


def log(message):
    sys.stdout.write(f"[bench {time.strftime('%H:%M:%S')}] {message}\n")
    sys.stdout.flush()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def run(cmd, env, **kwargs):
    return subprocess.run(cmd, env=env, cwd=SRC, check=True, **kwargs)


def snapshot_head():
    """A copy of the committed HEAD (plus these bench scripts) to run from.

    Other people edit the checkout while the benchmark runs; gunicorn recycles
    workers and would import half-written code. The snapshot is consistent.
    """
    shutil.rmtree(SRC, ignore_errors=True)
    SRC.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "HEAD"], cwd=BASE_DIR, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(SRC)], input=archive, check=True)
    (SRC / "bench").mkdir(exist_ok=True)
    for name in ("populate.py", "pages.py", "bench_pool_settings.py"):
        shutil.copy2(BENCH_DIR / name, SRC / "bench" / name)


def admin_connection():
    import psycopg

    return psycopg.connect(
        host="127.0.0.1", port=5432, user="postgres", dbname="postgres", autocommit=True
    )


def recreate_database(name):
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def drop_database(name):
    with admin_connection() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def machine():
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem_kb = 0
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            mem_kb = int(line.split()[1])
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": round(mem_kb / 1024 / 1024, 1),
        "python": platform.python_version(),
    }


def children(pid):
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(p) for p in path.read_text().split()]
    except OSError:
        return []


def rss_mib(pid):
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = round(int(rest.split()[0]) / 1024, 1)
    return values


def wait_http(url, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def settle(base):
    """Wait until requests queued by the previous run have drained."""
    deadline = time.monotonic() + 300
    quick = 0
    while quick < 3 and time.monotonic() < deadline:
        started = time.monotonic()
        try:
            wait_http(f"{base}/healthz", timeout=10)
        except RuntimeError:
            continue
        quick = quick + 1 if time.monotonic() - started < 0.05 else 0
        time.sleep(0.3)


def fetch(url, timeout=10):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, dict(response.headers), response.read()


def wrk(url, *, duration, threads, connections, env_extra):
    parts = urllib.parse.urlsplit(url)
    settle(f"{parts.scheme}://{parts.netloc}")
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    env = os.environ | {"BENCH_PATH": path} | env_extra
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        str(BENCH_DIR / "wrk.lua"),
        url,
    ]
    finished = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if finished.returncode:
        raise RuntimeError(f"{' '.join(cmd)}: {finished.stdout}{finished.stderr}")
    output = finished.stdout
    line = next(x for x in output.splitlines() if x.startswith("BENCH_JSON "))
    data = json.loads(line.removeprefix("BENCH_JSON "))
    data["rps"] = data["requests"] / (data["duration_us"] / 1e6)
    return data


def redis_client():
    import redis

    return redis.Redis.from_url(REDIS_URL)


REDIS_URL = "redis://127.0.0.1:6379/15"


def article_views(env, article_url):
    slug = article_url.rstrip("/").rsplit("/", 1)[-1]
    code = (
        "import django; django.setup(); from news.models import Article; "
        f"a = Article.objects.get(slug={slug!r}); print(a.pk, a.views_count)"
    )
    out = run([PY, "-c", code], env, capture_output=True, text=True).stdout
    pk, views = out.split()[-2:]
    return int(pk), int(views)


def format_table(rows, static_rps):
    header = (
        f"{'page':<34} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'errors':>8} "
        f"{'queries':>8} {'KB':>6} {'× static':>9}"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        if not row["requests"]:
            lines.append(
                f"{row['label']:<34} no response completed within the run "
                f"({row['duration_us'] / 1e6:.0f} s){'':>4}{row.get('queries', ''):>8}"
            )
            continue
        lines.append(
            f"{row['label']:<34} {row['rps']:>8.0f} {row['p50_us'] / 1000:>8.1f} "
            f"{row['p99_us'] / 1000:>8.1f} {row['non2xx'] + row['socket_errors']:>8} "
            f"{row.get('queries', ''):>8} {row.get('kb', ''):>6} "
            f"{row['rps'] / static_rps:>9.2f}"
        )
    return "\n".join(lines)


def markdown_table(rows, static_rps):
    lines = [
        "| page | req/s | p50 ms | p99 ms | errors | queries | KB | × static |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        if not row["requests"]:
            lines.append(
                f"| {row['label']} | 0 | — | — | no response in "
                f"{row['duration_us'] / 1e6:.0f} s | {row.get('queries', '')} | "
                f"{row.get('kb', '')} | 0 |"
            )
            continue
        lines.append(
            f"| {row['label']} | {row['rps']:.0f} | {row['p50_us'] / 1000:.1f} | "
            f"{row['p99_us'] / 1000:.1f} | {row['non2xx'] + row['socket_errors']} | "
            f"{row.get('queries', '')} | {row.get('kb', '')} | "
            f"{row['rps'] / static_rps:.2f} |"
        )
    return "\n".join(lines)


def draw_chart(rows, static_rps, title, path):
    """A horizontal bar chart of requests/second with Pillow (no matplotlib)."""
    from PIL import Image, ImageDraw, ImageFont

    bar_h, gap, left, right, top = 26, 10, 330, 170, 70
    width = 1200
    height = top + len(rows) * (bar_h + gap) + 50
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=16)
    small = ImageFont.load_default(size=13)
    draw.text((20, 18), title, fill="black", font=ImageFont.load_default(size=20))
    top_rps = max(row["rps"] for row in rows)
    scale = (width - left - right) / top_rps
    static_x = left + static_rps * scale
    for index, row in enumerate(rows):
        y = top + index * (bar_h + gap)
        colour = (
            (120, 120, 120)
            if row["kind"] == "static"
            else (29, 79, 145)
            if row["kind"] == "cached"
            else (139, 26, 26)
        )
        draw.text((20, y + 4), row["label"], fill="black", font=font)
        draw.rectangle([left, y, left + row["rps"] * scale, y + bar_h], fill=colour)
        draw.text(
            (left + row["rps"] * scale + 8, y + 5),
            f"{row['rps']:.0f}/s  p99 {row['p99_us'] / 1000:.0f} ms"
            if row["requests"]
            else "no response within the run",
            fill="black",
            font=small,
        )
    draw.line([static_x, top - 8, static_x, height - 40], fill=(90, 90, 90), width=1)
    legend = "blue: cached   red: uncached (every request rendered)   grey: static"
    draw.text((20, height - 32), legend, fill=(60, 60, 60), font=small)
    image.save(path)


def update_readme(block):
    readme = BASE_DIR / "README.md"
    text = readme.read_text()
    if README_START not in text:
        text = text.rstrip("\n") + f"\n\n{README_START}\n{README_END}\n"
    before, rest = text.split(README_START, 1)
    _old, after = rest.split(README_END, 1)
    readme.write_text(f"{before}{README_START}\n{block}\n{README_END}{after}")


def write_outputs(output, *, readme):
    """The table (stdout, .txt), the chart (.png) and the README section, all
    from the run's .json (so they can be drawn again: ``--render``)."""
    data = json.loads(output.with_suffix(".json").read_text())
    rows, notes = data["rows"], data["notes"]
    static_rps = rows[0]["rps"]
    text = "\n".join(notes) + "\n\n" + format_table(rows, static_rps) + "\n"
    sys.stdout.write("\n" + text)
    output.with_suffix(".txt").write_text(text)
    draw_chart(rows, static_rps, data["title"], output.with_suffix(".png"))
    if readme:
        update_readme(
            "### Latest benchmark (`make bench`)\n\n"
            + "\n".join(f"- {n}" for n in notes)
            + "\n\n"
            + markdown_table(rows, static_rps)
            + "\n\n![requests per second](bench/results/latest.png)\n"
        )


def main():
    parser = argparse.ArgumentParser(description="Humas CMS benchmark")
    parser.add_argument("--db", default="humas_bench")
    parser.add_argument("--keep-db", action="store_true", help="do not drop the DB")
    parser.add_argument("--reuse-db", action="store_true", help="skip build (kept DB)")
    parser.add_argument("--duration", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--meetings", type=int, default=2_000)
    parser.add_argument(
        "--settings",
        default="humas_site.settings",
        help="e.g. bench_pool_settings (psycopg pool) for a comparison run",
    )
    parser.add_argument(
        "--pages",
        default=",".join(PAGES),
        help="comma-separated subset of: " + ", ".join(PAGES),
    )
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument(
        "--worktree",
        action="store_true",
        help="run the working tree as it is instead of a snapshot of HEAD",
    )
    parser.add_argument("--output", default=str(RESULTS / "latest"))
    parser.add_argument(
        "--render",
        action="store_true",
        help="only redraw the table, chart and README from the --output .json",
    )
    args = parser.parse_args()
    if args.render:
        write_outputs(Path(args.output), readme=not args.no_readme)
        return

    chosen = set(args.pages.split(",")) | {"article"}  # the reference page
    pages_run = [name for name in PAGES if name in chosen]
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed (make bench installs Debian's wrk)")
    global SRC
    if args.worktree:
        SRC = BASE_DIR
    else:
        snapshot_head()
    RESULTS.mkdir(parents=True, exist_ok=True)
    (DATA / "media").mkdir(parents=True, exist_ok=True)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": args.settings,
        "PYTHONPATH": str(SRC / "bench"),
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.db}",
        "REDIS_URL": REDIS_URL,
        "MEDIA_ROOT": str(DATA / "media"),
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_LOG_LEVEL": "info",  # worker boots are counted from the log
    }
    started = {}
    static_copy = SRC / "staticfiles" / "bench"
    try:
        if not args.reuse_db:
            log(f"database {args.db}: drop, create, migrate")
            recreate_database(args.db)
            run([PY, "manage.py", "migrate", "--noinput", "-v0"], env)
            log("populate (COPY)")
            run(
                [
                    PY,
                    str(SRC / "bench" / "populate.py"),
                    f"--articles={args.articles}",
                    f"--events={args.events}",
                    f"--meetings={args.meetings}",
                ],
                env,
            )
        run([PY, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        redis_client().flushdb()

        log("queries per page and EXPLAIN (Django test client)")
        static_copy.mkdir(exist_ok=True)
        article_html = static_copy / "article.html"
        pages_json = DATA / "pages.json"
        run(
            [
                PY,
                str(SRC / "bench" / "pages.py"),
                str(pages_json),
                "--article-html",
                str(article_html),
                "--explain",
                str(RESULTS / "explain.txt"),
            ]
            + (
                ["--only", ",".join(pages_run), "--no-explain"]
                if pages_run != PAGES
                else []
            ),
            env,
        )
        pages = json.loads(pages_json.read_text())
        redis_client().flushdb()

        load_before = os.getloadavg()[0]
        log(f"gunicorn ({args.workers} workers) on {base}")
        access_log = DATA / "gunicorn.log"
        with access_log.open("w") as out:
            server = subprocess.Popen(
                [
                    str(Path(PY).parent / "gunicorn"),
                    "-c",
                    "gunicorn.conf.py",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "humas_site.wsgi",
                ],
                env=env,
                cwd=SRC,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        started["gunicorn"] = server.pid
        wait_http(f"{base}/healthz")

        static_url = "/static/bench/article.html"
        status, headers, body = fetch(base + static_url)
        assert status == 200 and len(body) == pages["article"]["bytes"], "static copy"
        first_request = {}
        for name in pages_run:
            started_at = time.monotonic()
            try:
                status = fetch(base + pages[name]["url"], timeout=60)[0]
            except (OSError, urllib.error.HTTPError) as error:
                status = f"failed ({error})"
            first_request[name] = (status, time.monotonic() - started_at)
            log(f"{name}: {status} in {first_request[name][1]:.2f} s (first request)")
        common = {
            "duration": args.duration,
            "threads": args.threads,
            "connections": args.connections,
        }
        log("warm-up (3 s per page that answered)")
        for name in pages_run:
            if first_request[name][0] != 200:
                continue
            wrk(
                base + pages[name]["url"],
                duration=3,
                threads=1,
                connections=2,
                env_extra={"BENCH_BUST": "0"},
            )
        settle(base)
        cache_keys = redis_client().dbsize()
        page_cache_headers = fetch(base + pages["article"]["url"], timeout=60)[1]

        rows = []
        log(f"static file ({len(body)} bytes) via whitenoise")
        result = wrk(base + static_url, env_extra={"BENCH_BUST": "0"}, **common)
        rows.append(
            result
            | {
                "label": "static file (article size)",
                "kind": "static",
                "kb": round(pages["article"]["bytes"] / 1024, 1),
                "queries": 0,
            }
        )
        log("article uncached, 1 connection")
        result = wrk(
            base + pages["article"]["url"],
            env_extra={"BENCH_BUST": "1"},
            duration=args.duration,
            threads=1,
            connections=1,
        )
        rows.append(
            result
            | {
                "label": "article (uncached, 1 conn)",
                "kind": "uncached",
                "queries": pages["article"]["queries"],
                "kb": round(pages["article"]["bytes"] / 1024, 1),
            }
        )

        log("view counter beacon")
        pk, views_before = article_views(env, pages["article"]["url"])
        beacon_path = f"/berita/{pk}/dilihat/"
        result = wrk(base + beacon_path, env_extra={"BENCH_BEACON": "1"}, **common)
        rows.append(
            result | {"label": "view beacon POST", "kind": "uncached", "queries": ""}
        )
        time.sleep(1)  # let the last in-flight beacons finish
        _pk, views_after = article_views(env, pages["article"]["url"])

        for name in pages_run:
            for kind, bust in (("cached", "0"), ("uncached", "1")):
                log(f"{name} {kind}")
                result = wrk(
                    base + pages[name]["url"], env_extra={"BENCH_BUST": bust}, **common
                )
                rows.append(
                    result
                    | {
                        "label": f"{LABELS[name]} ({kind})",
                        "kind": kind,
                        "queries": pages[name]["queries"],
                        "kb": round(pages[name]["bytes"] / 1024, 1),
                    }
                )
        settle(base)
        load_after = os.getloadavg()[0]
        workers = children(server.pid)
        memory = {pid: rss_mib(pid) for pid in workers}
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=120)
        started.pop("gunicorn")

        log_text = access_log.read_text()
        counted_204 = len(
            re.findall(rf'"POST {re.escape(beacon_path)} HTTP/1\.1" 204 ', log_text)
        )
        boots = log_text.count("Booting worker")
        by_label = {row["label"]: row for row in rows}
        article_cached = by_label["article (cached)"]["rps"]
        beacon_rps = by_label["view beacon POST"]["rps"]
        info = machine()
        now = datetime.datetime.now(datetime.UTC)
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=BASE_DIR,
            capture_output=True,
            text=True,
        ).stdout.strip()
        page_cache = "Cache-Control: " + page_cache_headers.get(
            "Cache-Control", "(none)"
        )
        notes = [
            f"Humas CMS benchmark, {now:%Y-%m-%d %H:%M} UTC, commit {commit}",
            f"Machine: {info['cpu']}, {info['cores']} cores, {info['ram_gib']} GiB RAM;"
            f" Python {info['python']}; load average {load_before:.1f} before the"
            f" load runs, {load_after:.1f} after (other work on the machine skews"
            " the numbers)",
            f"Data: {args.articles:,} articles, 500 tags, {args.events:,} agenda "
            f"events, {args.meetings:,} meetings (PostgreSQL, COPY)",
            f"Server: gunicorn.conf.py, {args.workers} sync workers, DEBUG off, "
            f"cache Redis db 15, settings {args.settings}; wrk {args.threads} "
            f"threads, {args.connections} connections, {args.duration} s per row",
            "uncached = a unique ?nocache=N on every request (no page cache can "
            "answer); cached = the same URL every time after a warm-up.",
            "First request after start: "
            + ", ".join(
                f"{name} {status} in {seconds:.2f} s"
                for name, (status, seconds) in first_request.items()
            )
            + ".",
            f"After warm-up Redis held {cache_keys} keys; article response "
            f"{page_cache}.",
            "queries = SQL queries of one rendered (cache-miss) request, Django "
            "test client; KB = HTML size; × static = req/s ÷ the static file's; "
            "errors = non-2xx responses + socket errors.",
            "Worker memory (VmRSS / peak VmHWM, MiB): "
            + ", ".join(
                f"pid {pid}: {m.get('VmRSS')} / {m.get('VmHWM')}"
                for pid, m in memory.items()
            ),
            f"gunicorn booted {boots} workers in all (max_requests recycling; "
            f"{args.workers} at start).",
            f"View counter: {views_after - views_before} views added for "
            f"{counted_204} beacon 204 responses in the access log "
            f"({'exact' if views_after - views_before == counted_204 else 'MISMATCH'});"
            f" a visit (cached article + its beacon) runs at "
            f"{1 / (1 / article_cached + 1 / beacon_rps):.0f}/s, "
            f"{article_cached / (article_cached + beacon_rps) * 100:.0f}% below the"
            " cached article alone.",
        ]
        title = (
            f"Humas CMS, requests/second ({now:%Y-%m-%d}, {info['cores']} cores, "
            f"{args.workers} workers, {args.connections} connections)"
        )
        output = Path(args.output)
        output.with_suffix(".json").write_text(
            json.dumps(
                {
                    "title": title,
                    "notes": notes,
                    "rows": rows,
                    "pages": pages,
                    "memory": memory,
                    "machine": info,
                },
                indent=2,
                default=str,
            )
        )
        write_outputs(output, readme=not args.no_readme)
        log(f"results in {output.with_suffix('.txt')} and .png")
    finally:
        if "gunicorn" in started:
            os.kill(started["gunicorn"], signal.SIGTERM)
            time.sleep(2)
        shutil.rmtree(static_copy, ignore_errors=True)
        try:
            redis_client().flushdb()
        except Exception as error:  # Redis gone: nothing to clean
            log(f"redis flush skipped: {error}")
        if not args.keep_db and not args.reuse_db:
            drop_database(args.db)
            log(f"database {args.db} dropped")


if __name__ == "__main__":
    main()
