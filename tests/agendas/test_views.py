"""Public agenda pages: upcoming list, month view, past events, event page."""

import datetime

import pytest
from django.template import Context, Template
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from agendas.models import Event
from tests.clock import WIB, WIT, WITA, at
from tests.factories import (
    ArticleFactory,
    EventCategoryFactory,
    EventExceptionFactory,
    EventFactory,
    InstitutionProfileFactory,
    MeetingFactory,
    StaffFactory,
    UnitFactory,
)

# Friday 1 May 2026, 08.00 WIB.
NOW = datetime.datetime(2026, 5, 1, 8, tzinfo=WIB)
pytestmark = [pytest.mark.django_db, pytest.mark.frozen_at(NOW)]


@pytest.fixture
def agenda():
    sosialisasi = EventCategoryFactory(name="Sosialisasi", slug="sosialisasi")
    rapat = EventCategoryFactory(name="Rapat", slug="rapat")
    teknis = UnitFactory(name="Divisi Teknis", slug="teknis")
    humas = UnitFactory(name="Subbagian Humas", slug="humas")
    events = {
        "webinar": EventFactory(
            title="Webinar Jumat Pertama",
            slug="webinar-jumat-pertama",
            category=sosialisasi,
            unit=humas,
            starts_at=at(2026, 5, 1, 14),
            ends_at=at(2026, 5, 1, 15, 30),
            recurrence_frequency=Event.Frequency.MONTHLY,
            recurrence_weekdays="FR",
            recurrence_week_of_month=Event.WeekOfMonth.FIRST,
            recurrence_count=6,
        ),
        "uji": EventFactory(
            title="Uji Publik Dapil",
            slug="uji-publik-dapil",
            category=rapat,
            unit=teknis,
            starts_at=at(2026, 5, 5, 9),
            ends_at=at(2026, 5, 5, 12),
        ),
        "batal": EventFactory(
            title="Bimtek PPS",
            slug="bimtek-pps",
            category=rapat,
            unit=teknis,
            status=Event.Status.CANCELLED,
            status_note="Dibatalkan karena jadwal provinsi berubah.",
            starts_at=at(2026, 5, 6, 9),
            ends_at=at(2026, 5, 6, 12),
        ),
        "tunda": EventFactory(
            title="Audiensi Forum Disabilitas",
            slug="audiensi-forum",
            category=rapat,
            unit=humas,
            status=Event.Status.POSTPONED,
            starts_at=at(2026, 5, 7, 13),
            ends_at=at(2026, 5, 7, 15),
        ),
        "wita": EventFactory(
            title="Rakor Daring Mitra",
            slug="rakor-daring-mitra",
            category=rapat,
            unit=teknis,
            time_zone="Asia/Makassar",
            starts_at=at(2026, 5, 8, 10, zone=WITA),
            ends_at=at(2026, 5, 8, 12, zone=WITA),
            place="",
            online_url="https://vicon.contoh.example/rakor",
        ),
        "internal": EventFactory(
            title="Rapat Pleno Internal",
            slug="rapat-pleno-internal",
            category=rapat,
            unit=teknis,
            is_public=False,
            starts_at=at(2026, 5, 4, 9),
            ends_at=at(2026, 5, 4, 11),
        ),
        "lalu": EventFactory(
            title="Sosialisasi Kelompok Tani",
            slug="sosialisasi-kelompok-tani",
            category=sosialisasi,
            unit=teknis,
            status=Event.Status.DONE,
            starts_at=at(2026, 4, 20, 13),
            ends_at=at(2026, 4, 20, 15),
        ),
    }
    EventExceptionFactory(
        event=events["webinar"],
        original_date=datetime.date(2026, 6, 5),
        note="Ditiadakan: cuti bersama.",
    )
    return events


# ---- upcoming list ----


