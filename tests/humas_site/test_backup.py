"""backup → restore round trip of the demo site, each step in its own process.

Runs on the engine of the test run: PostgreSQL databases created for the test
when DATABASE_URL is postgres://…, SQLite files otherwise.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
COUNT_SCRIPT = """
import json, django
django.setup()
from django.apps import apps
labels = ["news.Article", "news.ArticlePhoto", "meetings.Meeting",
          "meetings.Participant", "agendas.Event", "flatpages.FlatPage",
          "humas_site.Unit", "auth.User"]
counts = {}
for label in labels:
    try:
        counts[label] = apps.get_model(label).objects.count()
    except LookupError:
        pass
Article = apps.get_model("news.Article")
counts["images"] = sorted(
    a.featured_image.name for a in Article.objects.all() if a.featured_image
)
print(json.dumps(counts))
"""


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def counts(env):
    result = subprocess.run(
        [sys.executable, "-c", COUNT_SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture
def database_urls(tmp_path):
    """Two fresh databases (source and empty target) on the test run's engine."""
    if connection.vendor != "postgresql":
        yield [f"sqlite:///{tmp_path / name}.sqlite3" for name in ("source", "target")]
        return
    settings_dict = connection.settings_dict
    server = (
        f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD'] or ''}"
        f"@{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}"
    )
    names = [f"humas_backup_{uuid.uuid4().hex[:8]}_{n}" for n in ("src", "dst")]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    yield [f"{server}/{name}" for name in names]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_backup_and_restore_round_trip_the_demo_site(tmp_path, database_urls):
    source_url, target_url = database_urls
    base = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    base |= {"DJANGO_DEBUG": "1", "DJANGO_SETTINGS_MODULE": "humas_site.settings"}
    source = base | {"DATABASE_URL": source_url, "MEDIA_ROOT": str(tmp_path / "m1")}
    target = base | {"DATABASE_URL": target_url, "MEDIA_ROOT": str(tmp_path / "m2")}
    archive = tmp_path / "cadangan.tar.gz"

    manage(source, "migrate", "--noinput")
    manage(source, "seed_demo")
    before = counts(source)
    assert before["news.Article"] > 0 and before["images"]
    assert before["meetings.Meeting"] > 0 and before["agendas.Event"] > 0
    assert "Cadangan tersimpan" in manage(source, "backup", "--output", str(archive))

    assert "telah dipulihkan" in manage(target, "restore", str(archive))
    assert counts(target) == before
    for name in before["images"]:
        assert (tmp_path / "m2" / name).is_file()

    # A second restore would overwrite a live site: refused.
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=target,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "tidak kosong" in result.stderr
