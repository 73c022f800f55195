"""The any-hour check itself: marked tests really run at the awkward instants."""

import datetime

import pytest
from django.utils import timezone

from tests.conftest import AWKWARD_INSTANTS


@pytest.mark.any_hour
def test_marked_tests_run_at_each_awkward_instant(instant):
    assert instant in AWKWARD_INSTANTS.values()
    drift = timezone.now() - datetime.datetime.fromisoformat(instant)
    assert datetime.timedelta(0) <= drift < datetime.timedelta(minutes=1)


def test_the_instants_include_hours_when_office_and_utc_dates_differ():
    def differs(iso):
        moment = datetime.datetime.fromisoformat(iso)
        return timezone.localdate(moment) != moment.date()

    assert any(differs(iso) for iso in AWKWARD_INSTANTS.values())
    assert not all(differs(iso) for iso in AWKWARD_INSTANTS.values())