def test_list_shows_upcoming_occurrences_grouped_by_day(client, agenda):
    response = client.get("/agenda/")
    assertTemplateUsed(response, "agendas/event_list.html")
    html = response.content.decode()
    assertContains(
        response, '<h2 class="agenda-day-heading" id="hari-2026-05-05">', count=1
    )
    assertContains(response, "Selasa, 5 Mei 2026")
    # Chronological: the webinar today, then 5, 6, 7, 8 May.
    order = [
        html.index(title)
        for title in [
            "Webinar Jumat Pertama",
            "Uji Publik Dapil",
            "Bimtek PPS",
            "Audiensi Forum Disabilitas",
            "Rakor Daring Mitra",
        ]
    ]
    assert order == sorted(order)
    assertNotContains(response, "Sosialisasi Kelompok Tani")
    assertNotContains(response, "Rapat Pleno Internal")


def test_list_marks_cancelled_and_postponed_events(client, agenda):
    response = client.get("/agenda/")
    assertContains(
        response, '<strong class="badge badge-cancelled">Dibatalkan</strong>', html=True
    )
    assertContains(
        response, '<strong class="badge badge-postponed">Ditunda</strong>', html=True
    )
    assertContains(response, "Dibatalkan karena jadwal provinsi berubah.")
    # The cancelled webinar date stays listed, marked, with its note.
    assertContains(response, "Ditiadakan: cuti bersama.")


def test_list_times_carry_the_zone_of_each_event(client, agenda):
    response = client.get("/agenda/")
    assertContains(response, "10.00 WITA")
    assertContains(response, "14.00 WIB")


def test_list_filters_by_category_and_unit(client, agenda):
    response = client.get("/agenda/", {"kategori": "sosialisasi"})
    assertContains(response, "Webinar Jumat Pertama")
    assertNotContains(response, "Uji Publik Dapil")
    response = client.get("/agenda/", {"unit": "teknis"})
    assertContains(response, "Uji Publik Dapil")
    assertContains(response, "Rakor Daring Mitra")
    assertNotContains(response, "Webinar Jumat Pertama")
    response = client.get("/agenda/", {"kategori": "rapat", "unit": "humas"})
    assertContains(response, "Audiensi Forum Disabilitas")
    assertNotContains(response, "Uji Publik Dapil")


def test_unknown_filter_shows_everything_with_a_message(client, agenda):
    response = client.get("/agenda/", {"kategori": "tidak-ada"})
    assert response.status_code == 200
    assertContains(response, "Pilihan saringan tidak dikenal")
    assertContains(response, "Uji Publik Dapil")


def test_list_is_paginated_and_keeps_filters(client, agenda):
    EventFactory(
        title="Layanan PPID Harian",
        category=agenda["webinar"].category,
        starts_at=at(2026, 5, 2, 9),
        ends_at=at(2026, 5, 2, 10),
        recurrence_frequency=Event.Frequency.DAILY,
        recurrence_count=30,
    )
    response = client.get("/agenda/", {"kategori": "sosialisasi"})
    assert len(response.context["occurrences"]) == 20
    assertContains(response, "?kategori=sosialisasi&amp;page=2")
    second = client.get("/agenda/", {"kategori": "sosialisasi", "page": 2})
    assert second.status_code == 200
    assert 0 < len(second.context["occurrences"]) <= 20


def test_list_links_to_webcal_subscription_and_feeds(client, agenda):
    response = client.get("/agenda/")
    assertContains(response, 'href="webcal://testserver/agenda/feed.ics"')
    assertContains(response, 'href="/agenda/feed/"')


def test_list_query_count(client, agenda, django_assert_num_queries):
    # 1 events with category and unit (one JOIN), 2 their cancelled
    # occurrences, 3 institution profile and 4 flatpage navigation (cached
    # afterwards), 5 category options, 6 unit options.
    with django_assert_num_queries(6):
        response = client.get("/agenda/")
    assert response.status_code == 200
    for n in range(5):
        EventFactory(starts_at=at(2026, 5, 10 + n, 9), ends_at=at(2026, 5, 10 + n, 10))
    # Five more events, same queries; the category filter adds its lookup
    # while the profile and the navigation now come from the cache.
    with django_assert_num_queries(5):
        response = client.get("/agenda/", {"kategori": "rapat"})
    assert len(response.context["occurrences"]) == 4


# ---- past events ----


