"""The demo agenda: idempotent, always in the future, covering every case."""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine

from agendas import demo
from agendas.models import Event, EventCategory, EventException
from humas_site import demo as site_demo

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")


def seed():
    out = io.StringIO()
    demo.seed(out)
    return out.getvalue()


def counts():
    return (
        Event.objects.count(),
        EventCategory.objects.count(),
        EventException.objects.count(),
    )


@pytest.mark.parametrize(
    "today",
    [
        datetime.datetime(2026, 5, 1, 8, tzinfo=WIB),  # a first Friday
        datetime.datetime(2026, 12, 30, 20, tzinfo=WIB),  # across the year end
    ],
)
def test_demo_agenda_is_idempotent_and_upcoming(today):
    with time_machine.travel(today, tick=False):
        site_demo.seed(io.StringIO())
        assert "Agenda:" in seed()
        first = counts()
        seed()
        assert counts() == first
        upcoming = Event.objects.published().upcoming_occurrences(
            horizon=datetime.timedelta(days=35)
        )
    events = {o.event for o in upcoming}
    assert any(e.is_recurring and e.recurrence_week_of_month == 1 for e in events)
    assert any(o.is_cancelled for o in upcoming)
    assert any(o.is_postponed for o in upcoming)
    assert any(o.all_day for o in upcoming)
    assert any(e.time_zone == "Asia/Makassar" for e in events)
    assert all(e.is_public for e in events)
    internal = Event.objects.get(slug="rapat-pleno-internal-bulanan")
    assert not internal.is_public and internal.is_recurring
    for event in Event.objects.all():
        event.full_clean()


def test_reseeding_on_a_later_day_moves_dates_without_adding_rows():
    with time_machine.travel(datetime.datetime(2026, 5, 1, 8, tzinfo=WIB), tick=False):
        site_demo.seed(io.StringIO())
        seed()
        first = counts()
    with time_machine.travel(datetime.datetime(2026, 8, 20, 8, tzinfo=WIB), tick=False):
        seed()
        assert counts() == first
        assert Event.objects.published().upcoming_occurrences()
