import os

import pytest
from django.db import connection


@pytest.mark.django_db
def test_ci_runs_on_postgresql():
    """In CI the suite must run against PostgreSQL, never a silent SQLite fallback."""
    if not os.environ.get("CI"):
        pytest.skip("CI is not set: the local run may use SQLite")
    assert connection.vendor == "postgresql", (
        f"CI is set but the test database is {connection.vendor}; "
        "export DATABASE_URL=postgres://…"
    )