def test_past_page_lists_ended_occurrences_newest_first(client, agenda):
    response = client.get("/agenda/lalu/")
    assertTemplateUsed(response, "agendas/event_past.html")
    assertContains(response, "Sosialisasi Kelompok Tani")
    assertContains(response, '<span class="badge badge-done">Selesai</span>', html=True)
    assertNotContains(response, "Uji Publik Dapil")
    assertNotContains(response, "Rapat Pleno Internal")


def test_past_page_query_count(client, agenda, django_assert_num_queries):
    # Events with category and unit, cancelled occurrences, profile,
    # flatpages, category options, unit options.
    with django_assert_num_queries(6):
        assert client.get("/agenda/lalu/").status_code == 200


# ---- month view ----


def test_month_view_is_a_table_with_events_on_their_days(client, agenda):
    response = client.get("/agenda/2026/5/")
    assertTemplateUsed(response, "agendas/event_month.html")
    assertContains(response, "<caption>Kalender agenda Mei 2026</caption>", html=True)
    assertContains(
        response, '<th scope="col"><abbr title="Senin">Sen</abbr></th>', html=True
    )
    weeks = response.context["weeks"]
    assert weeks[0][0].date == datetime.date(2026, 4, 27)  # Monday first
    assert all(len(week) == 7 for week in weeks)
    days = {
        day.date: [o.event.title for o in day.occurrences]
        for week in weeks
        for day in week
    }
    assert days[datetime.date(2026, 5, 5)] == ["Uji Publik Dapil"]
    assert days[datetime.date(2026, 5, 8)] == ["Rakor Daring Mitra"]
    assert "Rapat Pleno Internal" not in days[datetime.date(2026, 5, 4)]
    assertNotContains(response, "Rapat Pleno Internal")
    # Today is marked for assistive technology.
    assertContains(response, 'aria-current="date"', count=1)


def test_month_view_puts_a_wit_event_on_its_local_day(client):
    # 00.30 WIT on Monday 1 June is still Sunday 31 May in WIB.
    EventFactory(
        title="Rakor Papua",
        time_zone="Asia/Jayapura",
        starts_at=at(2026, 6, 1, 0, 30, zone=WIT),
        ends_at=at(2026, 6, 1, 1, 30, zone=WIT),
    )
    response = client.get("/agenda/2026/6/")
    days = {
        day.date: day.occurrences for week in response.context["weeks"] for day in week
    }
    assert [o.event.title for o in days[datetime.date(2026, 6, 1)]] == ["Rakor Papua"]
    assert sum(len(occurrences) for occurrences in days.values()) == 1
    may = client.get("/agenda/2026/5/")
    may_days = {
        day.date: day.occurrences for week in may.context["weeks"] for day in week
    }
    # May's grid ends on Sunday 31 May: the WIT event is not shown there.
    assert may_days[datetime.date(2026, 5, 31)] == []
    assertContains(response, "00.30 WIT")


def test_month_navigation_links(client):
    response = client.get("/agenda/2026/5/")
    assertContains(response, 'href="/agenda/2026/4/" rel="prev"')
    assertContains(response, 'href="/agenda/2026/6/" rel="next"')


def test_month_navigation_across_the_year_end(client):
    december = client.get("/agenda/2026/12/")
    assertContains(december, 'href="/agenda/2027/1/" rel="next"')
    assertContains(december, 'href="/agenda/2026/11/" rel="prev"')
    january = client.get("/agenda/2027/1/")
    assertContains(january, 'href="/agenda/2026/12/" rel="prev"')
    assertContains(january, "Agenda Januari 2027")


def test_month_navigation_keeps_filters(client, agenda):
    response = client.get("/agenda/2026/5/", {"kategori": "rapat"})
    assertContains(response, 'href="/agenda/2026/6/?kategori=rapat" rel="next"')
    assertNotContains(response, "Webinar Jumat Pertama")


@pytest.mark.parametrize(
    "path", ["/agenda/2026/13/", "/agenda/2026/0/", "/agenda/10000/1/"]
)
def test_impossible_month_is_404(client, path):
    assert client.get(path).status_code == 404


