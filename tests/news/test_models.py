import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from news.models import Article, ArticleDailyView, ArticleRedirect, youtube_video_id
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 3, 0, tzinfo=datetime.UTC)


def test_published_excludes_drafts_review_archived_and_future_articles():
    live = ArticleFactory()
    ArticleFactory(status=Article.Status.DRAFT)
    ArticleFactory(status=Article.Status.REVIEW)
    ArticleFactory(status=Article.Status.ARCHIVED)
    ArticleFactory(published_at=timezone.now() + datetime.timedelta(hours=2))
    assert list(Article.objects.published()) == [live]


def test_scheduled_article_appears_by_itself_when_its_time_comes():
    with time_machine.travel(NOW, tick=False):
        article = ArticleFactory(published_at=NOW + datetime.timedelta(hours=1))
        assert not Article.objects.published().exists()
        assert article.is_scheduled
        assert list(Article.objects.scheduled()) == [article]
    with time_machine.travel(NOW + datetime.timedelta(hours=1, seconds=1)):
        assert list(Article.objects.published()) == [article]
        article.refresh_from_db()
        assert article.is_published_now()


def test_slug_is_generated_from_the_title_when_empty():
    article = ArticleFactory(title="Bimtek Pemutakhiran Data Pemilih", slug="")
    assert article.slug == "bimtek-pemutakhiran-data-pemilih"


def test_changing_the_slug_keeps_the_old_one_as_redirect():
    article = ArticleFactory(slug="judul-lama")
    article.slug = "judul-baru"
    article.save()
    assert ArticleRedirect.objects.get(old_slug="judul-lama").article == article
    # Renaming back removes the redirect that would now shadow the live slug.
    article.slug = "judul-lama"
    article.save()
    assert not ArticleRedirect.objects.filter(old_slug="judul-lama").exists()
    assert ArticleRedirect.objects.get(old_slug="judul-baru").article == article


def test_related_prefers_shared_tags_then_same_category():
    category = CategoryFactory()
    article = ArticleFactory(category=category, tags=["coklit", "pantarlih", "pemilu"])
    two_tags = ArticleFactory(tags=["coklit", "pantarlih"])
    one_tag = ArticleFactory(tags=["pemilu"])
    same_category = ArticleFactory(category=category)
    ArticleFactory()  # unrelated
    ArticleFactory(category=category, status=Article.Status.DRAFT)
    related = Article.objects.published().related_to(article, limit=4)
    assert related == [two_tags, one_tag, same_category]


def test_most_read_counts_only_the_last_seven_days():
    today = datetime.date(2026, 5, 4)
    old_hit = ArticleFactory()
    recent = ArticleFactory()
    ArticleDailyView.objects.create(article=old_hit, date=today.replace(day=1), views=3)
    ArticleDailyView.objects.create(
        article=old_hit, date=today - datetime.timedelta(days=10), views=500
    )
    ArticleDailyView.objects.create(article=recent, date=today, views=7)
    ranked = list(Article.objects.published().most_read(days=7, today=today))
    assert ranked == [recent, old_hit]
    assert [a.recent_views for a in ranked] == [7, 3]


def test_register_view_updates_total_and_daily_count():
    article = ArticleFactory()
    day = datetime.date(2026, 5, 4)
    article.register_view(day=day)
    article.register_view(day=day)
    article.register_view(day=day + datetime.timedelta(days=1))
    article.refresh_from_db()
    assert article.views_count == 3
    assert dict(article.daily_views.values_list("date", "views")) == {
        day: 2,
        day + datetime.timedelta(days=1): 1,
    }


def test_body_is_sanitised_on_plain_save():
    article = ArticleFactory(
        body='<p style="color:red" onclick="x()">Isi</p><script>alert(1)</script>'
    )
    article.refresh_from_db()
    assert article.body == "<p>Isi</p>"


@pytest.mark.parametrize(
    ("url", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/watch?v=dQw4w9WgXcQ&list=x", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/live/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ", ""),
        ("https://vimeo.com/12345", ""),
        ("javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://www.youtube.com/watch?v=short", ""),
    ],
)
def test_youtube_video_id(url, video_id):
    assert youtube_video_id(url) == video_id


def test_video_url_must_be_youtube():
    article = ArticleFactory.build(video_url="https://vimeo.com/12345")
    with pytest.raises(ValidationError) as error:
        article.full_clean(exclude=["category", "unit", "slug"])
    assert "video_url" in error.value.message_dict


def test_credits_skip_empty_names_and_never_use_accounts():
    article = ArticleFactory.build(writer="Sari", editor="", photographer="Andi")
    assert [(str(label), name) for label, name in article.credits] == [
        ("Pen", "Sari"),
        ("Foto", "Andi"),
    ]
