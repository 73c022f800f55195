import pytest

from tests.factories import InstitutionProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_home_page_in_chromium(live_server, page, tmp_path):
    InstitutionProfileFactory(name="KPU Kabupaten Peramban")
    page.goto(live_server.url + "/")
    assert page.locator(".brand-name").inner_text() == "KPU Kabupaten Peramban"
    assert page.title() == "KPU Kabupaten Peramban"
    # The skip link is the first thing a keyboard user reaches.
    page.keyboard.press("Tab")
    assert (
        page.evaluate("document.activeElement.textContent")
        == "Langsung ke konten utama"
    )
    screenshot = tmp_path / "home.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 5_000
