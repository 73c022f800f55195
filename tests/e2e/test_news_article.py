"""The article page in Chromium on a phone: content, share links, view counter."""

import time

import pytest
from playwright.sync_api import expect

from news.models import Article
from tests.factories import ArticleFactory, InstitutionProfileFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# Headless Chromium says "HeadlessChrome", which the crawler list rightly
# treats as a bot; readers use ordinary phone browsers.
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
)


@pytest.fixture(autouse=True)
def unhashed_static(settings):
    # pytest-django's live server serves static files through the finders,
    # which do not know the manifest's hashed names: without this the page
    # would run without its JavaScript.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }


@pytest.fixture
def phone(browser):
    context = browser.new_context(
        locale="id-ID",
        viewport={"width": 390, "height": 844},
        user_agent=PHONE_UA,
        is_mobile=True,
    )
    # Nothing outside the site may load (share targets, YouTube).
    context.route(
        lambda url: not url.startswith(("http://localhost", "http://127.0.0.1")),
        lambda route: route.abort(),
    )
    page = context.new_page()
    yield page
    context.close()


def wait_for_views(article, expected, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        article.refresh_from_db()
        if article.views_count == expected:
            return
        time.sleep(0.1)
    raise AssertionError(f"views_count {article.views_count} != {expected}")


def test_article_page_on_a_phone_counts_the_view(live_server, phone):
    InstitutionProfileFactory(name="KPU Kabupaten Peramban")
    article = ArticleFactory(
        title="Bimtek pantarlih gelombang pertama",
        writer="Sari Anggraini",
        video_url="https://youtu.be/dQw4w9WgXcQ",
    )
    phone.goto(live_server.url + article.get_absolute_url())
    assert phone.locator("h1").inner_text() == article.title
    assert "WIB" in phone.locator(".article-meta time").inner_text()
    for name in ["Bagikan ke WhatsApp", "Bagikan ke Facebook", "Bagikan ke X"]:
        expect(phone.get_by_role("link", name=name)).to_be_visible()
    # Shown by site.js only where the clipboard API works.
    expect(phone.get_by_role("button", name="Salin tautan")).to_be_visible()
    assert "Dilihat 0 kali" in phone.locator(".article-views").inner_text()
    # No horizontal scrolling on a 390 px screen.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390

    wait_for_views(article, 1)
    assert article.daily_views.get().views == 1
    phone.reload()
    assert "Dilihat 1 kali" in phone.locator(".article-views").inner_text()
    # The same reader reloading within the window is not counted again.
    time.sleep(1)
    article.refresh_from_db()
    assert article.views_count == 1

    # The video is a plain link until clicked; then the privacy-enhanced
    # player replaces it.
    assert phone.locator("iframe").count() == 0
    phone.get_by_role("link", name=f"Putar video {article.title}").click()
    frame = phone.locator("iframe.video-iframe")
    expect(frame).to_have_count(1)
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    )


def test_load_more_appends_the_next_page(live_server, phone):
    ArticleFactory.create_batch(14)
    phone.goto(live_server.url + "/berita/")
    cards = phone.locator("[data-article-list] > li")
    assert cards.count() == 12
    phone.get_by_role("link", name="Muat lebih banyak").click()
    phone.get_by_text("Tidak ada berita lagi.").wait_for()
    assert cards.count() == 14
    assert phone.url.endswith("/berita/")  # appended in place, no navigation
    assert Article.objects.count() == 14
