"""Anonymous pages come from the cache; content changes show at once."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.utils.http import http_date

from news.models import Article
from tests.factories import ArticleFactory, StaffFactory

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_BROWSER_MAX_AGE = 60


@pytest.fixture
def article(db):
    return ArticleFactory(
        title="Rapat Pleno Rekapitulasi", published_at=NOW - timedelta(hours=1)
    )


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_second_anonymous_view_is_served_without_queries(
    client, article, django_assert_num_queries
):
    first = client.get(article.get_absolute_url())
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(article.get_absolute_url())
    assert second.content == first.content
    assert second["Cache-Control"] == "public, max-age=60"
    assert second["ETag"] and second["Last-Modified"]
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_editing_an_article_shows_at_once(client, article):
    client.get("/")
    client.get(article.get_absolute_url())
    article.title = "Rapat Pleno Terbuka Rekapitulasi"
    article.save()
    assert "Rapat Pleno Terbuka Rekapitulasi" in client.get("/").content.decode()
    assert "Terbuka" in client.get(article.get_absolute_url()).content.decode()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_unpublishing_removes_the_article_at_once(client, article):
    assert client.get(article.get_absolute_url()).status_code == 200
    article.status = Article.Status.DRAFT
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert article.title not in client.get("/").content.decode()


@pytest.mark.django_db
def test_scheduled_article_appears_by_itself(client, article):
    with time_machine.travel(NOW, tick=False):
        scheduled = ArticleFactory(
            title="Pengumuman Hasil Seleksi PPK",
            published_at=NOW + timedelta(minutes=10),
        )
        assert scheduled.title not in client.get("/").content.decode()
    with time_machine.travel(NOW + timedelta(minutes=11), tick=False):
        assert scheduled.title in client.get("/").content.decode()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_staff_always_see_fresh_pages(client, article):
    client.get(article.get_absolute_url())
    # Changed behind the cache's back (no signal): anonymous readers keep the copy.
    Article.objects.filter(pk=article.pk).update(title="Judul Diperbarui Diam-diam")
    assert "Diam-diam" not in client.get(article.get_absolute_url()).content.decode()
    client.force_login(StaffFactory())
    response = client.get(article.get_absolute_url())
    assert "Diam-diam" in response.content.decode()
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_conditional_requests_get_304(client, article):
    response = client.get(article.get_absolute_url())
    assert (
        client.get(
            article.get_absolute_url(), HTTP_IF_NONE_MATCH=response["ETag"]
        ).status_code
        == 304
    )
    later = http_date((NOW + timedelta(minutes=1)).timestamp())
    assert (
        client.get(article.get_absolute_url(), HTTP_IF_MODIFIED_SINCE=later).status_code
        == 304
    )


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_view_counter_counts_pages_served_from_the_cache(client, article):
    url = article.get_absolute_url()
    client.get(url)
    client.get(url)  # from the cache
    for agent in ("Mozilla/5.0 (Linux; Android 14) Pembaca-1", "Mozilla/5.0 Pembaca-2"):
        client.post(
            f"/berita/{article.pk}/dilihat/",
            HTTP_USER_AGENT=agent,
            HTTP_SEC_FETCH_SITE="same-origin",
        )
    article.refresh_from_db()
    assert article.views_count == 2


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_language_choice_has_its_own_cached_copy(client, article):
    assert client.get("/")["Content-Language"] == "id"
    client.cookies["django_language"] = "en"
    assert client.get("/")["Content-Language"] == "en"


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_a_comment_waiting_for_moderation_keeps_cached_pages(article):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    from humas_site import page_cache
    from news.models import ArticleComment

    before = page_cache.current_generation()
    comment = ArticleComment.objects.create(
        content_type=ContentType.objects.get_for_model(Article),
        object_pk=str(article.pk),
        site=Site.objects.get_current(),
        user_name="Pembaca",
        user_email="pembaca@contoh.example",
        comment="Terima kasih informasinya.",
        is_public=False,
    )
    assert page_cache.current_generation() == before
    comment.is_public = True
    comment.save()
    assert page_cache.current_generation() != before


@pytest.mark.django_db
def test_sidebar_widgets_are_shared_until_content_changes(
    article, django_assert_num_queries
):
    from news.templatetags.news_tags import archive_months, category_links

    first = category_links()["categories"]
    months = archive_months()["months"]
    with django_assert_num_queries(0):
        assert category_links()["categories"] == first
        assert archive_months()["months"] == months
    ArticleFactory(title="Berita baru", category=article.category)
    with django_assert_num_queries(1):
        refreshed = category_links()["categories"]
    assert refreshed[0].published_count == first[0].published_count + 1