def test_month_has_one_canonical_address(client, agenda):
    """/agenda/2026/05/ is the same month as /agenda/2026/5/: it redirects
    there for good (filters kept), and the page names its canonical URL."""
    response = client.get("/agenda/2026/05/", {"kategori": "rapat"})
    assert response.status_code == 301
    assert response["Location"] == "/agenda/2026/5/?kategori=rapat"
    assert client.get("/agenda/02026/5/")["Location"] == "/agenda/2026/5/"
    page = client.get("/agenda/2026/5/")
    assertContains(
        page, '<link rel="canonical" href="http://testserver/agenda/2026/5/">'
    )


def test_month_view_query_count(client, agenda, django_assert_num_queries):
    # Events with category and unit, cancelled occurrences, profile,
    # flatpages, category options, unit options: not one per day or event.
    with django_assert_num_queries(6):
        assert client.get("/agenda/2026/5/").status_code == 200


# ---- event page ----


def test_detail_shows_time_zone_place_and_online_link(client, agenda):
    response = client.get(agenda["wita"].get_absolute_url())
    assertTemplateUsed(response, "agendas/event_detail.html")
    assertContains(response, "Jumat, 8 Mei 2026 · 10.00 WITA")
    assertContains(response, "12.00 WITA")
    assertContains(
        response,
        '<a href="https://vicon.contoh.example/rakor" rel="noopener nofollow">'
        "https://vicon.contoh.example/rakor</a>",
        html=True,
    )
    assertContains(
        response, 'href="https://calendar.google.com/calendar/render?action=TEMPLATE'
    )
    assertContains(response, f'href="{agenda["wita"].get_ical_url()}"')


def test_detail_marks_cancelled_and_postponed(client, agenda):
    cancelled = client.get(agenda["batal"].get_absolute_url())
    assertContains(cancelled, "Acara ini dibatalkan.")
    assertContains(cancelled, "Dibatalkan karena jadwal provinsi berubah.")
    postponed = client.get(agenda["tunda"].get_absolute_url())
    assertContains(postponed, "Acara ini ditunda.")


def test_detail_of_recurring_event_lists_next_dates_and_cancelled_one(client, agenda):
    response = client.get(agenda["webinar"].get_absolute_url())
    assertContains(response, "Setiap bulan pada Jumat pertama, 6 kali")
    assertContains(response, "Jadwal berikutnya")
    assertContains(response, "Ditiadakan: cuti bersama.")
    specific = client.get(
        agenda["webinar"].get_absolute_url(), {"tanggal": "2026-06-05"}
    )
    assertContains(specific, "Jadwal ini dibatalkan.")
    assertContains(specific, "Jumat, 5 Juni 2026 · 14.00 WIB")
    nonsense = client.get(agenda["webinar"].get_absolute_url(), {"tanggal": "kemarin"})
    assert nonsense.status_code == 200


def test_internal_event_page_is_404_for_readers(client, agenda):
    assert client.get(agenda["internal"].get_absolute_url()).status_code == 404


def test_staff_may_preview_an_internal_event(client, agenda):
    from django.contrib.auth.models import Permission

    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(staff)
    response = client.get(agenda["internal"].get_absolute_url())
    assertContains(response, "Pratinjau staf")
    assert "no-cache" in response["Cache-Control"]


def test_detail_links_only_a_public_meeting_and_a_published_article(client, agenda):
    event = agenda["uji"]
    event.meeting = MeetingFactory(title="Rapat Persiapan Uji Publik", is_public=True)
    event.article = ArticleFactory(title="Berita Uji Publik Dapil")
    event.save()
    response = client.get(event.get_absolute_url())
    assertContains(response, "Rapat Persiapan Uji Publik")
    assertContains(response, "Berita Uji Publik Dapil")
    event.meeting.is_public = False
    event.meeting.save()
    event.article.status = "draft"
    event.article.save()
    response = client.get(event.get_absolute_url())
    assertNotContains(response, "Rapat Persiapan Uji Publik")
    assertNotContains(response, "Berita Uji Publik Dapil")


