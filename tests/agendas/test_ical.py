"""The iCalendar output, parsed back with the icalendar library."""

import datetime

import pytest
from icalendar import Calendar

from agendas.models import Event
from tests.clock import WIB, WITA, at
from tests.factories import EventExceptionFactory, EventFactory

NOW = datetime.datetime(2026, 4, 20, 9, tzinfo=WIB)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(NOW)]


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return calendar.walk("VEVENT")


def by_summary(calendar):
    return {str(event["SUMMARY"]): event for event in series(calendar)}


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


def series(calendar):
    """The VEVENTs of the events themselves, without overridden occurrences."""
    return [e for e in vevents(calendar) if "RECURRENCE-ID" not in e]


def test_uids_are_stable_across_requests_and_unique(client, agenda):
    first = [str(e["UID"]) for e in series(parse(client.get("/agenda/feed.ics")))]
    second = [str(e["UID"]) for e in series(parse(client.get("/agenda/feed.ics")))]
    assert first == second
    assert len(set(first)) == len(first) == 4
    single = parse(client.get(agenda["webinar"].get_ical_url()))
    (event,) = series(single)
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


def test_recurring_event_has_rrule_and_a_cancelled_override(client, agenda):
    calendar = parse(client.get("/agenda/feed.ics"))
    webinar = by_summary(calendar)["Webinar Jumat Pertama"]
    rule = webinar["RRULE"]
    assert rule["FREQ"] == ["MONTHLY"]
    assert rule["BYDAY"] == ["1FR"]
    # UNTIL in UTC (RFC 5545 with a TZID start): the end of 31 December in WIB.
    assert rule["UNTIL"] == [
        datetime.datetime(2026, 12, 31, 16, 59, 59, tzinfo=datetime.UTC)
    ]
    # The cancelled occurrence is not removed with EXDATE (subscribers would
    # never learn it was cancelled) but overridden (RFC 5545 §3.8.4.4).
    assert "EXDATE" not in webinar
    (override,) = [e for e in vevents(calendar) if "RECURRENCE-ID" in e]
    assert str(override["UID"]) == str(webinar["UID"])
    assert override.decoded("RECURRENCE-ID") == at(2026, 6, 5, 14)
    assert override["RECURRENCE-ID"].params["TZID"] == "Asia/Jakarta"
    assert override["STATUS"] == "CANCELLED"
    assert override.decoded("DTSTART") == at(2026, 6, 5, 14)
    assert override.decoded("DTEND") == at(2026, 6, 5, 15, 30)


def test_a_subscribed_calendar_shows_the_occurrence_as_cancelled(client, agenda):
    """recurring-ical-events expands the feed as phone calendar apps do: the
    cancelled first Friday of June is there, marked cancelled."""
    import recurring_ical_events

    calendar = parse(client.get("/agenda/feed.ics"))
    june = recurring_ical_events.of(calendar).between(
        datetime.date(2026, 6, 1), datetime.date(2026, 7, 1)
    )
    webinars = [e for e in june if "Webinar Jumat Pertama" in str(e["SUMMARY"])]
    assert [e.decoded("DTSTART") for e in webinars] == [at(2026, 6, 5, 14)]
    assert webinars[0]["STATUS"] == "CANCELLED"
    july = recurring_ical_events.of(calendar).between(
        datetime.date(2026, 7, 1), datetime.date(2026, 8, 1)
    )
    (july_webinar,) = [e for e in july if "Webinar" in str(e["SUMMARY"])]
    assert july_webinar["STATUS"] == "CONFIRMED"


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
    """Expanding DTSTART + RRULE from the .ics independently (with dateutil's
    RFC 5545 parser), minus the occurrences overridden as cancelled, gives the
    site's non-cancelled occurrences."""
    from dateutil.rrule import rrulestr

    calendar = parse(client.get(agenda["webinar"].get_ical_url()))
    (vevent,) = series(calendar)
    cancelled = [
        e
        for e in vevents(calendar)
        if e.get("STATUS") == "CANCELLED" and "RECURRENCE-ID" in e
    ]
    rule_text = "\n".join(
        [
            f"DTSTART:{vevent.decoded('DTSTART').astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}",
            "RRULE:" + vevent["RRULE"].to_ical().decode(),
        ]
        + [
            f"EXDATE:{e.decoded('RECURRENCE-ID').astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
            for e in cancelled
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
