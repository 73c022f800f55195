"""`make faults`: real outages injected into the production configuration.

Starts its own PostgreSQL cluster (initdb + pg_ctl in a temporary directory,
run as the ``postgres`` user when started as root), its own Redis and
gunicorn.conf.py (2 workers, debug off) with the demo content, all on free
ports of 127.0.0.1, puts a load generator on it and injects, one after the
other, the faults asked for with ``--faults`` (default: all):

- ``db``: PostgreSQL stopped for 20 s under load, then started again;
- ``redis``: Redis stopped for 20 s under load, then started again;
- ``kill``: ``kill -9`` of a gunicorn worker while an editor saves and
  readers comment;
- ``disk``: the media folder refuses writes while a photo is uploaded;
- ``restore``: ``manage.py backup`` of the loaded site restored into a new
  cluster and media folder from a fresh copy of the code, compared;
- ``soak``: ``--soak-seconds`` (600; ``FAULTS_SOAK_SECONDS``) at about 70 %
  of the measured capacity.

Each fault prints what it did and what it saw, a per-second timeline and a
verdict; bench/results/faults.txt keeps the latest run. The exit status is 1
when any verdict failed. Everything started is stopped by PID on any exit
(Ctrl-C, an exception, the global ``--timeout``).
"""

import argparse
import datetime
import io
import json
import os
import random
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
from run import children, free_port, machine, rss_mib, wait_http

BASE_DIR = Path(__file__).resolve().parent.parent
RESULTS = BASE_DIR / "bench" / "results"
PY = sys.executable
PG_BIN = Path(
    os.environ.get("FAULTS_PG_BIN")
    or sorted(Path("/usr/lib/postgresql").glob("*/bin"))[-1]
)
STAFF_PASSWORD = "humas-demo-2026"
OUTPUT = []


class FaultsTimeout(BaseException):
    """The global bound: not an Exception, so no fault's handler swallows it."""


