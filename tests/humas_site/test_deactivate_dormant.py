from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.core.management import call_command

from tests.factories import StaffFactory, UserFactory

NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_staff_unused_for_90_days_are_deactivated(capsys):
    dormant = StaffFactory(username="lama", last_login=NOW - timedelta(days=91))
    never = StaffFactory(username="belum", date_joined=NOW - timedelta(days=200))
    recent = StaffFactory(username="aktif", last_login=NOW - timedelta(days=5))
    reader = UserFactory(username="pembaca", last_login=NOW - timedelta(days=400))

    call_command("deactivate_dormant")

    for user in (dormant, never, recent, reader):
        user.refresh_from_db()
    assert not dormant.is_active and not never.is_active
    assert recent.is_active and reader.is_active
    out = capsys.readouterr().out
    assert "lama dinonaktifkan" in out and "belum dinonaktifkan" in out
    assert "2 akun staf dinonaktifkan" in out


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_dry_run_changes_nothing(capsys):
    user = StaffFactory(last_login=NOW - timedelta(days=120))
    call_command("deactivate_dormant", "--dry-run")
    user.refresh_from_db()
    assert user.is_active
    assert "akan dinonaktifkan" in capsys.readouterr().out
