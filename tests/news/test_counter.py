"""The view counter (shared DESIGN.md §4): beacon POSTs from humans count once."""

import threading
import urllib.request

import pytest
from django.db import connection
from django.urls import reverse

from news.models import Article, ArticleDailyView
from tests.factories import ArticleFactory, StaffFactory

BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
)
SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_USER_AGENT": BROWSER}


def beacon_url(article):
    return reverse("news:article_view_beacon", args=[article.pk])


def views_of(article):
    article.refresh_from_db()
    return article.views_count


@pytest.mark.django_db
def test_beacon_counts_a_view_and_todays_row(client):
    article = ArticleFactory()
    response = client.post(beacon_url(article), **SAME_ORIGIN)
    assert response.status_code == 204
    assert "no-cache" in response["Cache-Control"]
    assert views_of(article) == 1
    assert ArticleDailyView.objects.get(article=article).views == 1


@pytest.mark.django_db
def test_reader_refreshing_within_the_window_counts_once(client):
    article = ArticleFactory()
    for _ in range(3):
        client.post(beacon_url(article), **SAME_ORIGIN)
    assert views_of(article) == 1
    # Another reader (here: another browser) is counted.
    client.post(
        beacon_url(article), **{**SAME_ORIGIN, "HTTP_USER_AGENT": BROWSER + " Edg/1"}
    )
    assert views_of(article) == 2


@pytest.mark.django_db
def test_viewing_the_page_itself_never_counts(client):
    article = ArticleFactory()
    client.get(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    client.head(article.get_absolute_url(), HTTP_USER_AGENT=BROWSER)
    assert client.get(beacon_url(article), **SAME_ORIGIN).status_code == 405
    assert client.head(beacon_url(article), **SAME_ORIGIN).status_code == 405
    assert views_of(article) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "WhatsApp/2.23.20.0 A",
        "Twitterbot/1.0",
        "TelegramBot (like TwitterBot)",
        "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
        "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
        "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (compatible; "
        "Bytespider; spider-feedback@bytedance.com)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.1)",
        "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; "
        "ChatGPT-User/1.0; +https://openai.com/bot",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "HeadlessChrome/124.0 Safari/537.36",
        "curl/8.5.0",
        "",
    ],
)
def test_crawlers_and_link_previews_are_not_counted(client, user_agent):
    article = ArticleFactory()
    response = client.post(
        beacon_url(article),
        HTTP_SEC_FETCH_SITE="same-origin",
        HTTP_USER_AGENT=user_agent,
    )
    assert response.status_code == 204
    assert views_of(article) == 0


@pytest.mark.django_db
def test_staff_previews_are_not_counted(client):
    article = ArticleFactory()
    client.force_login(StaffFactory())
    client.post(beacon_url(article), **SAME_ORIGIN)
    assert views_of(article) == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://judi.example"},
        {},  # neither header: not a browser beacon
    ],
)
def test_cross_site_posts_are_refused(client, headers):
    article = ArticleFactory()
    response = client.post(beacon_url(article), HTTP_USER_AGENT=BROWSER, **headers)
    assert response.status_code == 403
    assert views_of(article) == 0


@pytest.mark.django_db
def test_origin_header_of_this_site_is_accepted(client):
    article = ArticleFactory()
    response = client.post(
        beacon_url(article), HTTP_USER_AGENT=BROWSER, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code == 204
    assert views_of(article) == 1


@pytest.mark.django_db
def test_unpublished_articles_cannot_be_counted(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    assert client.post(beacon_url(draft), **SAME_ORIGIN).status_code == 404
    assert views_of(draft) == 0


@pytest.mark.django_db
def test_views_count_even_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        }
    }
    article = ArticleFactory()
    # Page rendering and profile lookups must survive too, but here only the
    # beacon matters: it counts rather than losing the view.
    response = client.post(beacon_url(article), **SAME_ORIGIN)
    assert response.status_code == 204
    assert views_of(article) == 1


@pytest.mark.django_db
def test_views_count_when_django_redis_ignores_the_outage(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    article = ArticleFactory()
    assert client.post(beacon_url(article), **SAME_ORIGIN).status_code == 204
    assert views_of(article) == 1


READERS = 40
BEACONS_PER_READER = 3


@pytest.mark.django_db(transaction=True)
def test_concurrent_views_are_counted_exactly(live_server):
    """Many readers at once, each refreshing: exactly one count per reader."""
    if connection.vendor != "postgresql":
        pytest.skip(
            "concurrency needs PostgreSQL (SQLite serialises writers); "
            "run with DATABASE_URL=postgres://…"
        )
    article = ArticleFactory()
    url = live_server.url + beacon_url(article)
    start = threading.Barrier(READERS)
    errors = []

    def reader(number):
        start.wait()
        for _ in range(BEACONS_PER_READER):
            request = urllib.request.Request(
                url,
                method="POST",
                data=b"",
                headers={
                    "User-Agent": f"{BROWSER} Pembaca/{number}",
                    "Sec-Fetch-Site": "same-origin",
                },
            )
            try:
                with urllib.request.urlopen(request, timeout=30) as response:
                    assert response.status == 204
            except Exception as error:  # collected and asserted below
                errors.append(error)

    threads = [threading.Thread(target=reader, args=(n,)) for n in range(READERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert views_of(article) == READERS
    assert ArticleDailyView.objects.get(article=article).views == READERS


@pytest.mark.django_db
def test_beacon_for_an_absurd_id_is_404(client):
    response = client.post("/berita/999999999999999999999/dilihat/", **SAME_ORIGIN)
    assert response.status_code == 404
