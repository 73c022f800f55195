"""The public pages fit a 360 px phone: nothing scrolls sideways."""

import pytest
from django.core.management import call_command

from agendas.models import Event
from meetings.models import Meeting
from news.models import Article

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
    article = Article.objects.published().order_by("-published_at").first()
    meeting = Meeting.objects.public().first()
    event = Event.objects.published().first()
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = {}
    for path in [
        "/",
        "/berita/",
        article.get_absolute_url(),
        "/agenda/",
        "/rapat/",
        "/galeri/",
        "/profil/struktur-organisasi/",
        "/cari/?q=pemilih",
        "/berita/terpopuler/",
        meeting.get_absolute_url(),
        event.get_absolute_url(),
    ]:
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
