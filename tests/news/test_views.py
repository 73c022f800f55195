import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from humas_site.demo import demo_image
from news.models import Article, ArticleDailyView
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    InstitutionProfileFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def hidden_articles():
    """One article of each kind the public must never see."""
    return [
        ArticleFactory(title="Draf rahasia", status=Article.Status.DRAFT),
        ArticleFactory(title="Tinjauan rahasia", status=Article.Status.REVIEW),
        ArticleFactory(title="Arsip rahasia", status=Article.Status.ARCHIVED),
        ArticleFactory(
            title="Jadwal rahasia",
            published_at=timezone.now() + datetime.timedelta(days=1),
        ),
    ]


def test_home_shows_headline_latest_most_read_and_categories(client):
    category = CategoryFactory(name="Siaran Pers", slug="siaran-pers")
    headline = ArticleFactory(title="Berita utama hari ini", is_headline=True)
    latest = ArticleFactory(title="Berita terbaru kedua", category=category)
    ArticleDailyView.objects.create(
        article=latest, date=timezone.localdate(), views=1216
    )
    hidden_articles()
    response = client.get("/")
    assertTemplateUsed(response, "humas_site/home.html")
    assertContains(response, headline.title)
    assertContains(response, "Berita terbaru")
    assertContains(response, latest.title, count=2)  # latest list and Terpopuler
    assertContains(response, "Terpopuler minggu ini")
    assertContains(response, "Dilihat 1.216 kali")
    assertContains(response, '<a href="/berita/kategori/siaran-pers/">Siaran Pers</a>')
    assertNotContains(response, "rahasia")


def test_article_list_shows_only_published_articles(client):
    visible = ArticleFactory(title="Rakor tahapan kampanye")
    hidden_articles()
    response = client.get(reverse("news:article_list"))
    assertContains(response, visible.title)
    assertNotContains(response, "rahasia")
    assertContains(response, "Tidak ada berita lagi.")


def test_pagination_offers_load_more_and_says_when_nothing_is_left(client):
    ArticleFactory.create_batch(13)
    first = client.get(reverse("news:article_list"))
    assertContains(
        first,
        '<a class="button" href="?page=2" rel="next" data-load-more>'
        "Muat lebih banyak</a>",
        html=True,
    )
    assertNotContains(first, "Tidak ada berita lagi.")
    last = client.get(reverse("news:article_list") + "?page=2")
    assertContains(last, "Tidak ada berita lagi.")
    assertNotContains(last, "Muat lebih banyak")
    assert len(last.context["object_list"]) == 1


