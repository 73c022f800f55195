"""Recurrence expansion, exceptions and validation of agenda events."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError

from agendas.models import Event
from tests.clock import WIB, WIT, WITA, at
from tests.factories import EventExceptionFactory, EventFactory

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def first_friday_webinar(**overrides):
    fields = {
        "title": "Webinar Jumat Pertama",
        "slug": "webinar-jumat-pertama",
        # 1 May 2026 is a Friday.
        "starts_at": at(2026, 5, 1, 14),
        "ends_at": at(2026, 5, 1, 15, 30),
        "recurrence_frequency": Event.Frequency.MONTHLY,
        "recurrence_weekdays": "FR",
        "recurrence_week_of_month": Event.WeekOfMonth.FIRST,
        "recurrence_count": 12,
    }
    return EventFactory(**(fields | overrides))


def starts(occurrences, zone=None):
    return [
        (o.start.astimezone(zone) if zone else o.start).replace(tzinfo=None)
        for o in occurrences
    ]


def test_first_friday_rule_crosses_month_and_year_boundaries():
    event = first_friday_webinar()
    occurrences = event.occurrences_between(at(2026, 11, 1), at(2027, 3, 1))
    assert [o.date for o in occurrences] == [
        datetime.date(2026, 11, 6),
        datetime.date(2026, 12, 4),
        datetime.date(2027, 1, 1),
        datetime.date(2027, 2, 5),
    ]
    assert {(o.start.hour, o.start.minute) for o in occurrences} == {(14, 0)}
    assert all(o.end - o.start == datetime.timedelta(minutes=90) for o in occurrences)


def test_count_limits_the_number_of_occurrences():
    event = first_friday_webinar(recurrence_count=3)
    occurrences = event.occurrences_between(at(2026, 1, 1), at(2030, 1, 1))
    assert [o.date for o in occurrences] == [
        datetime.date(2026, 5, 1),
        datetime.date(2026, 6, 5),
        datetime.date(2026, 7, 3),
    ]


def test_daily_until_is_inclusive_and_crosses_the_month_end():
    event = EventFactory(
        starts_at=at(2026, 5, 30, 9),
        ends_at=at(2026, 5, 30, 10),
        recurrence_frequency=Event.Frequency.DAILY,
        recurrence_until=datetime.date(2026, 6, 2),
    )
    occurrences = event.occurrences_between(at(2026, 5, 1), at(2026, 7, 1))
    assert starts(occurrences) == [
        datetime.datetime(2026, 5, 30, 9),
        datetime.datetime(2026, 5, 31, 9),
        datetime.datetime(2026, 6, 1, 9),
        datetime.datetime(2026, 6, 2, 9),
    ]


def test_weekly_rule_on_several_days_with_an_interval():
    # Every other week on Monday and Thursday, starting Monday 4 May 2026.
    event = EventFactory(
        starts_at=at(2026, 5, 4, 8),
        ends_at=at(2026, 5, 4, 9),
        recurrence_frequency=Event.Frequency.WEEKLY,
        recurrence_interval=2,
        recurrence_weekdays="MO,TH",
        recurrence_count=5,
    )
    event.full_clean()
    dates = [
        o.date.isoformat()
        for o in event.occurrences_between(at(2026, 5, 1), at(2026, 8, 1))
    ]
    assert dates == [
        "2026-05-04",
        "2026-05-07",
        "2026-05-18",
        "2026-05-21",
        "2026-06-01",
    ]


def test_last_monday_of_the_month():
    event = EventFactory(
        starts_at=at(2026, 5, 25, 13),
        ends_at=at(2026, 5, 25, 14),
        recurrence_frequency=Event.Frequency.MONTHLY,
        recurrence_weekdays="MO",
        recurrence_week_of_month=Event.WeekOfMonth.LAST,
        recurrence_count=3,
    )
    event.full_clean()
    assert [
        o.date for o in event.occurrences_between(at(2026, 5, 1), at(2026, 12, 1))
    ] == [
        datetime.date(2026, 5, 25),
        datetime.date(2026, 6, 29),
        datetime.date(2026, 7, 27),
    ]


def test_wita_event_keeps_its_wall_clock_time():
    # First Monday at 09.00 WITA is always 01.00 UTC (Indonesia has no DST).
    event = EventFactory(
        time_zone="Asia/Makassar",
        starts_at=at(2026, 6, 1, 9, zone=WITA),
        ends_at=at(2026, 6, 1, 11, zone=WITA),
        recurrence_frequency=Event.Frequency.MONTHLY,
        recurrence_weekdays="MO",
        recurrence_week_of_month=Event.WeekOfMonth.FIRST,
        recurrence_count=4,
    )
    event.refresh_from_db()
    occurrences = event.occurrences_between(at(2026, 1, 1), at(2027, 1, 1))
    assert [o.date.isoformat() for o in occurrences] == [
        "2026-06-01",
        "2026-07-06",
        "2026-08-03",
        "2026-09-07",
    ]
    assert {o.start.utcoffset() for o in occurrences} == {datetime.timedelta(hours=8)}
    assert {o.start.astimezone(UTC).hour for o in occurrences} == {1}


def test_wit_rule_is_expanded_in_the_events_own_zone():
    # 00.30 WIT on the first Monday is still Sunday in WIB and UTC: expanding
    # the rule anywhere but in WIT would move it to the wrong day.
    event = EventFactory(
        time_zone="Asia/Jayapura",
        starts_at=at(2026, 6, 1, 0, 30, zone=WIT),
        ends_at=at(2026, 6, 1, 1, 30, zone=WIT),
        recurrence_frequency=Event.Frequency.MONTHLY,
        recurrence_weekdays="MO",
        recurrence_week_of_month=Event.WeekOfMonth.FIRST,
        recurrence_count=3,
    )
    event.refresh_from_db()
    event.full_clean()
    occurrences = event.occurrences_between(at(2026, 5, 1), at(2026, 12, 1))
    assert [o.date.weekday() for o in occurrences] == [0, 0, 0]
    assert [o.date.isoformat() for o in occurrences] == [
        "2026-06-01",
        "2026-07-06",
        "2026-08-03",
    ]
    assert [o.start.astimezone(WIB).date().isoformat() for o in occurrences] == [
        "2026-05-31",
        "2026-07-05",
        "2026-08-02",
    ]


def test_window_is_exclusive_at_its_end_and_keeps_overlapping_occurrences():
    event = first_friday_webinar()
    # An occurrence still running at the window's start is included.
    assert [
        o.date
        for o in event.occurrences_between(at(2026, 6, 5, 15), at(2026, 7, 3, 14))
    ] == [datetime.date(2026, 6, 5)]


def test_exception_marks_one_occurrence_cancelled_with_its_note():
    event = first_friday_webinar()
    EventExceptionFactory(
        event=event, original_date=datetime.date(2026, 6, 5), note="Cuti bersama."
    )
    occurrences = Event.objects.filter(pk=event.pk).occurrences_between(
        at(2026, 5, 1), at(2026, 8, 1)
    )
    assert [(o.date.isoformat(), o.cancelled, o.note) for o in occurrences] == [
        ("2026-05-01", False, ""),
        ("2026-06-05", True, "Cuti bersama."),
        ("2026-07-03", False, ""),
    ]
    assert occurrences[1].status == Event.Status.CANCELLED
    assert occurrences[0].status == Event.Status.SCHEDULED


def test_exception_must_be_an_occurrence_of_the_rule():
    event = first_friday_webinar()
    exception = EventExceptionFactory.build(
        event=event, original_date=datetime.date(2026, 6, 6)
    )
    with pytest.raises(ValidationError) as error:
        exception.full_clean()
    assert error.value.message_dict["original_date"] == [
        "Tanggal ini bukan salah satu jadwal acara berulang ini."
    ]


def test_occurrences_between_merges_events_sorted_by_start():
    first_friday_webinar()
    EventFactory(
        title="Uji publik", starts_at=at(2026, 6, 2, 9), ends_at=at(2026, 6, 2, 12)
    )
    EventFactory(
        title="Rakor WITA",
        time_zone="Asia/Makassar",
        starts_at=at(2026, 6, 5, 14, zone=WITA),
        ends_at=at(2026, 6, 5, 15, zone=WITA),
    )
    EventFactory(
        title="Di luar jendela", starts_at=at(2026, 8, 1, 9), ends_at=at(2026, 8, 1, 10)
    )
    occurrences = Event.objects.all().occurrences_between(
        at(2026, 5, 15), at(2026, 7, 1)
    )
    # 14.00 WITA is 13.00 WIB, an hour before the 14.00 WIB webinar.
    assert [(o.event.title, o.date.isoformat()) for o in occurrences] == [
        ("Uji publik", "2026-06-02"),
        ("Rakor WITA", "2026-06-05"),
        ("Webinar Jumat Pertama", "2026-06-05"),
    ]


def test_all_day_event_spans_whole_local_days():
    event = EventFactory(
        all_day=True,
        starts_at=at(2026, 6, 10, 15),
        ends_at=at(2026, 6, 11, 9),
    )
    event.full_clean()
    event.save()
    (occurrence,) = event.occurrences_between(at(2026, 6, 11, 23), at(2026, 6, 12, 1))
    assert occurrence.start == at(2026, 6, 10)
    assert occurrence.end == at(2026, 6, 12)
    assert occurrence.last_day == datetime.date(2026, 6, 11)
    assert occurrence.is_multi_day


@time_machine.travel(datetime.datetime(2026, 6, 1, 8, tzinfo=WIB), tick=False)
def test_upcoming_and_past_occurrences():
    first_friday_webinar(recurrence_count=3)
    EventFactory(
        title="Kemarin", starts_at=at(2026, 5, 31, 9), ends_at=at(2026, 5, 31, 10)
    )
    EventFactory(
        title="Internal",
        is_public=False,
        starts_at=at(2026, 6, 2, 9),
        ends_at=at(2026, 6, 2, 10),
    )
    upcoming = Event.objects.published().upcoming_occurrences()
    assert [(o.event.title, o.date.isoformat()) for o in upcoming] == [
        ("Webinar Jumat Pertama", "2026-06-05"),
        ("Webinar Jumat Pertama", "2026-07-03"),
    ]
    past = Event.objects.published().past_occurrences()
    assert [(o.event.title, o.date.isoformat()) for o in past] == [
        ("Kemarin", "2026-05-31"),
        ("Webinar Jumat Pertama", "2026-05-01"),
    ]


def test_recurrence_text_in_indonesian():
    event = first_friday_webinar(
        recurrence_count=None, recurrence_until=datetime.date(2026, 12, 31)
    )
    assert (
        event.recurrence_text()
        == "Setiap bulan pada Jumat pertama, sampai 31 Desember 2026"
    )


def test_google_calendar_link_carries_times_in_utc_and_the_rule():
    event = first_friday_webinar(recurrence_count=3)
    url = event.google_calendar_url()
    assert url.startswith("https://calendar.google.com/calendar/render?action=TEMPLATE")
    assert "dates=20260501T070000Z%2F20260501T083000Z" in url
    assert "recur=RRULE%3AFREQ%3DMONTHLY%3BCOUNT%3D3%3BBYDAY%3D1FR" in url
    assert "ctz=Asia%2FJakarta" in url


# ---- validation (model level; the admin form tests repeat them through HTTP) ----


def errors_of(event):
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    return error.value.message_dict


def test_end_must_be_after_start():
    event = EventFactory.build(starts_at=at(2026, 5, 4, 10), ends_at=at(2026, 5, 4, 9))
    assert errors_of(event)["ends_at"] == ["Waktu selesai harus setelah waktu mulai."]


def test_online_link_must_be_http_or_https():
    event = EventFactory.build(online_url="ftp://contoh.example/rapat")
    assert (
        "Tautan daring harus berupa alamat web lengkap yang diawali http:// atau "
        "https://." in errors_of(event)["online_url"]
    )


def test_recurrence_must_end():
    event = EventFactory.build(
        starts_at=at(2026, 5, 1, 14),
        ends_at=at(2026, 5, 1, 15),
        recurrence_frequency=Event.Frequency.WEEKLY,
    )
    assert errors_of(event)["recurrence_until"] == [
        "Pengulangan harus berakhir: isi tanggal akhir atau jumlah kejadian."
    ]


def test_start_must_be_the_first_occurrence_of_the_rule():
    event = EventFactory.build(
        # Saturday 2 May 2026 is not a first Friday.
        starts_at=at(2026, 5, 2, 14),
        ends_at=at(2026, 5, 2, 15),
        recurrence_frequency=Event.Frequency.MONTHLY,
        recurrence_weekdays="FR",
        recurrence_week_of_month=Event.WeekOfMonth.FIRST,
        recurrence_count=3,
    )
    assert (
        "Tanggal mulai harus jatuh pada pola pengulangan"
        in errors_of(event)["starts_at"][0]
    )


def test_week_of_month_needs_a_monthly_rule_and_one_day():
    event = EventFactory.build(
        starts_at=at(2026, 5, 1, 14),
        ends_at=at(2026, 5, 1, 15),
        recurrence_frequency=Event.Frequency.WEEKLY,
        recurrence_weekdays="FR",
        recurrence_week_of_month=Event.WeekOfMonth.FIRST,
        recurrence_count=3,
    )
    assert errors_of(event)["recurrence_week_of_month"] == [
        "Minggu ke- hanya untuk pengulangan bulanan."
    ]


def test_end_before_start_is_also_refused_by_the_database():
    from django.db import IntegrityError, transaction

    with transaction.atomic(), pytest.raises(IntegrityError):
        EventFactory(starts_at=at(2026, 5, 4, 10), ends_at=at(2026, 5, 4, 9))


def test_timed_event_ending_at_midnight_covers_one_day():
    event = EventFactory(starts_at=at(2026, 6, 10, 19), ends_at=at(2026, 6, 11))
    (occurrence,) = event.occurrences_between(at(2026, 6, 1), at(2026, 7, 1))
    assert occurrence.last_day == datetime.date(2026, 6, 10)
    assert not occurrence.is_multi_day
