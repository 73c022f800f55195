"""`make serve`'s configuration tried locally, as the README says: gunicorn with
gunicorn.conf.py, debug off, plain http, no proxy in front. With
DJANGO_SERVE_MEDIA=1 the logo and photos show; pages go out compressed."""

import gzip
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from humas_site.demo import demo_image
from tests.factories import ArticleFactory, InstitutionProfileFactory

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")

pytestmark = pytest.mark.django_db(transaction=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url():
    db = connection.settings_dict
    user = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{user}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture(scope="module")
def collected_for_serve():
    """`make serve` collects the static files first; so does this."""
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=os.environ | {"DJANGO_SECRET_KEY": "x" * 50},
        check=True,
    )


@pytest.fixture
def serve(media_root, tmp_path, collected_for_serve):
    """Start gunicorn like `make serve`; yields a function that fetches a path."""
    if connection.vendor != "postgresql":
        pytest.skip("gunicorn needs the test data in a shared database (PostgreSQL)")

    def start(**env):
        port = free_port()
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_URL"))
        } | {
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_HTTPS": "0",
            "DJANGO_STAFF_2FA": "0",
            "DATABASE_URL": database_url(),
            "MEDIA_ROOT": str(media_root),
            **env,
        }
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "gunicorn.conf.py", "--workers", "1"]
            + ["--bind", f"127.0.0.1:{port}", "humas_site.wsgi"],
            cwd=ROOT,
            env=environment,
            stdout=open(tmp_path / "gunicorn.log", "ab"),
            stderr=subprocess.STDOUT,
        )
        processes.append(process)
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):  # up to a minute on a busy machine
            try:
                urllib.request.urlopen(base + "/healthz", timeout=30)
                break
            except OSError:  # not listening yet
                time.sleep(0.4)

        def fetch(path, **headers):
            request = urllib.request.Request(base + path, headers=headers)
            try:
                return urllib.request.urlopen(request, timeout=120)
            except urllib.error.HTTPError as error:
                return error

        return fetch

    processes = []
    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=30)


def test_the_local_try_shows_the_logo_and_photos_and_nothing_else(serve, media_root):
    profile = InstitutionProfileFactory(logo=demo_image("Logo", (200, 200), fmt="PNG"))
    article = ArticleFactory(featured_image=demo_image("Rakor", size=(1200, 800)))
    media_root.joinpath("jahat.html").write_text("<script>alert(1)</script>")
    media_root.joinpath("jahat.svg").write_text("<svg onload='alert(1)'/>")
    media_root.joinpath("surat.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")

    fetch = serve(DJANGO_SERVE_MEDIA="1")
    page = fetch(article.get_absolute_url()).read().decode()
    images = re.findall(r'<img src="(/media/[^"]+)"', page)
    assert profile.logo.url in images and len(images) >= 2
    for url in images:
        response = fetch(url)
        assert response.status == 200, url
        assert response.headers["Content-Type"] in (
            "image/png",
            "image/jpeg",
            "image/webp",
        )
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    for name in ("jahat.html", "jahat.svg"):
        assert fetch(f"/media/{name}").status == 404
    letter = fetch("/media/surat.pdf")
    assert letter.headers["Content-Type"] == "application/pdf"
    assert letter.headers["Content-Disposition"] == "attachment"
    assert letter.headers["Content-Security-Policy"] == "default-src 'none'; sandbox"


def test_production_leaves_media_to_the_proxy(serve):
    profile = InstitutionProfileFactory(logo=demo_image("Logo", (200, 200), fmt="PNG"))
    fetch = serve()
    assert fetch(profile.logo.url).status == 404


def test_gunicorn_alone_compresses_pages_and_feeds(serve):
    article = ArticleFactory(title="Rapat Pleno Rekapitulasi")
    # Enough rows that every body is worth compressing: GZipMiddleware sends a
    # short body as it is when its (randomly padded) gzip would be longer.
    ArticleFactory.create_batch(10)
    fetch = serve()
    expected = {
        article.get_absolute_url(): "Rapat Pleno Rekapitulasi",
        "/feed/": "Rapat Pleno Rekapitulasi",
        "/sitemap.xml": "<sitemapindex",
        "/sitemap-berita.xml": "<urlset",
    }
    for path, text in expected.items():
        for _ in range(2):  # rendered, then from the page cache
            response = fetch(path, **{"Accept-Encoding": "gzip"})
            assert response.headers["Content-Encoding"] == "gzip", path
            assert "Accept-Encoding" in response.headers["Vary"]
            body = gzip.decompress(response.read()).decode()
            assert text in body, path
    static = re.search(r'href="(/static/css/[^"]+)"', body_of(fetch, "/"))
    # Static files: whitenoise's own pre-compressed copies.
    css = fetch(static.group(1), **{"Accept-Encoding": "gzip"})
    assert css.headers["Content-Encoding"] == "gzip"


def body_of(fetch, path):
    return fetch(path).read().decode()