def test_category_tag_unit_and_month_lists_filter_articles(client):
    category = CategoryFactory(name="Klarifikasi Hoaks", slug="klarifikasi-hoaks")
    unit = UnitFactory(name="Divisi Hukum", slug="hukum")
    in_all = ArticleFactory(
        title="Hoaks surat suara tercoblos",
        category=category,
        unit=unit,
        tags=["hoaks"],
        published_at=datetime.datetime(2026, 3, 10, 2, tzinfo=datetime.UTC),
    )
    other = ArticleFactory(
        title="Rapat pleno lain",
        published_at=datetime.datetime(2026, 4, 10, 2, tzinfo=datetime.UTC),
    )
    ArticleFactory(title="Draf hoaks", category=category, status="draft")
    for url in [
        category.get_absolute_url(),
        reverse("news:tag_detail", args=["hoaks"]),
        unit.get_absolute_url(),
        reverse("news:archive_month", args=[2026, 3]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assertContains(response, in_all.title)
        assertNotContains(response, other.title)
        assertNotContains(response, "Draf hoaks")
    assertContains(
        client.get(category.get_absolute_url()), "<h1>Klarifikasi Hoaks</h1>"
    )
    assert client.get(reverse("news:tag_detail", args=["tidak-ada"])).status_code == 404


def test_article_page_shows_everything_a_reader_needs(client):
    InstitutionProfileFactory(time_zone="Asia/Makassar")
    article = ArticleFactory(
        title="Bimtek pantarlih se-Kabupaten",
        published_at=datetime.datetime(2021, 5, 4, 2, 0, tzinfo=datetime.UTC),
        writer="Sari Anggraini",
        editor="Budi Hartono",
        photographer="Andi Wijaya",
        image_caption="Peserta bimtek di aula",
        image_credit="dok. Humas",
        featured_image=demo_image("Bimtek", size=(1600, 1000)),
        tags=["coklit"],
        views_count=1216,
    )
    related = ArticleFactory(title="Coklit dimulai serentak", tags=["coklit"])
    response = client.get(article.get_absolute_url())
    assertTemplateUsed(response, "news/article_detail.html")
    assertContains(response, f"<h1>{article.title}</h1>", html=True)
    assertContains(response, "Selasa, 4 Mei 2021 · 10.00 WITA")
    assertContains(response, 'datetime="2021-05-04T09:00:00+0700"')
    assertContains(
        response, "Pen: Sari Anggraini, Editor: Budi Hartono, Foto: Andi Wijaya"
    )
    assertContains(response, "Dilihat 1.216 kali")
    assertContains(response, "Peserta bimtek di aula")
    assertContains(response, "(Foto: dok. Humas)")
    for name in [
        "Bagikan ke Facebook",
        "Bagikan ke X",
        "Bagikan ke WhatsApp",
        "Bagikan ke Telegram",
        "Kirim lewat surel",
        "Salin tautan",
    ]:
        assertContains(response, name)
    assertContains(response, "https://wa.me/?text=")
    assertContains(response, "Baca juga")
    assertContains(response, related.title)
    assertContains(response, 'href="/berita/tag/coklit/"')
    assertContains(response, 'aria-label="Remah roti"')
    html = response.content.decode()
    # WebP renditions with srcset and intrinsic size; the original is 1600 wide.
    assert html.count(" 400w, ") >= 1 and " 1200w" in html
    assert 'width="800" height="500"' in html
    assert "<script>" not in html.replace('<script type="application/ld+json">', "")


def test_previous_and_next_links_follow_publication_order(client):
    older = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=3))
    middle = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=2))
    newer = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=1))
    ArticleFactory(status="draft", published_at=middle.published_at)
    response = client.get(middle.get_absolute_url())
    assert response.context["previous_article"] == older
    assert response.context["next_article"] == newer
    assertContains(response, f'href="{older.get_absolute_url()}" rel="prev"')


def test_hidden_articles_are_404_for_the_public(client):
    for article in hidden_articles():
        assert client.get(article.get_absolute_url()).status_code == 404


