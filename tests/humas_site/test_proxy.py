"""Behind the shipped nginx, every visitor is their own visitor.

gunicorn runs the production settings (debug off, HTTPS on, two-factor login,
PostgreSQL, Redis when REDIS_URL is set) with ``DJANGO_PROXY_COUNT=1`` behind
nginx configured from docs/nginx.conf (only ports, paths and the certificate
substituted; the proxy headers are the shipped ones). Requests leave from
several loopback addresses (127.0.0.2, 127.0.0.3, ...), as different visitors
would. gunicorn serves the pytest-django test database, so the data each test
creates is committed (``transactional_db``).

Skipped with a reason when nginx is missing and CI is unset; fails in CI
(.ci/run installs nginx).
"""

import http.client
import http.cookies
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice

from humas_site.models import AuditEvent
from tests.factories import ArticleFactory, StaffFactory

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CONFIG = ROOT / "docs" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
PASSWORD = "sandi-uji-coba-123"
BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36"
)
START_TIMEOUT = 60
REQUEST_TIMEOUT = 30


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def substitute(text, old, new, count=1):
    """Replace ``old`` exactly ``count`` times: a change to docs/nginx.conf
    that this derivation no longer matches fails here, loudly."""
    found = len(re.findall(old, text, flags=re.S | re.M))
    assert found == count, f"docs/nginx.conf: {old!r} found {found} times"
    return re.sub(old, new, text, flags=re.S | re.M)


