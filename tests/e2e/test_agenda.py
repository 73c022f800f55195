import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from agendas.models import Event
from tests.factories import EventFactory, InstitutionProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")


def at(day, hour, zone=WIB):
    return datetime.datetime(2026, 5, day, hour, tzinfo=zone)


@pytest.fixture
def unhashed_static(settings):
    """Reference /static/css/site.css itself: the live server's static handler
    serves the source files, not the hashed names of the collected manifest,
    and a layout check needs the stylesheet."""
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        }
    }


def test_agenda_and_month_view_on_a_phone(live_server, unhashed_static, page, tmp_path):
    with time_machine.travel(at(1, 8), tick=True):
        InstitutionProfileFactory(name="KPU Kabupaten Peramban")
        EventFactory(
            title="Webinar Jumat Pertama",
            starts_at=at(1, 14),
            ends_at=at(1, 15),
            recurrence_frequency=Event.Frequency.MONTHLY,
            recurrence_weekdays="FR",
            recurrence_week_of_month=Event.WeekOfMonth.FIRST,
            recurrence_count=3,
        )
        EventFactory(
            title="Bimtek Batal",
            status=Event.Status.CANCELLED,
            starts_at=at(6, 9),
            ends_at=at(6, 12),
        )
        EventFactory(
            title="Rakor Mitra",
            slug="rakor-mitra",
            time_zone="Asia/Makassar",
            starts_at=at(8, 10, WITA),
            ends_at=at(8, 12, WITA),
        )
        EventFactory(title="Rapat Internal", is_public=False, starts_at=at(7, 9))

        page.goto(live_server.url + "/agenda/")
        # The stylesheet is applied (the phone layout below depends on it).
        assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
        assert page.locator("h1").inner_text() == "Agenda"
        assert (
            page.locator(".agenda-day-heading").first.inner_text()
            == "Jumat, 1 Mei 2026"
        )
        assert page.locator(".badge-cancelled").inner_text().lower() == "dibatalkan"
        assert "Rapat Internal" not in page.content()
        # Nothing wider than the phone's screen.
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.screenshot(path=str(tmp_path / "agenda.png"), full_page=True)

        page.get_by_role("link", name="Lihat kalender bulanan").click()
        page.wait_for_url("**/agenda/2026/5/")
        table = page.get_by_role("table", name="Kalender agenda Mei 2026")
        assert table.locator("thead th").count() == 7
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # On a phone each day shows a count linking to the day's list below.
        table.locator("a.day-count[href='#hari-2026-05-08']").click()
        page.wait_for_url("**#hari-2026-05-08")
        page.get_by_role("link", name="Rakor Mitra").click()
        page.wait_for_url("**/agenda/rakor-mitra/")
        assert "10.00 WITA" in page.locator(".event-facts").inner_text()

        page.goto(live_server.url + "/agenda/2026/12/")
        page.get_by_role("link", name="Bulan berikutnya: Januari 2027").click()
        page.wait_for_url("**/agenda/2027/1/")
        assert page.locator("h1").inner_text() == "Agenda Januari 2027"
        page.screenshot(path=str(tmp_path / "month.png"), full_page=True)
        assert (tmp_path / "month.png").stat().st_size > 5_000
