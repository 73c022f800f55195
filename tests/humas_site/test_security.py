import pytest
from django.test import Client
from pytest_django.asserts import assertContains

EXPECTED_CSP = [
    "default-src 'self'",
    "script-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
]


def assert_strict_headers(response):
    csp = response["Content-Security-Policy"]
    for directive in EXPECTED_CSP:
        assert directive in csp
    assert "unsafe-eval" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.django_db
def test_public_page_sends_strict_headers(client):
    response = client.get("/")
    assert_strict_headers(response)
    csp = response["Content-Security-Policy"]
    assert "unsafe-inline" not in csp


@pytest.mark.django_db
def test_admin_page_sends_strict_headers_and_hashes_the_editor_import_map(
    admin_client,
):
    response = admin_client.get("/admin/flatpages/flatpage/add/")
    assert_strict_headers(response)
    script_src = next(
        part
        for part in response["Content-Security-Policy"].split(";")
        if part.strip().startswith("script-src")
    )
    assert "'sha256-" in script_src  # the prose editor's import map, by hash
    assert "unsafe-inline" not in script_src


@pytest.mark.django_db
def test_https_settings_send_hsts_and_secure_cookies(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert client.get("/").status_code == 301  # plain http is redirected


@pytest.mark.django_db
def test_health_check_is_exempt_from_the_ssl_redirect(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/wp-admin/",
        "/wp-login.php",
        "/xmlrpc.php",
        "/.env",
        "/.git/config",
        "/wp-content/plugins/slot-gacor/shell.php",
        "/index.php",
    ],
)
def test_attack_probes_get_a_plain_404_without_touching_the_database(client, path):
    # No django_db mark: any database access would fail this test.
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/plain")


@pytest.mark.django_db
def test_site_is_indonesian_even_for_english_browsers(client):
    response = client.get("/halaman-tidak-ada/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assertContains(response, "Halaman tidak ditemukan", status_code=404)
    assert response["Content-Language"] == "id"


@pytest.mark.django_db
def test_reader_can_switch_to_english(client):
    response = client.get("/bahasa/en/?next=/profil/")
    assert response.status_code == 302
    assert response["Location"] == "/profil/"
    response = client.get("/")
    assert response["Content-Language"] == "en"
    assertContains(response, '<html lang="en">')


@pytest.mark.django_db
def test_language_switch_never_redirects_off_site(client):
    response = client.get("/bahasa/en/?next=https://evil.example/")
    assert response["Location"] == "/"
    assert client.get("/bahasa/xx/").status_code == 404


@pytest.mark.django_db
def test_public_pages_set_no_cookies(client):
    """Anonymous pages must be shareable by a cache: no CSRF or session cookie."""
    response = client.get("/")
    assert not response.cookies


@pytest.mark.django_db
def test_a_failed_csrf_check_shows_the_sites_own_page_in_indonesian():
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/account/login/", {"auth-username": "a", "auth-password": "b"}
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "Akses ditolak" in html
    assert "muat ulang halamannya" in html
    assert 'class="site-footer"' in html  # the site frame
    assert "CSRF" not in html
