"""Text responses go out gzip-compressed when no proxy compresses them (gunicorn
alone): pages, feeds, JSON and XML; photos and static files are left alone."""

import gzip
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory
from django.urls import reverse

from humas_site.middleware import CompressTextMiddleware
from tests.factories import ArticleFactory, InstitutionProfileFactory

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.fixture
def article(db):
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju")
    # Enough rows that every body is worth compressing: GZipMiddleware sends a
    # short body as it is when its (randomly padded) gzip would be longer.
    ArticleFactory.create_batch(10, published_at=NOW - timedelta(hours=2))
    return ArticleFactory(
        title="Rapat Pleno Rekapitulasi", published_at=NOW - timedelta(hours=1)
    )


def text_of(response):
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    return gzip.decompress(response.content).decode()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "path, content_type, text",
    [
        ("article", "text/html", "Rapat Pleno Rekapitulasi"),
        ("/feed/", "application/rss+xml", "Rapat Pleno Rekapitulasi"),
        ("/sitemap.xml", "application/xml", "<sitemapindex"),
        ("/sitemap-berita.xml", "application/xml", "<urlset"),
    ],
)
def test_pages_feeds_and_xml_are_compressed(client, article, path, content_type, text):
    path = article.get_absolute_url() if path == "article" else path
    response = client.get(path, **GZIP)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert text in text_of(response)
    # Without Accept-Encoding: plain, and caches still know it varies.
    plain = client.get(path)
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]
    assert text in plain.content.decode()


def test_json_is_compressed_and_photos_are_not():
    request = RequestFactory().get("/", **GZIP)
    middleware = CompressTextMiddleware(lambda request: None)
    data = {"artikel": ["Rapat pleno"] * 50}
    json_response = middleware.process_response(request, JsonResponse(data))
    assert '"Rapat pleno"' in text_of(json_response)
    photo = HttpResponse(b"\xff\xd8" + bytes(2000), content_type="image/jpeg")
    assert not middleware.process_response(request, photo).has_header(
        "Content-Encoding"
    )


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_cached_pages_are_compressed_and_still_answer_conditional_requests(
    client, article, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 300
    url = article.get_absolute_url()
    first = client.get(url, **GZIP)
    with django_assert_num_queries(0):
        second = client.get(url, **GZIP)
    # Each reader gets a freshly padded body (BREACH mitigation), same page.
    assert text_of(second) == text_of(first)
    plain = client.get(url)
    assert plain.content.decode() == text_of(first)
    assert second["ETag"].startswith('W/"')
    assert client.get(url, HTTP_IF_NONE_MATCH=second["ETag"], **GZIP).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304


@pytest.mark.django_db
def test_the_view_beacon_still_answers_204(client, article):
    response = client.post(
        reverse("news:article_view_beacon", args=[article.pk]),
        HTTP_SEC_FETCH_SITE="same-origin",
        **GZIP,
    )
    assert response.status_code == 204
    assert not response.has_header("Content-Encoding")
