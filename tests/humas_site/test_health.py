import pytest
from django.db import OperationalError, connection


@pytest.mark.django_db
def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_is_503_when_database_is_unreachable(client, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error"
    assert response.json()["status"] == "error"


@pytest.mark.django_db
def test_healthz_is_503_when_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["cache"] == "error"
    assert response.json()["database"] == "ok"


@pytest.mark.django_db
def test_pages_still_render_when_redis_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "IGNORE_EXCEPTIONS": True},
        }
    }
    assert client.get("/").status_code == 200


@pytest.mark.django_db
def test_public_page_is_503_with_retry_after_when_database_is_down(client, monkeypatch):
    from django.db import connection

    from humas_site.models import InstitutionProfile

    InstitutionProfile.objects.create(name="KPU Kabupaten Contoh")

    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/sitemap.xml")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "Situs sedang dalam pemeliharaan" in response.content.decode()


@pytest.mark.django_db
def test_a_form_refused_while_the_database_is_down_says_nothing_was_saved(
    client, monkeypatch
):
    def unreachable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.post("/berita/1/dilihat/", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    assert "Data yang Anda kirim belum tersimpan" in response.content.decode()
    reading = client.get("/sitemap.xml")
    assert "Data yang Anda kirim belum tersimpan" not in reading.content.decode()