def nginx_config(workdir, *, port, app_port, cert, key, media_parent):
    site = SHIPPED_CONFIG.read_text()
    shipped_headers = re.findall(r"^\s*(proxy_set_header .*;)$", site, flags=re.M)
    assert (
        "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;"
        in shipped_headers
    )
    site = substitute(
        site, r"server 127\.0\.0\.1:8000;", f"server 127.0.0.1:{app_port};"
    )
    # The plain-http server only redirects to https: not needed here.
    site = substitute(site, r"^server \{\n    listen 80;.*?^\}\n", "")
    site = substitute(
        site, r"listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;"
    )
    site = substitute(site, r"ssl_certificate\s+\S+;", f"ssl_certificate {cert};")
    site = substitute(
        site, r"ssl_certificate_key\s+\S+;", f"ssl_certificate_key {key};"
    )
    site = substitute(site, "/srv/humas", str(media_parent), count=2)
    # Nothing else changed: the proxy headers are exactly the shipped ones.
    assert re.findall(r"^\s*(proxy_set_header .*;)$", site, flags=re.M) == (
        shipped_headers
    )
    temp = "\n".join(
        f"    {name}_temp_path {workdir / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
worker_processes 1;
events {{ worker_connections 256; }}
http {{
    access_log {workdir / "access.log"};
{temp}
{site}
}}
"""


def database_url():
    db = connection.settings_dict
    user = urllib.parse.quote(db["USER"] or "")
    password = db["PASSWORD"]
    auth = f"{user}:{urllib.parse.quote(password)}" if password else user
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    return f"postgres://{auth}@{host}/{db['NAME']}"


def stop(process, sig=signal.SIGTERM):
    """Stop a process this module started, by its PID, within a bound."""
    if process.poll() is None:
        os.kill(process.pid, sig)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


class Visitor:
    """One browser on one source address, speaking HTTPS to nginx."""

    def __init__(self, port, address):
        self.port = port
        self.address = address
        self.cookies = {}

    def request(self, method, path, *, form=None, headers=None):
        conn = http.client.HTTPSConnection(
            "127.0.0.1",
            self.port,
            source_address=(self.address, 0),
            context=ssl._create_unverified_context(),
            timeout=REQUEST_TIMEOUT,
        )
        sent = {"Host": "localhost", "User-Agent": BROWSER}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        sent.update(headers or {})
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            content = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                for name, morsel in http.cookies.SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            return response.status, content
        finally:
            conn.close()

    def login(self, username, password, headers=None):
        """The two-factor login's password step, as a browser sends it."""
        status, page = self.request("GET", "/account/login/")
        assert status == 200, page[:500]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        return self.request(
            "POST",
            "/account/login/",
            form={
                "csrfmiddlewaretoken": token,
                "login_view-current_step": "auth",
                "auth-username": username,
                "auth-password": password,
            },
            headers={
                "Origin": "https://localhost",
                "Referer": "https://localhost/account/login/",
                **(headers or {}),
            },
        )


@pytest.fixture(scope="module")
def proxied_site(
    django_db_setup, django_db_blocker, collected_static, tmp_path_factory
):
    if not os.path.exists(NGINX):
        if os.environ.get("CI"):
            pytest.fail(f"{NGINX} is missing in CI: apt-get install nginx")
        pytest.skip(f"{NGINX} not installed (apt-get install nginx); CI is unset")
    if not shutil.which("openssl"):
        if os.environ.get("CI"):
            pytest.fail("openssl is missing in CI: apt-get install openssl")
        pytest.skip("openssl not installed (for nginx's test certificate); CI is unset")
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.skip(
                "gunicorn behind nginx runs the production setup on PostgreSQL "
                "(run with DATABASE_URL=postgres://…)"
            )
        url = database_url()

    workdir = tmp_path_factory.mktemp("proxy")
    media = workdir / "humas" / "media"
    media.mkdir(parents=True)
    cert, key = workdir / "cert.pem", workdir / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-nodes", "-days", "1"]
        + ["-pkeyopt", "ec_paramgen_curve:prime256v1"]
        + ["-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    port, app_port = free_port(), free_port()
    conf = workdir / "nginx.conf"
    conf.write_text(
        nginx_config(
            workdir,
            port=port,
            app_port=app_port,
            cert=cert,
            key=key,
            media_parent=media.parent,
        )
    )

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL", "GUNICORN_"))
    }
    env.update(
        DJANGO_SECRET_KEY="proxy-test-secret-key-" + "x" * 40,
        DJANGO_PROXY_COUNT="1",
        DATABASE_URL=url,
        DJANGO_STATIC_ROOT=str(collected_static),
        MEDIA_ROOT=str(media),
        WEB_CONCURRENCY="2",
    )
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    else:  # one worker, so the local-memory cache is one cache
        env["WEB_CONCURRENCY"] = "1"
    started = []
    gunicorn_log = open(workdir / "gunicorn.log", "wb")
    try:
        gunicorn = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"]
            + ["--bind", f"127.0.0.1:{app_port}", "humas_site.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=gunicorn_log,
            stderr=subprocess.STDOUT,
        )
        started.append((gunicorn, signal.SIGTERM))
        nginx = subprocess.Popen(
            [
                NGINX,
                "-p",
                str(workdir),
                "-c",
                str(conf),
                "-e",
                str(workdir / "error.log"),
            ]
            + ["-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
        )
        started.append((nginx, signal.SIGQUIT))
        deadline = time.monotonic() + START_TIMEOUT
        probe = Visitor(port, "127.0.0.1")
        while True:
            for process, _sig in started:
                if process.poll() is not None:
                    pytest.fail(
                        "server exited: "
                        + (workdir / "gunicorn.log").read_text()[-3000:]
                        + (workdir / "error.log").read_text()[-2000:]
                    )
            try:
                if probe.request("GET", "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    "gunicorn behind nginx did not answer within "
                    f"{START_TIMEOUT} s: "
                    + (workdir / "gunicorn.log").read_text()[-3000:]
                )
            time.sleep(0.3)
        yield port
    finally:
        for process, sig in reversed(started):
            stop(process, sig)
        gunicorn_log.close()


@pytest.fixture
def site(proxied_site, transactional_db):
    return proxied_site


def test_readers_behind_nginx_each_count_once(site):
    article = ArticleFactory()
    beacon = f"/berita/{article.pk}/dilihat/"
    same_origin = {"Sec-Fetch-Site": "same-origin"}
    for address in ("127.0.0.2", "127.0.0.3", "127.0.0.4"):
        status, _ = Visitor(site, address).request("POST", beacon, headers=same_origin)
        assert status == 204
    # A reader reloading, even with a forged header, is the same reader.
    again = Visitor(site, "127.0.0.2")
    assert again.request("POST", beacon, headers=same_origin)[0] == 204
    forged = {**same_origin, "X-Forwarded-For": "203.0.113.99"}
    assert again.request("POST", beacon, headers=forged)[0] == 204
    article.refresh_from_db()
    assert article.views_count == 3


def test_one_visitor_hitting_the_search_limit_leaves_the_others_alone(site):
    ArticleFactory(title="Pemutakhiran data pemilih")
    busy, other = Visitor(site, "127.0.0.5"), Visitor(site, "127.0.0.6")
    # 30 searches a minute per visitor (fixed windows: when a minute ends
    # midway, the next one allows 30 more, so at most 61 requests are needed).
    statuses = []
    while 429 not in statuses and len(statuses) < 61:
        statuses.append(busy.request("GET", f"/cari/?q=pemilih+{len(statuses)}")[0])
    assert statuses[-1] == 429, statuses
    assert set(statuses[:-1]) == {200}
    assert len(statuses) > 30
    # Forging another address does not get the busy visitor out of the limit.
    forged = {"X-Forwarded-For": "203.0.113.77"}
    assert busy.request("GET", "/cari/?q=pemilih+x", headers=forged)[0] == 429
    assert other.request("GET", "/cari/?q=pemilih")[0] == 200


def test_failed_logins_from_one_address_do_not_lock_the_account_elsewhere(site):
    staff = StaffFactory(is_superuser=True)
    hasher = PBKDF2PasswordHasher()  # production's (tests use a faster one)
    staff.password = hasher.encode(PASSWORD, hasher.salt())
    staff.save()
    TOTPDevice.objects.create(user=staff, name="default", confirmed=True)

    attacker = Visitor(site, "127.0.0.7")
    for _attempt in range(4):
        status, page = attacker.login(staff.username, "salah-salah")
        assert status == 200
        assert "token-otp_token" not in page
    # The fifth failure locks this address out, even with the right password.
    for password in ("salah-salah", PASSWORD):
        status, page = attacker.login(staff.username, password)
        assert status == 429
        assert "Akun dikunci sementara" in page

    owner = Visitor(site, "127.0.0.8")
    status, page = owner.login(staff.username, PASSWORD)
    assert status == 200
    assert "token-otp_token" in page  # on to the authenticator code


def test_a_forged_forwarded_header_does_not_change_the_audited_address(site):
    staff = StaffFactory()
    visitor = Visitor(site, "127.0.0.9")
    assert visitor.login(staff.username, "salah-salah")[0] == 200
    status, _ = visitor.login(
        staff.username, "salah-lagi", headers={"X-Forwarded-For": "203.0.113.66"}
    )
    assert status == 200
    events = AuditEvent.objects.filter(action=AuditEvent.Action.LOGIN_FAILED)
    assert [(event.message, event.ip_address) for event in events] == [
        (staff.username, "127.0.0.9"),
        (staff.username, "127.0.0.9"),
    ]
