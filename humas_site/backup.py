"""Backup and restore of the whole site: database and uploaded media.

An archive is a gzipped tar with ``manifest.json``, the database (``pg_dump``
custom format on PostgreSQL, a consistent SQLite copy made with SQLite's
backup API) and the media folder. Restoring only goes into an empty database,
so it can never overwrite a live site by accident.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT_VERSION = 1


class BackupError(Exception):
    pass


def _database():
    return settings.DATABASES["default"]


def _vendor():
    return connections["default"].vendor


def _pg_environment(db):
    env = os.environ.copy()
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_arguments(db):
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args + ["--dbname", str(db["NAME"])]


def _run(command, env=None):
    result = subprocess.run(
        command, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{command[0]} gagal: {result.stderr.strip()}")


def dump_database(target):
    db, vendor = _database(), _vendor()
    if vendor == "postgresql":
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--file",
                str(target),
                *_pg_arguments(db),
            ],
            env=_pg_environment(db),
        )
    elif vendor == "sqlite":
        source = sqlite3.connect(str(db["NAME"]))
        try:
            with sqlite3.connect(str(target)) as copy:
                source.backup(copy)
        finally:
            source.close()
    else:
        raise BackupError(f"Basis data {vendor} tidak didukung.")


def database_is_empty():
    """True when no Django table exists yet or none of them has rows."""
    connection = connections["default"]
    tables = connection.introspection.table_names()
    if "django_migrations" not in tables:
        return True
    with connection.cursor() as cursor:
        for table in tables:
            if table == "django_migrations":
                continue
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone():
                return False
    return True


def create_backup(output):
    """Write an archive of database and media to ``output``; return its path."""
    output = Path(output)
    vendor = _vendor()
    with tempfile.TemporaryDirectory() as workdir:
        workdir = Path(workdir)
        database_file = workdir / (
            "database.dump" if vendor == "postgresql" else "database.sqlite3"
        )
        dump_database(database_file)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": vendor,
            "database_file": database_file.name,
        }
        (workdir / "manifest.json").write_text(json.dumps(manifest, indent=2))
        output.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(output, "w:gz") as archive:
            archive.add(workdir / "manifest.json", arcname="manifest.json")
            archive.add(database_file, arcname=database_file.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.exists():
                archive.add(media_root, arcname="media")
    return output


def restore_backup(archive_path):
    """Load an archive into the (empty) configured database and media folder."""
    if not database_is_empty():
        raise BackupError(
            "Basis data tujuan tidak kosong. Pemulihan hanya ke basis data kosong."
        )
    db, vendor = _database(), _vendor()
    with (
        tempfile.TemporaryDirectory() as workdir,
        tarfile.open(archive_path) as archive,
    ):
        archive.extractall(workdir, filter="data")
        workdir = Path(workdir)
        manifest = json.loads((workdir / "manifest.json").read_text())
        if manifest.get("database") != vendor:
            raise BackupError(
                f"Cadangan dari {manifest.get('database')} tidak bisa dipulihkan "
                f"ke {vendor}."
            )
        database_file = workdir / manifest["database_file"]
        connections["default"].close()
        if vendor == "postgresql":
            _run(
                [
                    "pg_restore",
                    "--no-owner",
                    "--clean",
                    "--if-exists",
                    "--exit-on-error",
                    *_pg_arguments(db),
                    str(database_file),
                ],
                env=_pg_environment(db),
            )
        else:
            with sqlite3.connect(str(database_file)) as source:
                target = sqlite3.connect(str(db["NAME"]))
                try:
                    source.backup(target)
                finally:
                    target.close()
        media = workdir / "media"
        if media.exists():
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
