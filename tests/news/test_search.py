"""Search: works on every database (SQLite contains fallback, PostgreSQL
full text), filters, hostile input, rate limit, query count."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from pytest_django.asserts import assertContains, assertNotContains

from news.search import search_terms, trimmed_stem, tsquery_text
from tests.factories import ArticleFactory, CategoryFactory, UnitFactory

pytestmark = pytest.mark.django_db

URL = "/cari/"

HOSTILE = [
    "",
    " ",
    '"',
    "'",
    "\"'\\",
    "'; DROP TABLE news_article; --",
    "1' OR '1'='1",
    "<script>alert(1)</script>",
    "pemilu\x00",
    "\x00",
    "a & b | !c",
    "coklit:*",
    "(((",
    "!!!",
    "%",
    "_",
    "\\",
    "😀 pemilu 😀",
    "Ｐｅｍｉｌｕ",
    "بحث",
    "\ue000pemilu\ue001",
    "x" * 201,
    "pemilu " * 60,
    "-- /* */",
    "<mark>",
    "&amp;",
]


def test_words_only_reach_the_query():
    assert search_terms("'; DROP TABLE x; -- <script>") == [
        "drop",
        "table",
        "x",
        "script",
    ]
    assert search_terms("a & b | !c :*") == ["a", "b", "c"]
    assert tsquery_text(["optimalisasi", "pemilih"]) == (
        "(optimalisasi | optimal:*) & pemilih"
    )


def test_derivational_suffixes_are_trimmed_for_prefix_matching():
    assert trimmed_stem("optimalisasi") == "optimal"
    assert trimmed_stem("sosialisasi") == "sosial"
    assert trimmed_stem("nasionalisme") == "nasional"
    assert trimmed_stem("pemilih") == ""
    assert trimmed_stem("asi") == ""  # too short to search by prefix


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_give_a_normal_page(client, query):
    ArticleFactory(title="Pemilu damai di Kabupaten Contoh")
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    assertNotContains(response, "<script>alert(1)</script>")


@pytest.mark.parametrize(
    "params",
    [
        {"q": "pemilu", "kategori": "'; --"},
        {"q": "pemilu", "unit": "<script>"},
        {"q": "pemilu", "tahun": "abc"},
        {"q": "pemilu", "tahun": "1900"},
        {"q": "pemilu", "page": "999"},
        {"q": ["pemilu", "lagi"]},
    ],
)
def test_hostile_filters_give_a_normal_page(client, params):
    ArticleFactory(title="Pemilu damai")
    response = client.get(URL, params)
    assert response.status_code in (200, 404)  # a page past the end is 404
    assert response.status_code == 200 or params.get("page") == "999"


def test_messages_explain_empty_long_and_symbol_only_queries(client):
    assertContains(client.get(URL), "Ketik kata kunci")
    assertContains(client.get(URL, {"q": "x" * 201}), "Kata kunci terlalu panjang")
    assertContains(client.get(URL, {"q": "!!! ???"}), "harus memuat huruf atau angka")
    response = client.get(URL, {"q": "zzzxxyy"})
    assertContains(response, "Tidak ada berita yang cocok")


def test_markup_in_the_query_and_content_is_escaped(client):
    ArticleFactory(title="Pemilu <b>damai</b>", lead="Ajakan <i>pemilu</i> damai.")
    response = client.get(URL, {"q": "<script>pemilu"})
    assertContains(response, "&lt;script&gt;pemilu")
    response = client.get(URL, {"q": "pemilu"})
    assertContains(response, "&lt;b&gt;damai&lt;/b&gt;")
    assertNotContains(response, "<b>damai</b>")
    assertContains(response, "<mark>")


def test_published_only_and_all_words_required(client):
    ArticleFactory(title="Sosialisasi pemilih pemula")
    ArticleFactory(title="Sosialisasi pemilih draf", status="draft")
    ArticleFactory(title="Sosialisasi terjadwal", published_at="2999-01-01T00:00Z")
    ArticleFactory(title="Rapat pleno", lead="Tidak ada hubungannya.")
    response = client.get(URL, {"q": "sosialisasi pemilih"})
    assertContains(response, "pemula")
    assertNotContains(response, "draf")
    assertNotContains(response, "terjadwal")
    assertNotContains(response, "Rapat pleno")


def test_tags_are_searched(client):
    ArticleFactory(title="Rapat pleno", tags=["coklit"])
    response = client.get(URL, {"q": "coklit"})
    assertContains(response, "Rapat pleno")


def test_renamed_tag_is_found_by_its_new_name(client):
    article = ArticleFactory(title="Rapat pleno", tags=["coklit"])
    tag = article.tags.get()
    tag.name = "pencocokan"
    tag.save()
    article.refresh_from_db()
    assert article.search_tags == "pencocokan"
    assertContains(client.get(URL, {"q": "pencocokan"}), "Rapat pleno")


def titles(response):
    return {article.title for article in response.context["object_list"]}


def test_filters_by_category_unit_and_year(client):
    berita, rilis = CategoryFactory(name="Berita"), CategoryFactory(name="Rilis")
    unit = UnitFactory(name="Divisi Hukum")
    ArticleFactory(title="Pemilu A", category=berita, unit=unit)
    ArticleFactory(title="Pemilu B", category=rilis)
    ArticleFactory(title="Pemilu C", category=berita, published_at="2021-05-04T03:00Z")
    response = client.get(URL, {"q": "pemilu", "kategori": berita.slug})
    assert titles(response) == {"Pemilu A", "Pemilu C"}
    response = client.get(URL, {"q": "pemilu", "unit": unit.slug})
    assert titles(response) == {"Pemilu A"}
    response = client.get(URL, {"q": "pemilu", "tahun": "2021"})
    assert titles(response) == {"Pemilu C"}
    # the pagination links keep the filters
    assert response.context["query_string"] == "q=pemilu&tahun=2021"


def test_results_are_paginated(client):
    for _ in range(14):
        ArticleFactory(title="Pemilu damai")
    response = client.get(URL, {"q": "pemilu"})
    assert len(response.context["object_list"]) == 12
    assert client.get(URL, {"q": "pemilu", "page": 2}).status_code == 200


def test_search_is_rate_limited_per_client(client, settings):
    limit = 30
    for _ in range(limit):
        assert client.get(URL, {"q": "pemilu"}).status_code == 200
    response = client.get(URL, {"q": "pemilu"})
    assert response.status_code == 429
    assert response["Retry-After"]
    assertContains(response, "Terlalu banyak pencarian", status_code=429)
    # another reader is not affected
    other = client.get(URL, {"q": "pemilu"}, REMOTE_ADDR="10.9.8.7")
    assert other.status_code == 200


def test_search_query_count_does_not_grow(client, django_assert_max_num_queries):
    for index in range(3):
        ArticleFactory(title=f"Pemilu damai {index}", tags=["pemilu", "damai"])

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(URL, {"q": "pemilu"}).status_code == 200
        return len(context.captured_queries)

    count()  # warm the per-process caches (site profile, navigation)
    few = count()
    for index in range(30):
        ArticleFactory(title=f"Pemilu aman {index}", tags=["pemilu", "aman"])
    # categories, units, years (filter choices), on PostgreSQL the ids of the
    # newest matches, COUNT, the page of results (category, unit and comment
    # count in the same query), sidebar: Terpopuler, categories, months
    with django_assert_max_num_queries(9):
        client.get(URL, {"q": "pemilu"})
    assert count() == few
