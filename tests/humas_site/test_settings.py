"""Settings are read from the environment; each case imports them in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRINT_SETTINGS = (
    "import json, humas_site.settings as s; "
    "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
    "'name': str(s.DATABASES['default']['NAME']), "
    "'host': s.DATABASES['default'].get('HOST', ''), "
    "'cache': s.CACHES['default']['BACKEND'], 'debug': s.DEBUG, "
    "'language': s.LANGUAGE_CODE, 'tz': s.TIME_ZONE, "
    "'static': s.STORAGES['staticfiles']['BACKEND']}))"
)


def load_settings(**env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "DATABASE_URL", "REDIS_URL"))
    }
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        env=clean | env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    return result


def test_defaults_to_sqlite_and_local_memory_cache():
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["debug"] is False
    assert values["language"] == "id"
    assert values["tz"] == "Asia/Jakarta"
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_postgres_url_and_redis_url_are_used():
    result = load_settings(
        DJANGO_SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://humas:rahasia@db.example:5433/humasdb",
        REDIS_URL="redis://cache.example:6379/1",
    )
    values = json.loads(result.stdout)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "humasdb"
    assert values["host"] == "db.example"
    assert values["cache"] == "django_redis.cache.RedisCache"


def test_missing_secret_key_with_debug_off_is_a_clear_error():
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr
    assert "ImproperlyConfigured" in result.stderr


def test_debug_mode_works_without_secret_key():
    result = load_settings(DJANGO_DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["debug"] is True


def test_admin_url_is_configurable():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.urls import reverse; "
            "print(reverse('admin:index'))",
        ],
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        | {
            "DJANGO_DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "humas_site.settings",
            "DJANGO_ADMIN_URL": "kantor-humas/masuk",
        },
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip().endswith("/kantor-humas/masuk/"), result.stderr