def test_detail_query_count(client, agenda, django_assert_num_queries):
    event = agenda["webinar"]
    event.meeting = MeetingFactory(is_public=True)
    event.article = ArticleFactory()
    event.save()
    # The event with category and unit, its cancelled occurrences, the
    # public meeting, the published article, profile, flatpages.
    with django_assert_num_queries(6):
        assert client.get(event.get_absolute_url()).status_code == 200


# ---- internal events stay internal everywhere ----


def test_internal_events_are_absent_from_feeds_and_sitemap(client, agenda):
    for path in ["/agenda/feed/", "/agenda/feed.ics", "/sitemap-agenda.xml"]:
        response = client.get(path)
        assert response.status_code == 200, path
        assertNotContains(response, "rapat-pleno-internal")
        assertNotContains(response, "Rapat Pleno Internal")


def test_sitemap_lists_public_event_pages(client, agenda):
    response = client.get("/sitemap-agenda.xml")
    for key in ["webinar", "uji", "batal", "lalu"]:
        assertContains(response, f"{agenda[key].get_absolute_url()}</loc>")


def test_rss_feed_of_upcoming_occurrences(client, agenda):
    response = client.get("/agenda/feed/")
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/rss+xml")
    assert body.count("<item>") == 10  # 6 webinars (one cancelled) + 4 one-offs
    assert "[DIBATALKAN] Bimtek PPS" in body
    assert "Rakor Daring Mitra (Jumat, 8 Mei 2026 · 10.00 WITA / 09.00 WIB)" in body
    assert "/agenda/webinar-jumat-pertama/?tanggal=2026-06-05</link>" in body


# ---- home page widget ----


def render_widget(limit):
    return Template(
        "{% load agenda_tags %}{% upcoming_events " + str(limit) + " %}"
    ).render(Context({}))


def test_upcoming_events_widget(agenda):
    html = render_widget(3)
    assert html.count("<li") == 3
    assert "Webinar Jumat Pertama" in html
    assert "Uji Publik Dapil" in html
    assert "Rapat Pleno Internal" not in html
    assert 'href="/agenda/"' in html


def test_upcoming_events_widget_query_count(agenda, django_assert_num_queries):
    InstitutionProfileFactory()
    # Events with category and unit, and their cancelled occurrences.
    with django_assert_num_queries(2):
        render_widget(5)
    for n in range(5):
        EventFactory(starts_at=at(2026, 5, 2 + n, 9), ends_at=at(2026, 5, 2 + n, 10))
    with django_assert_num_queries(2):
        render_widget(5)


def json_ld(response):
    import json
    import re

    (block,) = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>',
        response.content.decode(),
        re.DOTALL,
    )
    return json.loads(block)


def test_detail_carries_schema_org_event_data(client, agenda):
    data = json_ld(client.get(agenda["wita"].get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["startDate"] == "2026-05-08T10:00:00+08:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://vicon.contoh.example/rakor",
    }
    cancelled = json_ld(client.get(agenda["batal"].get_absolute_url()))
    assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"


def test_schema_org_data_cannot_break_out_of_its_script_element(client, agenda):
    event = agenda["uji"]
    event.title = "Uji publik </script><script>alert(1)</script>"
    event.save()
    response = client.get(event.get_absolute_url())
    assert "<script>alert(1)" not in response.content.decode()
    assert json_ld(response)["name"] == event.title


def test_internal_preview_has_no_schema_org_data_and_is_noindex(client, agenda):
    from django.contrib.auth.models import Permission

    staff = StaffFactory()
    staff.user_permissions.add(Permission.objects.get(codename="view_event"))
    client.force_login(staff)
    response = client.get(agenda["internal"].get_absolute_url())
    assertContains(response, '<meta name="robots" content="noindex">', html=True)
    assertNotContains(response, "application/ld+json")


def test_empty_month_is_not_indexed(client, agenda):
    noindex = '<meta name="robots" content="noindex">'
    assertNotContains(client.get("/agenda/2026/5/"), noindex, html=True)
    assertContains(client.get("/agenda/2031/5/"), noindex, html=True)