def log(message):
    line = f"[faults {time.strftime('%H:%M:%S')}] {message}"
    OUTPUT.append(line)
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def as_postgres(cmd):
    """initdb and postgres refuse to run as root."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


# --------------------------------------------------------------------------
# The parts: code copy, PostgreSQL, Redis, gunicorn


def copy_code(target, *, worktree):
    """A copy of the code to run from: HEAD (default) or the working tree.

    Others edit the checkout while the suite runs and gunicorn would import
    half-written files; the copy is consistent, and a second copy is the
    "fresh clone" the backup is restored on.
    """
    target.mkdir(parents=True)
    if worktree:
        names = subprocess.run(
            ["git", "ls-files", "-co", "--exclude-standard", "-z"],
            cwd=BASE_DIR,
            capture_output=True,
            check=True,
        ).stdout
        existing = b"\0".join(
            n for n in names.split(b"\0") if n and (BASE_DIR / n.decode()).exists()
        )
        archive = subprocess.run(
            ["tar", "-c", "-f", "-", "-C", str(BASE_DIR), "--null", "-T", "-"],
            input=existing,
            capture_output=True,
            check=True,
            cwd=BASE_DIR,
        ).stdout
    else:
        archive = subprocess.run(
            ["git", "archive", "HEAD"], cwd=BASE_DIR, capture_output=True, check=True
        ).stdout
    subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True)


class Postgres:
    def __init__(self, root, name):
        self.dir = root / name
        self.dir.mkdir()
        self.data = self.dir / "data"
        self.logfile = self.dir / "postgres.log"
        self.port = free_port()
        self.running = False
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")

    def pg_ctl(self, *args, check=True):
        return subprocess.run(
            as_postgres([str(PG_BIN / "pg_ctl"), "-D", str(self.data), *args]),
            capture_output=True,
            text=True,
            check=check,
        )

    def init(self):
        subprocess.run(
            as_postgres(
                [
                    str(PG_BIN / "initdb"),
                    "-D",
                    str(self.data),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                ]
            ),
            capture_output=True,
            check=True,
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.dir}'\n"
                "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                "shared_buffers = 32MB\nmax_connections = 40\n"
            )

    def start(self):
        self.pg_ctl("start", "-w", "-t", "60", "-l", str(self.logfile))
        self.running = True

    def stop(self, mode="fast"):
        self.pg_ctl("stop", "-w", "-t", "60", "-m", mode)
        self.running = False

    def url(self, db="humas"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{db}"

    def connect(self, db="humas"):
        import psycopg

        return psycopg.connect(
            host="127.0.0.1",
            port=self.port,
            user="postgres",
            dbname=db,
            autocommit=True,
        )

    def create_database(self, name="humas"):
        with self.connect("postgres") as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

    def destroy(self):
        """Stop (by the postmaster's PID if pg_ctl cannot) and delete."""
        pid_file = self.data / "postmaster.pid"
        if pid_file.exists():
            result = self.pg_ctl(
                "stop", "-w", "-t", "20", "-m", "immediate", check=False
            )
            if result.returncode and pid_file.exists():
                try:
                    os.kill(int(pid_file.read_text().split()[0]), signal.SIGKILL)
                except (OSError, ValueError):
                    pass
        shutil.rmtree(self.dir, ignore_errors=True)


class Redis:
    def __init__(self, root, name="redis"):
        self.dir = root / name
        self.dir.mkdir()
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.dir),
                "--logfile",
                str(self.dir / "redis.log"),
            ],
            start_new_session=True,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.client().ping():
                return
        raise RuntimeError("Redis did not start")

    def client(self):
        import redis

        client = redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)
        try:
            client.ping()
        except redis.ConnectionError:
            time.sleep(0.2)
            return client
        return client

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)
        self.process = None

    def destroy(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


class Site:
    """The production configuration (gunicorn.conf.py, debug off) of one copy
    of the code against one PostgreSQL database, Redis and media folder."""

    def __init__(self, root, name, src, pg, redis_port, *, workers=2):
        self.dir = root / name
        self.dir.mkdir()
        self.src = src
        self.media = self.dir / "media"
        self.media.mkdir()
        self.access_log = self.dir / "gunicorn.log"
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.pg = pg
        self.process = None
        self.env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "humas_site.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_HTTPS": "0",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": pg.url(),
            "REDIS_URL": f"redis://127.0.0.1:{redis_port}/0",
            "MEDIA_ROOT": str(self.media),
            "WEB_CONCURRENCY": str(workers),
            "GUNICORN_LOG_LEVEL": "info",
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        self.env.pop("CI", None)

    def manage(self, *args, check=True, **kwargs):
        return subprocess.run(
            [PY, "manage.py", *args],
            env=self.env,
            cwd=self.src,
            check=check,
            capture_output=True,
            text=True,
            **kwargs,
        )

    def shell(self, code):
        """Run Python with Django set up in the site's configuration; its stdout."""
        result = subprocess.run(
            [PY, "-c", "import django; django.setup()\n" + code],
            env=self.env,
            cwd=self.src,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise RuntimeError(f"shell failed: {result.stderr[-2000:]}")
        return result.stdout

    def start(self, *, preload=None):
        env = self.env | ({"LD_PRELOAD": preload} if preload else {})
        with self.access_log.open("a") as out:
            self.process = subprocess.Popen(
                [
                    str(Path(PY).parent / "gunicorn"),
                    "-c",
                    "gunicorn.conf.py",
                    "--bind",
                    f"127.0.0.1:{self.port}",
                    "humas_site.wsgi",
                ],
                env=env,
                cwd=self.src,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_http(f"{self.base}/healthz", timeout=90)

    def workers(self):
        return children(self.process.pid) if self.process else []

    def stop(self):
        if not self.process:
            return
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                pass
        try:  # workers left behind by a master that died
            os.killpg(self.process.pid, signal.SIGKILL)
        except OSError:
            pass
        self.process.wait(timeout=10)
        self.process = None

    def log_statuses(self, since=0):
        """HTTP statuses of the access log, from byte offset ``since``."""
        with self.access_log.open("rb") as handle:
            handle.seek(since)
            text = handle.read().decode(errors="replace")
        return [
            (m.group(1), int(m.group(2)))
            for m in re.finditer(r'"[A-Z]+ (\S+) HTTP/[\d.]+" (\d{3}) ', text)
        ]

    def log_size(self):
        return self.access_log.stat().st_size


# --------------------------------------------------------------------------
# Load generator and timeline


class Load:
    """Threads requesting a mix of pages and view beacons, each request
    recorded as (start, seconds, kind, status, retry_after) relative to t0.

    Kinds: home, list, article (the same URLs every time: the page cache
    answers), uncached (the article with a unique ``nocache`` parameter, so it
    is rendered) and beacon (a POST with a distinct User-Agent per request, so
    each one answered 204 counts one view).
    """

    TIMEOUT = 10  # a request taking this long "hangs" (gunicorn's is 30)

    def __init__(
        self,
        site,
        article_url,
        beacon_pk,
        *,
        threads=4,
        pause=0.0,
        timeout=None,
        rate=None,
    ):
        self.site = site
        self.rate = rate  # requests per second in all, paced
        # Every beacon is a new reader (a distinct User-Agent across the whole
        # run), so each one answered 204 must add exactly one view.
        self.token = secrets.token_hex(4)
        self.timeout = timeout or self.TIMEOUT
        self.urls = {
            "home": "/",
            "list": "/berita/",
            "article": article_url,
        }
        self.beacon_path = f"/berita/{beacon_pk}/dilihat/"
        self.mix = ["home", "article", "beacon", "list", "uncached", "beacon"]
        self.threads = threads
        self.pause = pause
        self.records = []
        self.stopping = threading.Event()
        self.t0 = time.monotonic()
        self.counter = 0
        self.lock = threading.Lock()
        self.workers = []

    def now(self):
        return time.monotonic() - self.t0

    def request(self, session, kind):
        with self.lock:
            self.counter += 1
            n = self.counter
        url = self.site.base
        headers = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64) FaultsReader/1"}
        if kind == "beacon":
            method, url = "POST", url + self.beacon_path
            headers = {
                "User-Agent": (
                    f"Mozilla/5.0 (X11; Linux x86_64) FaultsReader/{self.token}.{n}"
                ),
                "Sec-Fetch-Site": "same-origin",
            }
        elif kind == "uncached":
            method, url = "GET", url + f"{self.urls['article']}?nocache={n}"
        else:
            method, url = "GET", url + self.urls[kind]
        started = self.now()
        try:
            response = session.request(
                method, url, headers=headers, timeout=self.timeout
            )
            status = response.status_code
            retry_after = response.headers.get("Retry-After")
            text = response.text if status >= 500 else ""
        except requests.RequestException as error:
            status, retry_after, text = 0, None, type(error).__name__
        self.records.append(
            (started, self.now() - started, kind, status, retry_after, text[:200])
        )

    def run_thread(self, index):
        session = requests.Session()
        session.trust_env = False
        position = index
        interval = self.threads / self.rate if self.rate else 0
        next_at = self.now()
        while not self.stopping.is_set():
            self.request(session, self.mix[position % len(self.mix)])
            position += 1
            if self.pause:
                time.sleep(self.pause)
            if interval:
                next_at += interval
                delay = next_at - self.now()
                if delay > 0:
                    self.stopping.wait(delay)
                else:
                    next_at = self.now()

    def start(self):
        for index in range(self.threads):
            thread = threading.Thread(
                target=self.run_thread, args=(index,), daemon=True
            )
            thread.start()
            self.workers.append(thread)

    def stop(self):
        self.stopping.set()
        for thread in self.workers:
            thread.join(timeout=self.timeout + 5)

    def between(self, start, end, kinds=None):
        return [
            r
            for r in self.records
            if start <= r[0] < end and (kinds is None or r[2] in kinds)
        ]

    def beacons_204(self):
        return sum(1 for r in self.records if r[2] == "beacon" and r[3] == 204)


def p99(values):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]


def timeline(load, start, end, marks):
    """One line per second: requests, 2xx, 503, other errors, p99."""
    lines = [
        f"{'t (s)':>6} {'req/s':>6} {'2xx':>5} {'503':>5} {'5xx!':>5} "
        f"{'fail':>5} {'p99 ms':>8}  event"
    ]
    for second in range(int(start), int(end) + 1):
        rows = load.between(second, second + 1)
        statuses = [r[3] for r in rows]
        event = ", ".join(text for at, text in marks if second <= at < second + 1)
        lines.append(
            f"{second:>6} {len(rows):>6} "
            f"{sum(1 for s in statuses if 200 <= s < 300):>5} "
            f"{statuses.count(503):>5} "
            f"{sum(1 for s in statuses if s >= 500 and s != 503):>5} "
            f"{statuses.count(0):>5} "
            f"{p99([r[1] for r in rows]) * 1000:>8.0f}  {event}"
        )
    return lines


def cpu_ticks(pid):
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def busiest(pids, seconds=0.1):
    """The process that used the most CPU during the next ``seconds``."""
    before = {pid: cpu_ticks(pid) for pid in pids}
    time.sleep(seconds)
    return max(pids, key=lambda pid: cpu_ticks(pid) - before[pid])


class Verdicts:
    def __init__(self):
        self.items = []

    def check(self, fault, ok, what):
        self.items.append((fault, bool(ok), what))
        log(f"{'PASS' if ok else 'FAIL'} [{fault}] {what}")
        return ok

    def failed(self):
        return [item for item in self.items if not item[1]]


# --------------------------------------------------------------------------
# Staff in a browser-like session (login with TOTP, admin forms)


class FormParser:
    """The fields of a form as a browser would submit them unchanged (inputs,
    checked boxes, selected options, textareas): of the first form whose action
    contains ``action`` or that has a field ``field``; of all forms otherwise."""

    def __init__(self, html, action=None, field=None):
        from html.parser import HTMLParser

        forms = []  # [action, fields]
        state = {"select": None, "textarea": None, "form": None, "chosen": {}}

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == "form":
                    state["form"] = [a.get("action") or "", []]
                    forms.append(state["form"])
                if state["form"] is None:
                    return
                fields = state["form"][1]
                if tag == "input" and a.get("name"):
                    kind = (a.get("type") or "text").lower()
                    if kind in ("checkbox", "radio") and "checked" not in a:
                        return
                    if kind in ("submit", "button", "image", "file", "reset"):
                        return
                    default = "on" if kind in ("checkbox", "radio") else ""
                    fields.append([a["name"], a.get("value", default)])
                elif tag == "select" and a.get("name"):
                    state["select"] = a["name"]
                    state["first"] = None
                    state["multiple"] = "multiple" in a
                elif tag == "option" and state["select"]:
                    value = a.get("value", "")
                    if state["first"] is None:
                        state["first"] = value
                    if "selected" in a:
                        fields.append([state["select"], value])
                        state["chosen"][state["select"]] = True
                elif tag == "textarea" and a.get("name"):
                    state["textarea"] = [a["name"], ""]

            def handle_endtag(self, tag):
                if state["form"] is None:
                    return
                fields = state["form"][1]
                if tag == "form":
                    state["form"] = None
                elif tag == "select" and state["select"]:
                    name = state["select"]
                    if not state["chosen"].get(name) and not state["multiple"]:
                        fields.append([name, state["first"] or ""])
                    state["select"] = None
                elif tag == "textarea" and state["textarea"]:
                    fields.append(state["textarea"])
                    state["textarea"] = None

            def handle_data(self, data):
                if state["textarea"]:
                    state["textarea"][1] += data

        Parser(convert_charrefs=True).feed(html)
        chosen = [
            form
            for form in forms
            if (action is None or action in form[0])
            and (field is None or any(name == field for name, _ in form[1]))
        ]
        if action is None and field is None:
            chosen = forms
        self.action = chosen[0][0] if chosen else ""
        self.fields = [f for form in chosen[:1] if action or field for f in form[1]]
        if action is None and field is None:
            self.fields = [f for form in forms for f in form[1]]
        for entry in self.fields:  # <textarea> bodies start after one newline
            if entry[1].startswith("\n"):
                entry[1] = entry[1][1:]

    def data(self, **overrides):
        result = [(k, v) for k, v in self.fields if k not in overrides]
        return result + list(overrides.items())


class Staff:
    def __init__(self, site, username, totp_key):
        self.site = site
        self.username = username
        self.totp_key = totp_key
        self.session = requests.Session()
        self.session.trust_env = False

    used_steps = {}  # username: the last TOTP time step used

    def token(self):
        """A fresh TOTP code; django-otp refuses a code used before, so wait
        for the next 30-second step when this account just logged in."""
        from django_otp.oath import TOTP

        while int(time.time() // 30) == Staff.used_steps.get(self.username):
            time.sleep(0.5)
        totp = TOTP(bytes.fromhex(self.totp_key))
        totp.time = time.time()
        Staff.used_steps[self.username] = totp.t()
        return f"{totp.token():06d}"

    def get(self, path, **kwargs):
        return self.session.get(self.site.base + path, timeout=15, **kwargs)

    def post(self, path, data, **kwargs):
        return self.session.post(
            self.site.base + path,
            data=data,
            timeout=15,
            headers={"Referer": self.site.base + path},
            **kwargs,
        )

    def login(self):
        page = self.get("/account/login/")
        form = FormParser(page.text)
        response = self.post(
            "/account/login/",
            form.data(
                **{
                    "login_view-current_step": "auth",
                    "auth-username": self.username,
                    "auth-password": STAFF_PASSWORD,
                }
            ),
        )
        form = FormParser(response.text)
        if "token-otp_token" not in response.text:
            return response
        response = self.post(
            "/account/login/",
            form.data(
                **{"login_view-current_step": "token", "token-otp_token": self.token()}
            ),
        )
        if self.site.base + "/account/login/" in response.url:
            text = re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", response.text))
            log(
                f"login of {self.username} stopped: {response.status_code} "
                f"{text[:1500]}"
            )
        return response

    def logged_in(self):
        response = self.get("/admin/", allow_redirects=False)
        return response.status_code == 200


# --------------------------------------------------------------------------
# The faults


class Suite:
    def __init__(self, args, root):
        self.args = args
        self.root = root
        self.verdicts = Verdicts()
        self.report = []
        self.pg = None
        self.redis = None
        self.site = None
        self.extra = []  # other clusters/sites to stop
        self.mounts = []
        self.loads = []

    def section(self, title, lines):
        self.report.append(f"\n## {title}\n")
        self.report.extend(lines)

    # -- setup ------------------------------------------------------------
    def setup(self):
        src = self.root / "src"
        log(f"code: {'working tree' if self.args.worktree else 'HEAD'} copied to {src}")
        copy_code(src, worktree=self.args.worktree)
        self.pg = Postgres(self.root, "pg")
        self.pg.init()
        self.pg.start()
        self.pg.create_database()
        log(f"PostgreSQL {PG_BIN.parent.name} cluster on 127.0.0.1:{self.pg.port}")
        self.redis = Redis(self.root)
        self.redis.start()
        log(f"Redis on 127.0.0.1:{self.redis.port}")
        self.site = Site(self.root, "site", src, self.pg, self.redis.port)
        self.site.manage("migrate", "--noinput", "-v0")
        self.site.manage("collectstatic", "--noinput", "-v0")
        self.site.manage("seed_demo")
        self.totp = {}
        for username in ("editor", "admin"):
            key = secrets.token_hex(20)
            self.site.shell(
                "from django.contrib.auth import get_user_model\n"
                "from django_otp.plugins.otp_totp.models import TOTPDevice\n"
                f"user = get_user_model().objects.get(username={username!r})\n"
                "TOTPDevice.objects.filter(user=user).delete()\n"
                f"TOTPDevice.objects.create(user=user, name='default', key={key!r}, "
                "confirmed=True)\n"
            )
            self.totp[username] = key
        out = self.site.shell(
            "from news.models import Article\n"
            "a = Article.objects.published().order_by('-published_at').first()\n"
            "print(a.pk, a.get_absolute_url())\n"
        )
        pk, url = out.split()[-2:]
        self.article_pk, self.article_url = int(pk), url
        self.site.start()
        log(
            f"gunicorn (2 workers, gunicorn.conf.py, debug off) on {self.site.base}, "
            f"workers {self.site.workers()}; article {self.article_url}"
        )

    def views(self):
        with self.pg.connect() as conn:
            return conn.execute(
                "SELECT COALESCE(SUM(views_count), 0) FROM news_article"
            ).fetchone()[0]

    def new_load(self, **kwargs):
        load = Load(self.site, self.article_url, self.article_pk, **kwargs)
        self.loads.append(load)
        return load

    def warm(self):
        for path in ("/", "/berita/", self.article_url):
            requests.get(self.site.base + path, timeout=30)

    # -- database down ------------------------------------------------------
    def fault_db(self):
        name = "database down"
        log(f"{name}: load on, PostgreSQL stopped for {self.args.outage} s")
        editor = Staff(self.site, "editor", self.totp["editor"])
        editor.login()
        v = self.verdicts
        v.check(name, editor.logged_in(), "editor logged in (password + TOTP)")
        change_url = f"/admin/news/article/{self.article_pk}/change/"
        form_page = editor.get(change_url)
        form = FormParser(form_page.text)
        title_before = dict(form.fields).get("title", "")
        self.warm()
        views_before = self.views()
        log_offset = self.site.log_size()
        load = self.new_load()
        load.start()
        time.sleep(5)
        down_at = load.now()
        self.pg.stop("fast")
        stopped_at = load.now()
        log(f"PostgreSQL stopped (took {stopped_at - down_at:.1f} s)")
        marks = [(down_at, "PostgreSQL stop"), (stopped_at, "stopped")]
        time.sleep(2)
        health = requests.get(self.site.base + "/healthz", timeout=10)
        log(f"/healthz during the outage: {health.status_code} {health.text.strip()}")
        refused = editor.post(
            change_url, form.data(title=title_before + " (disimpan saat padam)")
        )
        log(
            f"editor's save during the outage: {refused.status_code}, "
            f"Retry-After {refused.headers.get('Retry-After')}"
        )
        time.sleep(max(0, self.args.outage - (load.now() - down_at)))
        up_at = load.now()
        self.pg.start()
        started_at = load.now()
        marks += [(up_at, "PostgreSQL start"), (started_at, "accepting")]
        log(f"PostgreSQL started again (took {started_at - up_at:.1f} s)")
        recovered_at = None
        deadline = started_at + 30
        while load.now() < deadline:
            time.sleep(1)
            recent = load.between(load.now() - 1, load.now())
            if recent and all(200 <= r[3] < 300 for r in recent):
                recovered_at = recent[0][0]
                break
        time.sleep(5)
        end = load.now()
        load.stop()
        time.sleep(1)
        marks.append((recovered_at or end, "all answers 2xx again"))
        views_after = self.views()
        statuses = self.site.log_statuses(log_offset)

        outage = (stopped_at + 0.5, up_at)
        cached = load.between(*outage, {"home", "list", "article"})
        uncached = load.between(*outage, {"uncached"})
        v.check(
            name,
            cached and all(r[3] == 200 for r in cached),
            f"cached pages served during the outage: {len(cached)} requests, "
            f"statuses {sorted({r[3] for r in cached})}",
        )
        v.check(
            name,
            uncached
            and all(r[3] == 503 and r[4] and "pemeliharaan" in r[5] for r in uncached),
            f"uncached pages answered the Indonesian 503 page with Retry-After: "
            f"{len(uncached)} requests, statuses {sorted({r[3] for r in uncached})}",
        )
        slowest = max((r[1] for r in load.records), default=0)
        v.check(
            name,
            all(r[1] < 5 for r in load.between(*outage)) and slowest < Load.TIMEOUT,
            f"no request hung: slowest during the outage "
            f"{max((r[1] for r in load.between(*outage)), default=0):.2f} s "
            f"(bound 5 s), slowest overall {slowest:.2f} s",
        )
        v.check(
            name,
            health.status_code == 503 and health.json().get("database") == "error",
            f"/healthz said so: {health.status_code} {health.text.strip()}",
        )
        fives = [s for s in statuses if s[1] >= 500 and s[1] != 503]
        v.check(
            name,
            not fives and not any(r[3] == 0 for r in load.records),
            f"no 500 in the access log ({len(statuses)} lines; other 5xx: "
            f"{fives[:5]}), no failed connection",
        )
        v.check(
            name,
            recovered_at is not None,
            "site answered normally again "
            + (
                f"{recovered_at - started_at:.1f} s after PostgreSQL was back"
                if recovered_at is not None
                else "NOT within 30 s"
            )
            + " without restarting gunicorn",
        )
        v.check(
            name,
            refused.status_code == 503
            and "Data yang Anda kirim belum tersimpan" in refused.text,
            f"editor's save during the outage refused with a clear message "
            f"({refused.status_code}, 'Data yang Anda kirim belum tersimpan')",
        )
        title_after = dict(FormParser(editor.get(change_url).text).fields).get("title")
        revisions = self.site.shell(
            "from news.models import Article\n"
            f"a = Article.objects.get(pk={self.article_pk})\n"
            "print(a.history.count(), a.history.first().title == a.title)"
        ).split()
        v.check(
            name,
            title_after == title_before and revisions[1] == "True",
            f"nothing half-written: title unchanged ({title_after!r}), "
            f"latest revision matches the article",
        )
        answered = load.beacons_204()
        v.check(
            name,
            views_after - views_before == answered,
            f"views: {answered} beacons answered 204, counts rose by "
            f"{views_after - views_before}",
        )
        self.section(
            "Database down under load",
            timeline(load, down_at - 3, end, marks),
        )

    # -- Redis down ---------------------------------------------------------
    def fault_redis(self):
        name = "Redis down"
        v = self.verdicts
        log(f"{name}: load on, Redis stopped for {self.args.outage} s")
        editor = Staff(self.site, "editor", self.totp["editor"])
        editor.login()
        v.check(name, editor.logged_in(), "editor logged in before the outage")
        self.warm()
        views_before = self.views()
        log_offset = self.site.log_size()
        # Every page is rendered while Redis is down (no page cache): one
        # client per worker, and "hung" means past 25 s (gunicorn's is 30).
        load = self.new_load(threads=2, timeout=25)
        load.start()
        time.sleep(5)
        down_at = load.now()
        self.redis.stop()
        stopped_at = load.now()
        marks = [(down_at, "Redis stop"), (stopped_at, "stopped")]
        log(f"Redis stopped (took {stopped_at - down_at:.1f} s)")
        time.sleep(2)
        health = requests.get(self.site.base + "/healthz", timeout=10)
        log(f"/healthz during the outage: {health.status_code} {health.text.strip()}")
        still_in = editor.logged_in()
        admin_page = editor.get(f"/admin/news/article/{self.article_pk}/change/")
        # A fresh login (password + TOTP) while Redis is down.
        admin = Staff(self.site, "admin", self.totp["admin"])
        admin.login()
        fresh_login = admin.logged_in()
        # Lockout: wrong passwords for one account, then the right one.
        locked = Staff(self.site, "pimpinan", "")
        statuses = []
        for attempt in range(6):
            page = locked.get("/account/login/")
            response = locked.post(
                "/account/login/",
                FormParser(page.text).data(
                    **{
                        "login_view-current_step": "auth",
                        "auth-username": "pimpinan",
                        "auth-password": f"salah-{attempt}",
                    }
                ),
            )
            statuses.append(response.status_code)
        page = locked.get("/account/login/")
        right = locked.post(
            "/account/login/",
            FormParser(page.text).data(
                **{
                    "login_view-current_step": "auth",
                    "auth-username": "pimpinan",
                    "auth-password": STAFF_PASSWORD,
                }
            ),
        )
        log(
            f"6 wrong passwords for pimpinan: {statuses}; then the right one: "
            f"{right.status_code} {right.url}"
        )
        time.sleep(max(0, self.args.outage - (load.now() - down_at)))
        up_at = load.now()
        self.redis.start()
        started_at = load.now()
        marks += [(up_at, "Redis start"), (started_at, "answering")]
        log(f"Redis started again (took {started_at - up_at:.1f} s), empty")
        time.sleep(8)
        end = load.now()
        load.stop()
        time.sleep(1)
        health_after = requests.get(self.site.base + "/healthz", timeout=10)
        views_after = self.views()
        access = self.site.log_statuses(log_offset)
        outage = (stopped_at, up_at)
        during = load.between(*outage)
        v.check(
            name,
            during and all(200 <= r[3] < 300 for r in during),
            f"pages and beacons answered normally during the outage: {len(during)} "
            f"requests, statuses {sorted({r[3] for r in during})}",
        )
        slowest = max((r[1] for r in during), default=0)
        v.check(
            name,
            slowest < 25,
            f"no request hung: slowest during the outage {slowest:.2f} s (bound "
            f"25 s; every page is rendered, p50 "
            f"{sorted(r[1] for r in during)[len(during) // 2] if during else 0:.2f} s)",
        )
        v.check(
            name,
            health.status_code == 503 and health.json().get("cache") == "error",
            f"/healthz said so: {health.status_code} {health.text.strip()}",
        )
        v.check(
            name,
            still_in and admin_page.status_code == 200,
            "the editor logged in before stays logged in (sessions fall back to "
            f"the database): admin form {admin_page.status_code}",
        )
        v.check(
            name,
            fresh_login,
            "a fresh login with password and TOTP works during the outage",
        )
        v.check(
            name,
            "dikunci" in right.text.lower() or right.status_code in (403, 429),
            "lockout holds (fails closed): after 5 wrong passwords the right "
            f"one is refused ({right.status_code})",
        )
        fives = [s for s in access if s[1] >= 500 and s[0] != "/healthz"]
        v.check(
            name,
            not fives and not any(r[3] == 0 for r in load.records),
            f"no 5xx in the access log but /healthz's 503 ({len(access)} lines; "
            f"{fives[:5]}), no failed connection",
        )
        v.check(
            name,
            health_after.status_code == 200,
            f"/healthz after Redis is back: {health_after.status_code}",
        )
        answered = load.beacons_204()
        v.check(
            name,
            views_after - views_before == answered,
            f"no view lost: {answered} beacons answered 204, stored counts rose by "
            f"{views_after - views_before}",
        )
        self.section("Redis down under load", timeline(load, down_at - 3, end, marks))

    # -- worker killed mid-write ------------------------------------------------
    def photo(self, width=900, height=700):
        """A noise JPEG (it does not compress: the upload is real bytes)."""
        from PIL import Image

        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
        buffer = io.BytesIO()
        image.save(buffer, "JPEG", quality=90)
        return buffer.getvalue()

    def draft(self, staff, title, photos, text="Rapat koordinasi pemutakhiran data."):
        """The editor's "write a draft" form (title, text, photos)."""
        page = staff.get("/admin/news/article/tulis/")
        data = FormParser(page.text, field="title").data(
            title=title, what=text, where="Aula KPU", who="Tim humas"
        )
        files = [
            ("photos", (f"foto-{n}.jpg", body, "image/jpeg"))
            for n, body in enumerate(photos)
        ]
        return staff.post(
            "/admin/news/article/tulis/", data, files=files, allow_redirects=False
        )

    def media_check(self, *args):
        """(exit status, summary line, report) of manage.py check_media."""
        result = self.site.manage("check_media", *args, check=False)
        report = result.stdout.strip()
        summary = re.findall(r".*berkas hilang.*", report)
        return result.returncode, (summary or ["(no summary)"])[-1], report

    def fault_kill(self):
        name = "worker killed"
        v = self.verdicts
        editor = Staff(self.site, "editor", self.totp["editor"])
        editor.login()
        v.check(name, editor.logged_in(), "editor logged in")
        photos = [self.photo(), self.photo()]
        reader = requests.Session()
        reader.trust_env = False
        page = reader.get(
            f"{self.site.base}{self.article_url}?nocache=komentar", timeout=15
        )
        comment_form = FormParser(page.text, action="komentar")
        comment_action = comment_form.action
        log_offset = self.site.log_size()
        before = set(self.site.workers())
        load = self.new_load(threads=2)
        load.start()
        saves, comments = [], []
        stop = threading.Event()

        saving = threading.Event()

        def save_loop():
            n = 0
            while not stop.is_set():
                n += 1
                started = load.now()
                saving.set()
                try:
                    response = self.draft(editor, f"Uji gangguan {n}", photos)
                    status = response.status_code
                except requests.RequestException as error:
                    status = type(error).__name__
                saving.clear()
                saves.append((started, load.now() - started, n, status))

        def comment_loop():
            for n in range(5):
                if stop.wait(2):
                    return
                data = comment_form.data(
                    name="Pembaca",
                    email="pembaca@example.com",
                    comment=f"Komentar uji gangguan {n}: kapan coklit selesai?",
                )
                try:
                    response = reader.post(
                        self.site.base + comment_action,
                        data=data,
                        headers={"Sec-Fetch-Site": "same-origin"},
                        timeout=15,
                        allow_redirects=False,
                    )
                    status = response.status_code
                    if status == 200:
                        text = re.sub(
                            r"\s+", " ", re.sub("<[^>]+>", " ", response.text)
                        )
                        log(f"comment {n} answered 200: {text[:600]}")
                except requests.RequestException as error:
                    status = type(error).__name__
                comments.append((n, status))

        threads = [
            threading.Thread(target=save_loop, daemon=True),
            threading.Thread(target=comment_loop, daemon=True),
        ]
        for thread in threads:
            thread.start()
        killed, marks = [], []
        time.sleep(3)
        for _ in range(self.args.kills):
            saving.wait(30)
            time.sleep(random.uniform(0.05, 0.3))  # somewhere inside the save
            workers = self.site.workers()
            if workers:
                # The busiest worker (most CPU lately) is the one saving.
                victim = busiest(workers)
                os.kill(victim, signal.SIGKILL)
                killed.append(victim)
                marks.append((load.now(), f"kill -9 worker {victim}"))
                log(f"kill -9 worker {victim} (saves so far: {len(saves)})")
            # The next kill once the master has replaced this worker and it
            # had time to take a request.
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and len(self.site.workers()) < 2:
                time.sleep(0.2)
            time.sleep(random.uniform(2, 5))
        time.sleep(5)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
        end = load.now()
        load.stop()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and len(self.site.workers()) < 2:
            time.sleep(1)
        after = set(self.site.workers())
        log(f"saves: {[s[3] for s in saves]}; comments: {comments}")
        v.check(
            name,
            len(after) == 2 and not (after & set(killed)) and after != before,
            f"the master replaced the killed workers: before {sorted(before)}, "
            f"killed {killed}, now {sorted(after)}",
        )
        access = self.site.log_statuses(log_offset)
        fives = [a for a in access if a[1] >= 500]
        failed = [r for r in load.records if r[3] == 0]
        failed_saves = [s for s in saves if not isinstance(s[3], int)]
        lost = (
            len(failed)
            + len(failed_saves)
            + sum(1 for c in comments if not isinstance(c[1], int))
        )
        v.check(
            name,
            not fives and lost <= len(killed),
            f"no 5xx in the access log; requests cut by the kills: {lost} "
            f"(at most one per kill: {len(killed)})",
        )
        v.check(
            name,
            all(s[3] == 302 for s in saves if isinstance(s[3], int))
            and all(c[1] in (302, 429) for c in comments if isinstance(c[1], int)),
            f"every answered save and comment answered normally "
            f"({len(saves)} saves, {len(comments)} comments)",
        )
        state = json.loads(
            self.site.shell(
                "import json\n"
                "from news.models import Article, ArticlePhoto\n"
                "from django_comments import get_model\n"
                "H = Article.history.model\n"
                "ids = set(H.objects.values_list('id', flat=True))\n"
                "norev = [a.pk for a in Article.objects.all() if a.pk not in ids]\n"
                "drafts = Article.objects.filter(title__startswith='Uji gangguan')\n"
                # Two photos sent: the first is the featured photo, the
                # second the gallery's one photo.
                "incomplete = [a.pk for a in drafts if a.photos.count() != 1 "
                "or not a.featured_image]\n"
                "print(json.dumps({'norev': norev, 'drafts': drafts.count(), "
                "'incomplete': incomplete, 'comments': get_model().objects.filter("
                "comment__startswith='Komentar uji').count()}))"
            ).splitlines()[-1]
        )
        answered = sum(1 for s in saves if s[3] == 302)
        v.check(
            name,
            not state["norev"] and not state["incomplete"],
            f"{state['drafts']} drafts stored ({answered} saves answered), each with "
            f"its revision, its featured photo and one gallery photo; articles "
            f"without a revision: "
            f"{state['norev']}, incomplete drafts: {state['incomplete']}",
        )
        code, summary, report = self.media_check()
        log(f"manage.py check_media: exit {code}: {summary}")
        v.check(
            name,
            summary.startswith("0 berkas hilang"),
            f"no photo row without its file: {summary}",
        )
        if code:
            code, summary, report = self.media_check("--delete")
            log(f"manage.py check_media --delete: {summary}")
        code, summary, report = self.media_check()
        v.check(
            name,
            code == 0,
            f"no file without a row after check_media --delete: {summary}",
        )
        log(f"comments stored: {state['comments']}")
        self.section(
            "Worker killed mid-write",
            [
                *timeline(load, 0, end, marks),
                "",
                "saves (start s, seconds, n, status): "
                + ", ".join(f"{a:.1f}/{b:.1f}/{n}/{st}" for a, b, n, st in saves),
                f"comments (n, status): {comments}",
            ],
        )

    # -- disk full for uploads ---------------------------------------------------
    def fault_disk(self):
        name = "disk full"
        v = self.verdicts
        editor = Staff(self.site, "editor", self.totp["editor"])
        editor.login()
        uploads = self.site.media / "berita"
        uploads.mkdir(exist_ok=True)
        size_kb = 1024
        before = self.media_check()
        log(f"check_media before: {before[1]}")
        result = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(uploads)],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            v.check(name, False, f"cannot mount a small filesystem: {result.stderr}")
            return
        self.mounts.append(uploads)
        try:
            # The article photos already there stay underneath the mount; the
            # new filesystem is filled up to a few kilobytes.
            filler = uploads / ".filler"
            with filler.open("wb") as out:
                try:
                    while True:
                        out.write(b"\0" * 65536)
                        out.flush()
                except OSError:
                    pass
            with filler.open("r+b") as out:
                out.truncate(max(0, filler.stat().st_size - 16 * 1024))
            free = shutil.disk_usage(uploads).free
            log(f"media/berita is now a tmpfs with {free // 1024} KiB free")
            title = "Draf saat disk penuh"
            text = "Teks draf yang tidak boleh hilang saat disk penuh."
            response = self.draft(editor, title, [self.photo()], text=text)
            body = response.text
            log(f"upload with the disk full: {response.status_code}")
            stored = self.site.shell(
                "from news.models import Article\n"
                f"print(Article.objects.filter(title={title!r}).count())"
            ).split()[-1]
            v.check(
                name,
                response.status_code == 200 and "penyimpanan" in body.lower(),
                f"a clear Indonesian error ({response.status_code}): "
                + (
                    re.search(r"[^<>]*penyimpanan[^<>]*", body, re.I).group(0).strip()
                    if "penyimpanan" in body.lower()
                    else re.sub(r"\s+", " ", re.sub("<[^>]+>", " ", body))[:300]
                ),
            )
            v.check(
                name,
                text in body and title in body,
                "the draft's title and text are still in the form",
            )
            # The article form: an editor gives a published article a new
            # featured photo.
            change_url = f"/admin/news/article/{self.article_pk}/change/"
            page = editor.get(change_url)
            form = FormParser(page.text, field="title")
            title_before = dict(form.fields)["title"]
            response = editor.post(
                change_url,
                form.data(title=title_before + " (foto baru)"),
                files=[("featured_image", ("utama.jpg", self.photo(), "image/jpeg"))],
                allow_redirects=False,
            )
            title_after = self.site.shell(
                "from news.models import Article\n"
                f"print(Article.objects.get(pk={self.article_pk}).title)"
            ).strip()
            v.check(
                name,
                response.status_code == 200
                and "ruang penyimpanan server penuh" in response.text
                and title_before + " (foto baru)" in response.text
                and title_after == title_before,
                f"article form with a new photo: {response.status_code}, the "
                "error shown, the edited title still in the form, the stored "
                "article unchanged",
            )
            filler.unlink()
            leftovers = [p.name for p in uploads.rglob("*") if p.is_file()]
            v.check(
                name,
                not leftovers,
                f"no partial file left on the full disk: {leftovers[:5]}",
            )
        finally:
            self.unmount(uploads)
        after = self.media_check()
        v.check(
            name,
            stored == "0" and after[0] == 0 and after[2] == before[2],
            f"nothing half-saved: {stored} article with that title; "
            f"check_media before: {before[1]}, after: {after[1]}",
        )
        response = self.draft(editor, "Draf setelah disk lega", [self.photo()])
        v.check(
            name,
            response.status_code == 302,
            f"with space again the same upload is saved ({response.status_code})",
        )

    def unmount(self, path):
        subprocess.run(["umount", str(path)], capture_output=True)
        if subprocess.run(["mountpoint", "-q", str(path)]).returncode == 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)
        if path in self.mounts:
            self.mounts.remove(path)

    # -- backup -> restore on a fresh machine -----------------------------------
    def table_sums(self, pg):
        """{table: (rows, md5 of all rows in a stable order)} of a database."""
        sums = {}
        with pg.connect() as conn:
            tables = [
                row[0]
                for row in conn.execute(
                    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                    "ORDER BY tablename"
                )
            ]
            for table in tables:
                sums[table] = conn.execute(
                    f"SELECT count(*), md5(COALESCE(string_agg(t::text, chr(10) "
                    f"ORDER BY t::text), '')) FROM \"{table}\" t"
                ).fetchone()
        return sums

    @staticmethod
    def media_hashes(folder):
        """SHA-256 of every uploaded file; image renditions (CACHE/, made on
        demand, also by the readers during the backup) are left out."""
        import hashlib

        return {
            p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "CACHE"
        }

    @staticmethod
    def public_text(html):
        """A page's text for comparison, without what differs per request or
        per view: CSRF tokens, the comment form's signed timestamp, counts."""
        html = re.sub(
            r'name="(csrfmiddlewaretoken|timestamp|security_hash)"'
            r"[^>]*>",
            "",
            html,
        )
        html = re.sub(r"[\d.]+ kali (dilihat|dibaca)", "N kali", html)
        html = re.sub(r"Dilihat [\d.]+ kali", "Dilihat N kali", html)
        return html

    def public_paths(self):
        paths = {"/", "/berita/", "/agenda/", "/rapat/", "/galeri/", "/feed/"}
        pending = ["/sitemap.xml"]
        while pending:
            response = requests.get(self.site.base + pending.pop(), timeout=30)
            for loc in re.findall(r"<loc>([^<]+)</loc>", response.text):
                path = "/" + loc.split("://", 1)[-1].split("/", 1)[-1]
                if path.endswith(".xml"):
                    pending.append(path)
                else:
                    paths.add(path)
        return sorted(paths)

    def fault_restore(self):
        name = "backup and restore"
        v = self.verdicts
        archive = self.root / "backup.tar.gz"
        # Backup while readers load the site (pages only: the comparison
        # below needs the original to stay as it was backed up).
        load = self.new_load(threads=2)
        load.mix = ["home", "article", "list", "uncached"]
        load.start()
        started = time.monotonic()
        result = self.site.manage("backup", "--output", str(archive), check=False)
        took = time.monotonic() - started
        load.stop()
        v.check(
            name,
            result.returncode == 0 and archive.exists(),
            f"manage.py backup under load: exit {result.returncode} in {took:.1f} s, "
            f"{archive.stat().st_size // 1024 if archive.exists() else 0} KiB"
            + (f" {result.stderr.strip()[-300:]}" if result.returncode else ""),
        )
        bad = [r for r in load.records if r[3] != 200]
        v.check(
            name,
            not bad,
            f"readers unaffected during the backup: {len(load.records)} requests, "
            f"{len(bad)} not 200",
        )
        # A fresh machine: new cluster, new Redis, new copy of the code, empty
        # media folder; the same configuration (secret key) as the site.
        pg2 = Postgres(self.root, "pg2")
        self.extra.append(pg2)
        pg2.init()
        pg2.start()
        pg2.create_database()
        redis2 = Redis(self.root, "redis2")
        self.extra.append(redis2)
        redis2.start()
        src2 = self.root / "src2"
        copy_code(src2, worktree=self.args.worktree)
        fresh = Site(self.root, "site2", src2, pg2, redis2.port)
        fresh.env["DJANGO_SECRET_KEY"] = self.site.env["DJANGO_SECRET_KEY"]
        self.extra.append(fresh)
        result = fresh.manage("restore", str(archive), check=False)
        v.check(
            name,
            result.returncode == 0,
            f"manage.py restore into a new cluster: exit {result.returncode} "
            f"{(result.stdout + result.stderr).strip()[-300:]}",
        )
        original, restored = self.table_sums(self.pg), self.table_sums(pg2)
        differ = [t for t in original if original[t] != restored.get(t)]
        v.check(
            name,
            original and not differ and set(original) == set(restored),
            f"{len(original)} tables, {sum(c for c, _ in original.values())} rows: "
            f"row counts and checksums equal (differ: {differ[:5]})",
        )
        media1, media2 = (
            self.media_hashes(self.site.media),
            self.media_hashes(fresh.media),
        )
        changed = [k for k in media1 if k in media2 and media1[k] != media2[k]]
        v.check(
            name,
            media1 == media2 and media1,
            f"{len(media1)} uploaded files (renditions aside), same SHA-256 on both "
            f"(missing {sorted(set(media1) - set(media2))[:3]}, "
            f"different {changed[:3]})",
        )
        fresh.manage("collectstatic", "--noinput", "-v0")
        fresh.start()
        self.redis.client().flushdb()  # the original's page cache: fresh pages
        paths = self.public_paths()
        different = []
        same_host = {"Host": "localhost"}  # absolute URLs name the same site
        for path in paths:
            a = requests.get(self.site.base + path, headers=same_host, timeout=30)
            b = requests.get(fresh.base + path, headers=same_host, timeout=30)
            if (a.status_code, self.public_text(a.text)) != (
                b.status_code,
                self.public_text(b.text),
            ):
                import difflib

                diff = [
                    line
                    for line in difflib.unified_diff(
                        self.public_text(a.text).splitlines(),
                        self.public_text(b.text).splitlines(),
                        lineterm="",
                        n=2,
                    )
                    if line[:3] not in ("+++", "---")
                ]
                different.append((path, a.status_code, b.status_code, diff[:14]))
        for path, status_a, status_b, diff in different[:5]:
            log(f"differs: {path} ({status_a}, {status_b}):\n" + "\n".join(diff))
        v.check(
            name,
            paths and not different,
            f"{len(paths)} public pages (sitemap and sections) give the same text "
            f"on both sites; different: {[d[0] for d in different][:5]}",
        )
        fresh.stop()
        pg2.destroy()
        redis2.destroy()
        self.section(
            "Backup and restore",
            [
                f"backup {took:.1f} s under load; restored into a new cluster; "
                f"{len(original)} tables, {len(media1)} media files, "
                f"{len(paths)} pages compared"
            ],
        )

    # -- soak ----------------------------------------------------------------
    def fault_soak(self):
        name = "soak"
        v = self.verdicts
        self.warm()
        probe = self.new_load(threads=4)
        probe.start()
        time.sleep(15)
        probe.stop()
        capacity = len(probe.between(3, 15)) / 12
        rate = capacity * 0.7
        log(
            f"capacity on the mix: {capacity:.0f} req/s; soak at {rate:.0f} req/s "
            f"for {self.args.soak_seconds} s"
        )
        views_before = self.views()
        log_offset = self.site.log_size()
        # Paced, and with twice the probe's connections: a thread waiting on a
        # slow (uncached) page must not hold the whole load below its rate.
        load = self.new_load(threads=8, rate=rate)
        load.start()
        samples = []  # (t, pid, rss MiB)
        end_at = load.now() + self.args.soak_seconds
        while load.now() < end_at:
            for pid in self.site.workers():
                try:
                    samples.append((load.now(), pid, rss_mib(pid)["VmRSS"]))
                except (OSError, KeyError):
                    pass
            time.sleep(5)
        end = load.now()
        load.stop()
        time.sleep(1)
        views_after = self.views()
        access = self.site.log_statuses(log_offset)
        warm = end * 0.2
        growth = {}
        for pid in {p for _, p, _ in samples}:
            mine = [rss for t, p, rss in samples if p == pid and t >= warm]
            if len(mine) >= 2:
                growth[pid] = (mine[0], max(mine), (max(mine) - mine[0]) / mine[0])
        v.check(
            name,
            growth and all(g[2] <= 0.10 for g in growth.values()),
            "memory per worker flat after warm-up: "
            + ", ".join(
                f"pid {pid} {a:.0f}→max {b:.0f} MiB ({g * 100:+.1f}%)"
                for pid, (a, b, g) in growth.items()
            ),
        )
        window = max(10, int(end // 6))
        p99s = [
            p99([r[1] for r in load.between(t, t + window)])
            for t in range(0, int(end) - window + 1, window)
        ]
        # Steady = no trend (a leak or a pile-up grows the later windows) and
        # no window past a second; a busy 2-core machine gives single spikes
        # from other processes, which are not the site's doing.
        half = len(p99s) // 2
        steady = (
            len(p99s) >= 2
            and statistics.median(p99s[half:])
            <= 2 * statistics.median(p99s[:half]) + 0.05
            and max(p99s) <= max(3 * statistics.median(p99s) + 0.05, 1.0)
        )
        v.check(
            name,
            steady,
            f"p99 steady: per {window} s window "
            + ", ".join(f"{x * 1000:.0f}" for x in p99s)
            + " ms (the later half's median at most twice the earlier half's; "
            "no window above 3× the median or 1 s, whichever is more)",
        )
        bad = [r for r in load.records if r[3] not in (200, 204)]
        fives = [a for a in access if a[1] >= 400]
        v.check(
            name,
            not bad and not fives,
            f"0 errors: {len(load.records)} requests "
            f"({len(load.records) / end:.0f}/s), {len(bad)} not 200/204, "
            f"{len(fives)} 4xx/5xx in the access log",
        )
        reached = len(load.records) / end
        v.check(
            name,
            reached >= 0.9 * rate,
            f"load held: {reached:.0f} req/s for a target of {rate:.0f} req/s "
            f"(70% of the {capacity:.0f} req/s measured on the mix)",
        )
        answered = load.beacons_204()
        v.check(
            name,
            views_after - views_before == answered,
            f"counters exact: {answered} beacons answered 204, stored counts rose "
            f"by {views_after - views_before}",
        )
        step = max(1, int(end // 60))
        lines = timeline(load, 0, end, [])
        self.section(
            "Soak",
            [
                f"capacity {capacity:.0f} req/s on the mix, soak at {rate:.0f} req/s "
                f"for {end:.0f} s (every {step}th second shown)",
                lines[0],
                *lines[1::step],
            ],
        )

    def recover(self):
        """After a fault that aborted: loads stopped, mounts undone, the
        database and Redis running again, for the next fault."""
        for load in self.loads:
            load.stop()
        for path in list(self.mounts):
            self.unmount(path)
        if not self.pg.running:
            self.pg.start()
        if self.redis.process is None:
            self.redis.start()

    # -- cleanup ------------------------------------------------------------
    def teardown(self):
        for load in self.loads:
            load.stopping.set()
        for path in list(self.mounts):
            self.unmount(path)
        for site in [self.site, *[x for x in self.extra if isinstance(x, Site)]]:
            if site:
                site.stop()
        for redis in [self.redis, *[x for x in self.extra if isinstance(x, Redis)]]:
            if redis:
                redis.destroy()
        for pg in [self.pg, *[x for x in self.extra if isinstance(x, Postgres)]]:
            if pg:
                pg.destroy()


def alarm(signum, frame):
    raise FaultsTimeout(f"global timeout reached (signal {signum})")


def interrupted(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


FAULTS = ["db", "redis", "kill", "disk", "restore", "soak"]


def main():
    parser = argparse.ArgumentParser(description="Humas CMS fault suite")
    parser.add_argument("--faults", default=",".join(FAULTS))
    parser.add_argument("--outage", type=int, default=20, help="seconds down")
    parser.add_argument("--kills", type=int, default=6, help="workers killed")
    parser.add_argument(
        "--soak-seconds",
        type=int,
        default=int(os.environ.get("FAULTS_SOAK_SECONDS", "600")),
    )
    parser.add_argument(
        "--timeout",
        type=int,
        default=int(os.environ.get("FAULTS_TIMEOUT", "0")),
        help="global bound in seconds (default: 900 + the soak)",
    )
    parser.add_argument("--worktree", action="store_true", help="run uncommitted code")
    parser.add_argument("--output", default=str(RESULTS / "faults.txt"))
    args = parser.parse_args()
    chosen = [f for f in FAULTS if f in args.faults.split(",")]
    timeout = args.timeout or 900 + (args.soak_seconds if "soak" in chosen else 0)
    signal.signal(signal.SIGALRM, alarm)
    signal.signal(signal.SIGTERM, interrupted)
    signal.alarm(timeout)
    started = time.monotonic()
    root = Path(tempfile.mkdtemp(prefix="humas-faults-"))
    os.chmod(root, 0o755)
    suite = Suite(args, root)
    error = None
    try:
        log(f"faults {chosen}, global timeout {timeout} s, work in {root}")
        suite.setup()
        if os.environ.get("FAULTS_PAUSE"):  # keep the stack up to look at it
            (root / "stack").write_text(f"{suite.site.base} {suite.totp}")
            time.sleep(int(os.environ["FAULTS_PAUSE"]))
        for fault in chosen:
            try:
                getattr(suite, f"fault_{fault}")()
            except Exception as exc:  # the next faults still run
                import traceback

                traceback.print_exc()
                suite.verdicts.check(
                    fault, False, f"aborted: {type(exc).__name__}: {exc}"
                )
                suite.recover()
    except (Exception, KeyboardInterrupt, FaultsTimeout) as exc:
        error = exc
        log(f"ABORTED: {type(exc).__name__}: {exc}")
        import traceback

        traceback.print_exc()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # finish the cleanup
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        suite.teardown()
        shutil.rmtree(root, ignore_errors=True)
        log(f"stopped everything started; {root} removed")
        signal.signal(signal.SIGINT, signal.default_int_handler)
    elapsed = time.monotonic() - started
    failed = suite.verdicts.failed()
    info = machine()
    head = [
        f"# Humas CMS fault suite (`make faults`), "
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        f"Machine: {info['cpu']}, {info['cores']} cores, load average "
        f"{os.getloadavg()[0]:.1f} at the end; faults {', '.join(chosen)}; "
        f"{elapsed:.0f} s in all",
        "Timelines: t = seconds since the load started; 5xx! = 5xx other than "
        "503; fail = no HTTP answer within 10 s; p99 of that second.",
        "",
        "## Verdicts",
        *[
            f"- {'PASS' if ok else 'FAIL'} [{fault}] {what}"
            for fault, ok, what in suite.verdicts.items
        ],
    ]
    if error:
        head.append(f"- FAIL ABORTED: {type(error).__name__}: {error}")
    text = "\n".join(head + suite.report) + "\n"
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(text)
    sys.stdout.write("\n" + text)
    ok = not failed and not error and suite.verdicts.items
    log(f"{'ALL PASSED' if ok else 'FAILED'} in {elapsed:.0f} s; {args.output}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
