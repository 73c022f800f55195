import io

import pytest
from django.core.management import call_command

from humas_site import demo as site_demo
from news import demo
from news.models import Article, ArticleDailyView, ArticlePhoto, Category

pytestmark = pytest.mark.django_db


def counts():
    return [
        model.objects.count()
        for model in (Article, Category, ArticlePhoto, ArticleDailyView)
    ]


def test_news_demo_is_idempotent_and_keeps_photos():
    out = io.StringIO()
    site_demo.seed(out)
    demo.seed(out)
    first = counts()
    image_names = set(Article.objects.values_list("featured_image", flat=True))
    demo.seed(out)
    assert counts() == first
    assert set(Article.objects.values_list("featured_image", flat=True)) == (
        image_names
    )
    assert "Berita: 41 artikel" in out.getvalue()


def test_news_demo_has_varied_realistic_content():
    call_command("seed_demo")
    assert Article.objects.count() >= 40
    assert set(Category.objects.values_list("slug", flat=True)) == {
        "berita",
        "siaran-pers",
        "artikel-opini",
        "pengumuman",
        "klarifikasi-hoaks",
    }
    assert Article.objects.scheduled().count() >= 2
    assert Article.objects.filter(status=Article.Status.DRAFT).exists()
    published = Article.objects.published()
    assert not published.filter(featured_image="").exists()
    assert published.filter(body__contains="<blockquote>").count() >= 10
    assert published.filter(body__contains="<ul>").exists()
    assert published.exclude(unit=None).values("unit").distinct().count() == 6
    assert published.most_read().count() >= 20
    assert "lorem" not in "".join(published.values_list("body", flat=True)).lower()
