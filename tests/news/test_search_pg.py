"""Full-text search on PostgreSQL (indonesian configuration, GIN index).

Run with DATABASE_URL=postgres://…; on SQLite these tests are skipped.
"""

import pytest
from django.db import connection
from django.urls import reverse

from news.models import Article
from news.search import full_text_matches, search_articles, search_terms
from tests.factories import ArticleFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="full-text search in Indonesian needs PostgreSQL "
        "(run with DATABASE_URL=postgres://…); SQLite uses the contains fallback",
    ),
]

URL = reverse("news:search")


def found(client, query):
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    return [article.title for article in response.context["object_list"]]


@pytest.fixture
def demo_like():
    """Articles written like the demo content: Indonesian affixes everywhere."""
    return {
        "coklit": ArticleFactory(
            title="KPU mengoptimalkan pencocokan dan penelitian data",
            lead="Petugas mendatangi rumah warga satu per satu.",
            body="<p>Langkah ini untuk <strong>mengoptimalkan</strong> akurasi "
            "daftar pemilih tetap.</p>",
        ),
        "pleno": ArticleFactory(
            title="Rapat pleno terbuka rekapitulasi",
            lead="Rekapitulasi berlangsung tertib.",
            body="<p>Pemilihan kepala daerah berlangsung damai di semua kecamatan.</p>",
        ),
        "lain": ArticleFactory(
            title="Peringatan hari jadi kabupaten",
            lead="Upacara di alun-alun.",
            body="<p>Bupati memimpin upacara.</p>",
        ),
    }


def test_optimalisasi_finds_mengoptimalkan(client, demo_like):
    assert found(client, "optimalisasi") == [demo_like["coklit"].title]


def test_pemilih_finds_pemilihan(client, demo_like):
    titles = found(client, "pemilih")
    assert demo_like["pleno"].title in titles  # "Pemilihan" in the body
    assert demo_like["coklit"].title in titles  # "pemilih" in the body
    assert demo_like["lain"].title not in titles


def test_title_matches_rank_above_body_matches(client):
    ArticleFactory(title="Jadwal kampanye", body="<p>Sosialisasi pemilu.</p>")
    ArticleFactory(title="Sosialisasi pemilu di desa", body="<p>Warga hadir.</p>")
    assert found(client, "sosialisasi")[0] == "Sosialisasi pemilu di desa"


def test_snippets_highlight_matches_and_escape_everything_else(client):
    ArticleFactory(
        title="Pemilihan <script>alert(1)</script> damai",
        body="<p>Warga &amp; petugas menjaga pemilihan tetap aman &lt;b&gt;.</p>",
    )
    response = client.get(URL, {"q": "pemilihan"})
    html = response.content.decode()
    assert "<mark>Pemilihan</mark> &lt;script&gt;" in html
    assert "<script>alert(1)</script>" not in html
    assert "<mark>pemilihan</mark>" in html
    assert "Warga &amp; petugas" in html
    assert "<b>" not in html


def test_html_tags_of_the_body_are_not_searched(client):
    ArticleFactory(title="Rapat", body='<p class="strong">Isi rapat.</p>')
    assert found(client, "strong") == []


def test_stop_words_alone_give_an_empty_result_not_an_error(client, demo_like):
    assert found(client, "yang dan di") == []


def test_the_match_uses_the_gin_index_on_the_stored_document():
    """The match condition is answered by the GIN index on the stored document
    (trigger-filled, migration 0005), and search finds by it."""
    rows = [
        Article(
            title=f"Berita rutin nomor {index}",
            slug=f"berita-rutin-{index}",
            lead="Kegiatan rutin kantor.",
            body="<p>Isi berita rutin tentang kegiatan kantor.</p>",
            status="published",
        )
        for index in range(3000)
    ]
    Article.objects.bulk_create(rows)  # the trigger fills search_document
    ArticleFactory(title="Optimalisasi layanan informasi publik")
    terms = search_terms("optimalisasi informasi")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE news_article")
        # Only the match condition, no other index to choose: whether the
        # planner prefers the GIN index then depends on selectivity alone.
        cursor.execute("SET enable_seqscan = off")
    plan = full_text_matches(Article.objects.all(), terms).order_by().explain()
    assert "news_article_search_gin" in plan, plan
    results = search_articles(Article.objects.published(), terms)
    assert [a.title for a in results] == ["Optimalisasi layanan informasi publik"]
