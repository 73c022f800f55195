"""The iCalendar output, parsed back with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from agendas.models import Event
from tests.factories import EventExceptionFactory, EventFactory

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
NOW = datetime.datetime(2026, 4, 20, 9, tzinfo=WIB)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(NOW, tick=False):
        yield


def at(year, month, day, hour=0, minute=0, zone=WIB):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return calendar.walk("VEVENT")


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in vevents(calendar)}


@pytest.fixture
def agenda():
    webinar = EventFactory(
        title="Webinar Jumat Pertama",
        slug="webinar-jumat-pertama",
        starts_at=at(2026, 5, 1, 14),
        ends_at=at(2026, 5, 1, 15, 30),
        recurrence_frequency=Event.Frequency.MONTHLY,
        recurrence_weekdays="FR",
        recurrence_week_of_month=Event.WeekOfMonth.FIRST,
        recurrence_until=datetime.date(2026, 12, 31),
    )
    EventExceptionFactory(event=webinar, original_date=datetime.date(2026, 6, 5))
    cancelled = EventFactory(
        title="Bimtek Batal",
        status=Event.Status.CANCELLED,
        starts_at=at(2026, 5, 6, 9),
        ends_at=at(2026, 5, 6, 12),
    )
    rakor = EventFactory(
        title="Rakor WITA",
        time_zone="Asia/Makassar",
        starts_at=at(2026, 5, 7, 10, zone=WITA),
        ends_at=at(2026, 5, 7, 12, zone=WITA),
        online_url="https://vicon.contoh.example/rakor",
    )
    deadline = EventFactory(
        title="Batas Tanggapan DPS",
        all_day=True,
        starts_at=at(2026, 5, 9),
        ends_at=at(2026, 5, 10),
    )
    internal = EventFactory(
        title="Rapat Internal", is_public=False, starts_at=at(2026, 5, 8, 9)
    )
    old = EventFactory(
        title="Sosialisasi Tahun Lalu",
        starts_at=at(2025, 5, 1, 9),
        ends_at=at(2025, 5, 1, 11),
    )
    return {
        "webinar": webinar,
        "cancelled": cancelled,
        "rakor": rakor,
        "deadline": deadline,
        "internal": internal,
        "old": old,
    }


def test_feed_lists_public_events_only(client, agenda):
    calendar = parse(client.get("/agenda/feed.ics"))
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    # Public events since half a year ago; internal and year-old events left out.
    assert set(by_summary(calendar)) == {
        "Webinar Jumat Pertama",
        "Bimtek Batal",
        "Rakor WITA",
        "Batas Tanggapan DPS",
    }
    assert "Rapat Internal" not in client.get("/agenda/feed.ics").content.decode()


def test_uids_are_stable_across_requests_and_unique(client, agenda):
    first = [str(e["UID"]) for e in vevents(parse(client.get("/agenda/feed.ics")))]
    second = [str(e["UID"]) for e in vevents(parse(client.get("/agenda/feed.ics")))]
    assert first == second
    assert len(set(first)) == len(first) == 4
    single = parse(client.get(agenda["webinar"].get_ical_url()))
    (event,) = vevents(single)
    assert str(event["UID"]) in first


def test_every_vevent_has_dtstamp_and_times_with_tzid(client, agenda):
    calendar = parse(client.get("/agenda/feed.ics"))
    for event in vevents(calendar):
        assert event.decoded("DTSTAMP").tzinfo is not None
    events = by_summary(calendar)
    rakor = events["Rakor WITA"]
    assert rakor["DTSTART"].params["TZID"] == "Asia/Makassar"
    assert rakor.decoded("DTSTART") == at(2026, 5, 7, 10, zone=WITA)
    assert rakor.decoded("DTEND") == at(2026, 5, 7, 12, zone=WITA)
    tzids = {str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")}
    assert tzids == {"Asia/Jakarta", "Asia/Makassar"}


def test_recurring_event_has_rrule_and_exdate(client, agenda):
    webinar = by_summary(parse(client.get("/agenda/feed.ics")))["Webinar Jumat Pertama"]
    rule = webinar["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYDAY"] == ["1FR"]
    # UNTIL in UTC (RFC 5545 with a TZID start): the end of 31 December in WIB.
    assert rule["UNTIL"] == [
        datetime.datetime(2026, 12, 31, 16, 59, 59, tzinfo=datetime.UTC)
    ]
    exdates = [dt.dt for dt in webinar["EXDATE"].dts]
    assert exdates == [at(2026, 6, 5, 14)]


def test_cancelled_event_has_status_cancelled(client, agenda):
    events = by_summary(parse(client.get("/agenda/feed.ics")))
    assert events["Bimtek Batal"]["STATUS"] == "CANCELLED"
    assert events["Rakor WITA"]["STATUS"] == "CONFIRMED"


def test_all_day_event_uses_dates_with_exclusive_end(client, agenda):
    deadline = by_summary(parse(client.get("/agenda/feed.ics")))["Batas Tanggapan DPS"]
    assert deadline.decoded("DTSTART") == datetime.date(2026, 5, 9)
    assert deadline.decoded("DTEND") == datetime.date(2026, 5, 11)


def test_single_event_download(client, agenda):
    response = client.get(agenda["rakor"].get_ical_url())
    calendar = parse(response)
    assert response["Content-Disposition"].startswith("attachment;")
    (event,) = vevents(calendar)
    assert str(event["SUMMARY"]) == "Rakor WITA"
    assert "https://vicon.contoh.example/rakor" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(agenda["rakor"].get_absolute_url())


def test_internal_event_has_no_ical_download(client, agenda):
    assert client.get(agenda["internal"].get_ical_url()).status_code == 404


def test_postponed_event_is_tentative_and_says_so(client, agenda):
    agenda["rakor"].status = Event.Status.POSTPONED
    agenda["rakor"].save()
    (event,) = vevents(parse(client.get(agenda["rakor"].get_ical_url())))
    assert event["STATUS"] == "TENTATIVE"
    assert str(event["SUMMARY"]).startswith("[DITUNDA]")


def test_a_calendar_app_expands_the_rule_to_the_sites_dates(client, agenda):
    """Expanding DTSTART + RRULE + EXDATE from the .ics independently (with
    dateutil's RFC 5545 parser) gives the site's non-cancelled occurrences."""
    from dateutil.rrule import rrulestr

    (vevent,) = vevents(parse(client.get(agenda["webinar"].get_ical_url())))
    rule_text = "\n".join(
        [
            f"DTSTART:{vevent.decoded('DTSTART').astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
            "RRULE:" + vevent["RRULE"].to_ical().decode(),
        ]
        + [
            f"EXDATE:{moment.dt.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
            for moment in vevent["EXDATE"].dts
        ]
    )
    expanded = list(rrulestr(rule_text, forceset=True))
    site = [
        o.start
        for o in agenda["webinar"].occurrences_between(at(2026, 1, 1), at(2027, 6, 1))
        if not o.cancelled
    ]
    assert expanded == site
    assert len(site) == 7  # first Fridays of May–December 2026, minus June
