"""The public pages fit a 360 px phone: nothing scrolls sideways."""

import pytest
from django.core.management import call_command

from tests.demo_pages import reader_paths

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1)
    .filter((el) => !el.closest('[data-scrollable], .table-scroll, pre'))
    .map((el) => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))
    .slice(0, 5);
}"""


def test_public_pages_fit_a_small_phone(live_server, browser):
    call_command("seed_demo")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = {}
    for path in reader_paths():
        page.goto(live_server.url + path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        if scroll_width > 360:
            problems[path] = (scroll_width, page.evaluate(OVERFLOWING))
    context.close()
    assert problems == {}


def test_the_last_line_of_a_page_keeps_its_distance_from_the_footer(
    live_server, browser
):
    call_command("seed_demo")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    gaps = {}
    for path in ["/galeri/", "/berita/", "/rapat/"]:
        page.goto(live_server.url + path)
        gaps[path] = page.evaluate(
            """() => {
              const main = document.querySelector('main .layout-main');
              const last = [...main.querySelectorAll('*')]
                .filter((el) => el.getBoundingClientRect().height > 0)
                .map((el) => el.getBoundingClientRect().bottom);
              return document.querySelector('footer').getBoundingClientRect().top
                - Math.max(...last);
            }"""
        )
    context.close()
    assert all(gap >= 24 for gap in gaps.values()), gaps


@pytest.mark.parametrize("width", [360, 1280])
def test_the_header_search_works_on_every_page(live_server, browser, width):
    """A labelled search field in the header of every page, fitting a 360 px
    phone and a desktop, that searches the news (a plain GET form: no
    JavaScript needed)."""
    from tests.factories import ArticleFactory

    article = ArticleFactory(title="Sosialisasi pemilih pemula di sekolah")
    context = browser.new_context(
        viewport={"width": width, "height": 800}, java_script_enabled=False
    )
    page = context.new_page()
    for path in ["/", "/berita/", "/agenda/", "/rapat/", "/galeri/"]:
        page.goto(live_server.url + path)
        field = page.get_by_role("searchbox", name="Cari berita")
        assert field.is_visible(), path
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        box = field.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, path
    page.screenshot(path=f"/tmp/header-search-{width}.png")
    field.fill("pemilih pemula")
    page.locator(".header-search").get_by_role("button", name="Cari").click()
    page.wait_for_url("**/cari/?q=pemilih+pemula")
    result = page.locator(f'.search-results a[href="{article.get_absolute_url()}"]')
    assert result.inner_text() == "Sosialisasi pemilih pemula di sekolah"
    context.close()
