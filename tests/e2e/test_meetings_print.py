import datetime
import re

import pytest
from django.conf import settings
from django.test import Client

from humas_site.demo import demo_image
from tests.factories import (
    InstitutionProfileFactory,
    MeetingFactory,
    ParticipantFactory,
    ParticipantGroupFactory,
    StaffFactory,
)
from tests.meetings.pdfs import page_texts

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def log_in(page, live_server):
    """Give the browser a staff session (created through Django's test client)."""
    client = Client()
    client.force_login(StaffFactory(is_superuser=True))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_attendance_list_prints_with_letterhead_and_signature_column(
    live_server, page, tmp_path
):
    profile = InstitutionProfileFactory(
        name="KPU Kabupaten Sukamaju", address="Jl. Merdeka Timur No. 17"
    )
    profile.logo.save("logo.png", demo_image("KPU", (128, 128), fmt="PNG"))
    meeting = MeetingFactory(title="Rapat koordinasi kehumasan daring", is_public=False)
    ParticipantFactory(meeting=meeting, role="pimpinan", name="Ahmad Fauzi Rahman")
    for n in range(1, 25):
        ParticipantFactory(meeting=meeting, name=f"Peserta Rapat {n}")
    ParticipantGroupFactory(meeting=meeting, label="KPU Provinsi", count=34)

    # The public gets a 404 for an internal meeting's attendance list.
    response = page.goto(live_server.url + meeting.get_attendance_url())
    assert response.status == 404

    log_in(page, live_server)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + meeting.get_attendance_url())
    stylesheet = page.evaluate("document.styleSheets[0].href")
    assert page.request.get(stylesheet).ok
    # On screen the toolbar offers the print button (enabled by site.js).
    assert page.locator("[data-print]").is_visible()

    page.emulate_media(media="print")
    assert not page.locator(".print-toolbar").is_visible()
    letterhead = page.locator(".letterhead")
    assert letterhead.is_visible()
    assert "KPU KABUPATEN SUKAMAJU" in letterhead.inner_text()
    assert "Jl. Merdeka Timur No. 17" in letterhead.inner_text()
    assert page.locator(".letterhead-logo").is_visible()
    header = page.locator("table.attendance thead th").last
    assert header.inner_text().strip().lower() == "tanda tangan"
    assert header.is_visible()
    rows = page.locator("table.attendance tbody tr")
    assert rows.count() == 25 + 3  # participants plus blank rows
    signature_cell = page.locator("table.attendance tbody tr td.col-signature").first
    assert signature_cell.bounding_box()["width"] > 150  # room to sign
    # A long list repeats its header on every printed page.
    assert (
        page.evaluate(
            "getComputedStyle(document.querySelector('table.attendance thead')).display"
        )
        == "table-header-group"
    )

    pdf = page.pdf(prefer_css_page_size=True)
    assert pdf.startswith(b"%PDF-")
    (tmp_path / "daftar-hadir.pdf").write_bytes(pdf)
    pages = re.findall(rb"/Type\s*/Page\b", pdf)
    assert len(pages) >= 2  # 28 rows of 12 mm do not fit one A4 page
    # @page size A4: 595 x 842 points.
    assert re.search(rb"/MediaBox\s*\[0 0 59[45]\.\d+ 84[12]\.\d+\]", pdf)


def test_attendance_signature_stays_with_the_end_of_the_list(live_server, page):
    """However long the list, the chair signs on the page of its last rows."""
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju", city="Sukamaju")
    meeting = MeetingFactory(
        title="Rapat pleno rekapitulasi",
        starts_at=datetime.datetime(2021, 5, 4, 2, 0, tzinfo=datetime.UTC),
        ends_at=None,
        is_public=False,
    )
    ParticipantFactory(meeting=meeting, role="pimpinan", name="Ahmad Fauzi Rahman")
    ParticipantFactory.create_batch(5, meeting=meeting, position="Anggota")
    log_in(page, live_server)
    page.emulate_media(media="print")
    blank_rows = 3
    # From a list that ends mid-page to one that fills the page.
    for listed in range(6, 20):
        page.goto(live_server.url + meeting.get_attendance_url())
        pages = page_texts(page.pdf(prefer_css_page_size=True))
        # The last row's number, as in its signature cell ("9."), not "09.00".
        last_row = re.compile(rf"(?<![\d.]){listed + blank_rows}\.(?!\d)")
        signed = [n for n, text in enumerate(pages) if "Pimpinan rapat," in text]
        ending = [n for n, text in enumerate(pages) if last_row.search(text)]
        assert signed and signed == ending[-1:], (listed, pages)
        assert "Sukamaju, 4 Mei 2021" in pages[signed[0]]
        assert "NIP." in pages[signed[0]]
        ParticipantFactory(meeting=meeting, position="Anggota")
