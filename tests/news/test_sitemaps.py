"""Sitemaps: the index, each section's sitemap, the Google News sitemap, and
absolute URLs on the host the site is served on."""

import datetime
import xml.etree.ElementTree as ET

import pytest
import time_machine
from django.utils import timezone

from tests.factories import (
    ArticleFactory,
    EventFactory,
    InstitutionProfileFactory,
    MeetingFactory,
)
from tests.news.test_views import hidden_articles

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
NOW = datetime.datetime(2026, 11, 23, 3, 0, tzinfo=datetime.UTC)
HOSTS = ["kpu-sukamaju.go.id", "127.0.0.1:8123"]


@pytest.fixture(autouse=True)
def hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", "kpu-sukamaju.go.id", "127.0.0.1"]


def urlset(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def locations(root):
    return [url.findtext(f"{NS}loc") for url in root.iter(f"{NS}url")]


def test_sitemap_lists_published_articles_and_categories_only(client):
    visible = ArticleFactory()
    hidden = hidden_articles()
    root = urlset(client.get("/sitemap-berita.xml"))
    found = set(locations(root))
    assert f"http://testserver{visible.get_absolute_url()}" in found
    for article in hidden:
        assert f"http://testserver{article.get_absolute_url()}" not in found
    lastmods = [
        url.findtext(f"{NS}lastmod")
        for url in root.iter(f"{NS}url")
        if url.findtext(f"{NS}loc").endswith(visible.get_absolute_url())
    ]
    # The sitemap dates in the office's time zone, not UTC's.
    assert lastmods == [timezone.localdate(visible.updated_at).isoformat()]
    categories = set(locations(urlset(client.get("/sitemap-berita-kategori.xml"))))
    assert f"http://testserver{visible.category.get_absolute_url()}" in categories


def test_the_index_lists_every_sitemap(client):
    ArticleFactory()
    root = urlset(client.get("/sitemap.xml"))
    assert root.tag == f"{NS}sitemapindex"
    listed = [s.findtext(f"{NS}loc") for s in root.iter(f"{NS}sitemap")]
    assert listed == [
        f"http://testserver/sitemap-{section}.xml"
        for section in [
            "halaman",
            "pages",
            "berita-terkini",
            "berita",
            "berita-kategori",
            "agenda",
            "meetings",
        ]
    ]
    for url in listed:
        assert client.get(url).status_code == 200
    assert client.get("/sitemap-tidak-ada.xml").status_code == 404
    assert client.get("/sitemap-berita.xml?p=9").status_code == 404
    assert client.get("/sitemap-berita.xml?p=x").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_section_pages_are_listed_with_their_last_change(client):
    article = ArticleFactory(published_at=NOW - datetime.timedelta(days=3))
    event = EventFactory()
    meeting = MeetingFactory()
    root = urlset(client.get("/sitemap-halaman.xml"))
    lastmod = {
        url.findtext(f"{NS}loc"): url.findtext(f"{NS}lastmod")
        for url in root.iter(f"{NS}url")
    }

    def day(moment):
        return timezone.localtime(moment).date().isoformat()

    assert lastmod == {
        "http://testserver/": day(max(article.updated_at, event.updated_at)),
        "http://testserver/berita/": day(article.updated_at),
        "http://testserver/galeri/": day(article.updated_at),
        "http://testserver/agenda/": day(event.updated_at),
        "http://testserver/rapat/": day(meeting.updated_at),
    }


@time_machine.travel(NOW, tick=False)
def test_google_news_sitemap_has_the_last_two_days(client):
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju")
    fresh = ArticleFactory(
        title="Pleno & rekapitulasi", published_at=NOW - datetime.timedelta(hours=5)
    )
    ArticleFactory(title="Kemarin lusa", published_at=NOW - datetime.timedelta(days=3))
    hidden_articles()
    root = urlset(client.get("/sitemap-berita-terkini.xml"))
    assert locations(root) == [f"http://testserver{fresh.get_absolute_url()}"]
    news = root.find(f"{NS}url/{NEWS}news")
    publication = news.find(f"{NEWS}publication")
    assert publication.findtext(f"{NEWS}name") == "KPU Kabupaten Sukamaju"
    assert publication.findtext(f"{NEWS}language") == "id"
    assert news.findtext(f"{NEWS}title") == "Pleno & rekapitulasi"
    published = datetime.datetime.fromisoformat(
        news.findtext(f"{NEWS}publication_date")
    )
    assert published == fresh.published_at


@pytest.mark.parametrize("host", HOSTS)
def test_sitemaps_use_the_host_the_site_is_served_on(client, host):
    article = ArticleFactory()
    index = urlset(client.get("/sitemap.xml", HTTP_HOST=host))
    listed = [s.findtext(f"{NS}loc") for s in index.iter(f"{NS}sitemap")]
    assert listed and all(url.startswith(f"http://{host}/") for url in listed)
    for url in listed:
        path = url.removeprefix(f"http://{host}")
        for loc in locations(urlset(client.get(path, HTTP_HOST=host))):
            assert loc.startswith(f"http://{host}/"), loc
    articles = locations(urlset(client.get("/sitemap-berita.xml", HTTP_HOST=host)))
    assert f"http://{host}{article.get_absolute_url()}" in articles
    secure = urlset(client.get("/sitemap-berita.xml", HTTP_HOST=host, secure=True))
    assert f"https://{host}{article.get_absolute_url()}" in locations(secure)


def test_the_page_cache_never_serves_one_hosts_sitemap_for_another(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    article = ArticleFactory()
    for _round in range(2):  # the second round comes from the cache
        for host in HOSTS:
            response = client.get("/sitemap-berita.xml", HTTP_HOST=host)
            assert f"http://{host}{article.get_absolute_url()}" in locations(
                urlset(response)
            )
