"""Admin pages fit the screen: 1366 px for the office, 360 px for contributors."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from news.models import Article
from tests.humas_site.test_admin_language import admin_pages

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PASSWORD = "humas-demo-2026"
# Parts of the page that scroll (or clip) sideways on their own: the change
# list, inline tables, form rows. Form controls clip their own text by design.
SIDEWAYS = """() => [...document.querySelectorAll('body *')]
  .filter((el) => !['TEXTAREA', 'SELECT', 'INPUT', 'BUTTON'].includes(el.tagName))
  .filter((el) => !el.closest('.select2-selection'))
  .filter((el) => ['auto', 'scroll', 'hidden'].includes(getComputedStyle(el).overflowX))
  .filter((el) => el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className + ' ' + el.scrollWidth
    + ' > ' + el.clientWidth)
  .slice(0, 5)"""


def log_in(browser, live_server, username, width):
    context = browser.new_context(
        locale="id-ID", viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + reverse("admin:index"))
    return context, page


def too_wide(page, live_server, paths):
    problems = {}
    for path in paths:
        response = page.goto(live_server.url + path)
        if response.status == 403:
            continue
        assert response.status == 200, path
        page_width = page.evaluate("document.documentElement.scrollWidth")
        sideways = page.evaluate(SIDEWAYS)
        if page_width > page.evaluate("innerWidth") or sideways:
            problems[path] = (page_width, sideways)
    return problems


def test_every_admin_page_fits_a_1366_px_screen(live_server, browser):
    call_command("seed_demo", verbosity=0)
    with_gallery = Article.objects.filter(photos__isnull=False).first()
    paths = [
        *admin_pages(),
        reverse("admin:news_article_change", args=[with_gallery.pk]),
        reverse("admin:news_article_history", args=[with_gallery.pk]),
    ]
    context, page = log_in(browser, live_server, "admin", 1366)
    problems = too_wide(page, live_server, paths)
    context.close()
    assert problems == {}


def test_contributor_pages_fit_a_360_px_phone(live_server, browser):
    call_command("seed_demo", verbosity=0)
    contributor = get_user_model().objects.get(username="kontributor")
    draft = Article.objects.filter(created_by=contributor).first()
    paths = [
        reverse("admin:index"),
        reverse("admin:app_list", args=["news"]),
        reverse("admin:news_article_changelist"),
        reverse("admin:news_article_write"),
        reverse("admin:news_article_add"),
        reverse("admin:news_article_change", args=[draft.pk]),
        reverse("admin:news_article_history", args=[draft.pk]),
        reverse("admin:password_change"),
    ]
    context, page = log_in(browser, live_server, "kontributor", 360)
    problems = too_wide(page, live_server, paths)
    context.close()
    assert problems == {}


def test_gallery_rows_keep_their_delete_box_in_view(live_server, browser):
    call_command("seed_demo", verbosity=0)
    article = Article.objects.filter(photos__isnull=False).first()
    context, page = log_in(browser, live_server, "admin", 1366)
    page.goto(live_server.url + reverse("admin:news_article_change", args=[article.pk]))
    delete_box = page.locator("#photos-group td.delete input[type=checkbox]").first
    box = delete_box.bounding_box()
    assert box["x"] + box["width"] <= 1366
    # A small picture of each photo, not its stored file name.
    assert page.locator("#photos-group img.humas-thumb").count() == (
        article.photos.count()
    )
    assert article.photos.first().image.name not in page.inner_text("#photos-group")
    context.close()
