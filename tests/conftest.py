import os

# Tests run the production code path (debug off); they only need a key.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_HTTPS", "0")

import pytest
from django.core.management import call_command
from django.test import override_settings


@pytest.fixture(scope="session", autouse=True)
def collected_static(tmp_path_factory):
    """Pages use the production static storage, so collect (and hash) once."""
    static_root = tmp_path_factory.mktemp("static")
    with override_settings(STATIC_ROOT=static_root):
        call_command("collectstatic", "--noinput", verbosity=0)
        yield static_root


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    # Only before the test: a test may point CACHES at a dead server.
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# ---- any hour, any date ----
# The office's date (WIB/WITA/WIT) and UTC's differ for hours every day, and
# months and years end at different instants in each. Tests marked
# ``any_hour`` run once at each of these instants (time-machine, ticking), so a
# test that mixes the two calendars fails here, at once, whatever the hour CI
# runs. ``pytest --at=<ISO 8601 instant>`` runs the whole suite at one instant.
AWKWARD_INSTANTS = {
    "utc-16.59": "2026-12-01T16:59:00+00:00",  # 23.59 WIB: the last minute both agree
    "utc-17.01": "2026-12-01T17:01:00+00:00",  # 00.01 WIB on the 2nd, UTC still the 1st
    "utc-23.59": "2026-12-01T23:59:00+00:00",  # 06.59 WIB: UTC about to catch up
    "month-end": "2026-11-30T17:30:00+00:00",  # 1 December in Jakarta, 30 November UTC
    "year-end": "2026-12-31T18:00:00+00:00",  # 2027 in Jakarta, 2026 in UTC
}


def pytest_addoption(parser):
    parser.addoption(
        "--at",
        metavar="INSTANT",
        help="run every test at this instant, e.g. 2026-12-31T18:00:00+00:00",
    )


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "any_hour: run at several instants where the office's date and UTC's differ",
    )
    config.addinivalue_line(
        "markers",
        "frozen_at(instant): run with the clock stopped at this instant",
    )


def pytest_generate_tests(metafunc):
    if metafunc.definition.get_closest_marker("any_hour"):
        metafunc.parametrize(
            "instant",
            list(AWKWARD_INSTANTS.values()),
            ids=list(AWKWARD_INSTANTS),
            indirect=True,
        )


@pytest.fixture(autouse=True)
def instant(request):
    """The instant the test runs at: a ``frozen_at`` marker (the clock stopped
    there), an ``any_hour`` parameter, ``--at``, or now.

    Autouse, so that it starts before the fixtures that create data.
    """
    import time_machine

    frozen = request.node.get_closest_marker("frozen_at")
    if frozen:
        with time_machine.travel(frozen.args[0], tick=False):
            yield frozen.args[0]
        return
    at = getattr(request, "param", None) or request.config.getoption("--at")
    if not at:
        yield None
        return
    with time_machine.travel(at, tick=True):
        yield at