def test_staff_preview_drafts_without_caching(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(StaffFactory(is_superuser=True))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assertContains(response, "Pratinjau untuk staf")
    assert "no-cache" in response["Cache-Control"]
    assert (
        "private" in response["Cache-Control"]
        or "no-store" in response["Cache-Control"]
    )


def test_staff_without_news_permission_cannot_preview(client):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    client.force_login(StaffFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_renamed_article_redirects_permanently_to_its_new_url(client):
    article = ArticleFactory(slug="judul-lama")
    article.slug = "judul-baru"
    article.save()
    response = client.get("/berita/judul-lama/")
    assert response.status_code == 301
    assert response["Location"] == "/berita/judul-baru/"


def test_renamed_draft_does_not_leak_through_its_old_slug(client):
    article = ArticleFactory(slug="judul-lama", status="draft")
    article.slug = "judul-baru"
    article.save()
    assert client.get("/berita/judul-lama/").status_code == 404


def test_youtube_video_is_a_plain_link_until_clicked(client):
    article = ArticleFactory(video_url="https://youtu.be/dQw4w9WgXcQ")
    response = client.get(article.get_absolute_url())
    assertContains(response, 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"')
    assertContains(
        response,
        'data-video-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'
        '?autoplay=1"',
    )
    assertNotContains(response, "<iframe")
    assertNotContains(response, "i.ytimg.com")


def test_gallery_lists_photos_of_published_articles_only(client):
    photo = ArticlePhotoFactory(caption="Rapat pleno terbuka")
    ArticlePhotoFactory(article=ArticleFactory(status="draft"), caption="Foto draf")
    response = client.get(reverse("news:gallery"))
    assertContains(response, "Rapat pleno terbuka")
    assertContains(response, f'href="{photo.article.get_absolute_url()}"')
    assertNotContains(response, "Foto draf")
    # The end of the gallery speaks of photos, not news.
    assertContains(response, "Tidak ada foto lagi.")
    assertNotContains(response, "Tidak ada berita lagi.")


def test_article_gallery_photos_appear_on_the_article(client):
    photo = ArticlePhotoFactory(caption="Penyerahan SK", credit="dok. Humas")
    response = client.get(photo.article.get_absolute_url())
    assertContains(response, "Foto kegiatan")
    assertContains(response, "Penyerahan SK")
    assertContains(response, 'loading="lazy"')


def test_search_finds_published_articles_only(client):
    ArticleFactory(title="Sosialisasi pemilih pemula di SMA")
    ArticleFactory(title="Sosialisasi draf", status="draft")
    response = client.get(reverse("news:search"), {"q": "sosialisasi"})
    assertContains(response, "Sosialisasi</mark> pemilih pemula di SMA")
    assertNotContains(response, "Sosialisasi draf")
    assertContains(response, "1 berita ditemukan untuk")


def test_article_page_has_canonical_open_graph_and_json_ld(client):
    article = ArticleFactory(
        title="Rapat koordinasi <b>pengamanan</b>",
        lead="Ringkasan rapat.",
        writer="Sari Anggraini",
        featured_image=demo_image("Rakor", size=(1200, 800)),
    )
    response = client.get(article.get_absolute_url())
    url = f"http://testserver{article.get_absolute_url()}"
    assertContains(response, f'<link rel="canonical" href="{url}">')
    assertContains(response, f'<meta property="og:url" content="{url}">')
    assertContains(response, '<meta property="og:type" content="article">')
    assertContains(response, '<meta name="twitter:card" content="summary_large_image">')
    assertContains(response, 'property="og:image" content="http://testserver/media/')
    html = response.content.decode()
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    import json

    data = json.loads(html[start : html.index("</script>", start)])
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["author"] == {"@type": "Person", "name": "Sari Anggraini"}
    assert data["publisher"]["name"]
    assert data["datePublished"] and data["dateModified"] and data["image"]
    assert "<b>" not in html[start : html.index("</script>", start)]


def test_pages_never_show_login_usernames(client):
    staff = StaffFactory(username="operator_rahasia", is_superuser=True)
    client.force_login(staff)
    client.post(
        reverse("admin:news_article_add"),
        {
            "title": "Berita dari admin",
            "slug": "berita-dari-admin",
            "body": "<p>Isi</p>",
            "status": "published",
            "_transition": "publish",
            "published_at_0": "2026-01-01",
            "published_at_1": "08:00:00",
            "allow_comments": "on",
            "photos-TOTAL_FORMS": "0",
            "photos-INITIAL_FORMS": "0",
            "daily_views-TOTAL_FORMS": "0",
            "daily_views-INITIAL_FORMS": "0",
        },
    )
    client.logout()
    article = Article.objects.get(slug="berita-dari-admin")
    assert article.created_by == staff
    for url in [article.get_absolute_url(), "/feed/", "/feed/atom/", "/sitemap.xml"]:
        assertNotContains(client.get(url), "operator_rahasia")


@pytest.mark.parametrize(
    "query", ["\x00", "coklit\x00", "%", "'; DROP TABLE", "a" * 500]
)
def test_search_survives_hostile_queries(client, query):
    ArticleFactory(title="Coklit serentak")
    assert client.get(reverse("news:search"), {"q": query}).status_code == 200


def breadcrumb_items(response):
    html = response.content.decode()
    crumbs = html.split('class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    items = crumbs.split("<li")[1:]
    return [re.sub("<[^>]+>", "", item.split(">", 1)[1]).strip() for item in items]


def test_the_berita_category_does_not_read_berita_berita_in_the_breadcrumb(client):
    category = CategoryFactory(name="Berita", slug="berita")
    article = ArticleFactory(title="Rapat pleno terbuka", category=category)

    assert breadcrumb_items(client.get(category.get_absolute_url())) == [
        "Beranda",
        "Berita",
        "Kategori: Berita",
    ]
    assert breadcrumb_items(client.get(article.get_absolute_url())) == [
        "Beranda",
        "Berita",
        "Kategori: Berita",
        "Rapat pleno terbuka",
    ]


def test_month_archive_is_a_404_for_empty_and_future_months(client):
    """No endless chain of empty months down to year 1000, no future months;
    previous/next skip to the nearest months that have articles."""
    import time_machine

    jakarta = datetime.timezone(datetime.timedelta(hours=7))
    with time_machine.travel(
        datetime.datetime(2026, 6, 15, 12, tzinfo=jakarta), tick=False
    ):
        ArticleFactory(
            title="Berita Januari",
            published_at=datetime.datetime(2026, 1, 20, 9, tzinfo=jakarta),
        )
        ArticleFactory(
            title="Berita April",
            published_at=datetime.datetime(2026, 4, 2, 9, tzinfo=jakarta),
        )
        ArticleFactory(
            title="Berita terjadwal",
            published_at=datetime.datetime(2026, 8, 1, 9, tzinfo=jakarta),
        )
        april = client.get(reverse("news:archive_month", args=[2026, 4]))
        assert april.status_code == 200
        assertContains(april, "Berita April")
        january_url = reverse("news:archive_month", args=[2026, 1])
        assertContains(april, f'href="{january_url}" rel="prev"')
        assertNotContains(april, reverse("news:archive_month", args=[2026, 3]))
        assertNotContains(april, reverse("news:archive_month", args=[2026, 5]))
        assertNotContains(april, 'rel="next"')
        january = client.get(reverse("news:archive_month", args=[2026, 1]))
        assertNotContains(january, 'rel="prev"')
        april_url = reverse("news:archive_month", args=[2026, 4])
        assertContains(january, f'href="{april_url}" rel="next"')
        for year, month in [(2026, 3), (2025, 12), (1000, 1), (2026, 8), (2027, 1)]:
            response = client.get(reverse("news:archive_month", args=[year, month]))
            assert response.status_code == 404, (year, month)
        assert client.get("/berita/arsip/2026/13/").status_code == 404
        assert client.get("/berita/arsip/0/1/").status_code == 404


def test_inline_read_also_marker_becomes_a_callout_link(client):
    """An editor's paragraph [baca-juga: slug-or-address] shows as "Baca juga:
    <title>" linking to that published article; it survives sanitising, adds
    no markup of its own and names nothing unpublished."""
    ArticleFactory(title="Jadwal <b>pleno</b> DPS", slug="jadwal-pleno-dps")
    ArticleFactory(title="Rekap suara", slug="rekap-suara")
    ArticleFactory(title="Draf rahasia", slug="draf-rahasia", status="draft")
    article = ArticleFactory(
        body=(
            "<p>Pembuka.</p>"
            "<p>[baca-juga: jadwal-pleno-dps]</p>"
            '<p>[Baca juga: <a href="https://kpu.example/berita/rekap-suara/">'
            "https://kpu.example/berita/rekap-suara/</a>]</p>"
            "<p>[baca-juga: draf-rahasia]</p>"
            "<p>[baca-juga: tidak-ada]</p>"
            '<p>[baca-juga: "><script>alert(1)</script>]</p>'
            "<p>Teks [baca-juga: rekap-suara] di tengah kalimat tetap teks.</p>"
        )
    )
    article.refresh_from_db()  # as stored: through the sanitiser
    assert "[baca-juga: jadwal-pleno-dps]" in article.body
    response = client.get(article.get_absolute_url())
    assertContains(
        response,
        '<p class="baca-juga"><span class="baca-juga-label">Baca juga:</span> '
        '<a href="/berita/jadwal-pleno-dps/">Jadwal &lt;b&gt;pleno&lt;/b&gt; DPS</a>'
        "</p>",
        html=True,
    )
    assertContains(
        response,
        '<p class="baca-juga"><span class="baca-juga-label">Baca juga:</span> '
        '<a href="/berita/rekap-suara/">Rekap suara</a></p>',
        html=True,
    )
    body = response.context["body"]
    assert body.count('class="baca-juga"') == 2
    assert "Draf rahasia" not in body and "tidak-ada" not in body
    assert "<script" not in body
    assert "Teks [baca-juga: rekap-suara] di tengah kalimat tetap teks." in body


def test_read_also_markers_keep_the_query_count(client):
    targets = [ArticleFactory(slug=f"berita-{n}") for n in range(6)]
    one = ArticleFactory(body="<p>[baca-juga: berita-0]</p>")
    many = ArticleFactory(
        body="".join(f"<p>[baca-juga: {t.slug}]</p>" for t in targets)
    )
    client.get(one.get_absolute_url())
    client.get(many.get_absolute_url())
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one_queries:
        client.get(one.get_absolute_url())
    with CaptureQueriesContext(connection) as many_queries:
        response = client.get(many.get_absolute_url())
    assert len(many_queries) == len(one_queries)
    assert response.context["body"].count('class="baca-juga"') == 6
