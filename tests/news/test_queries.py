"""Query budgets: public news pages run a constant number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from humas_site.demo import demo_image
from news.models import ArticleDailyView
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    UnitFactory,
)

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]

TAGS = [f"tag-{n}" for n in range(20)]


def build(*, articles, tags, related, photos):
    """A main article with ``tags`` and ``photos``, ``related`` articles sharing
    its tags, and ``articles`` more across categories and units, each with a
    daily view count (for Terpopuler)."""
    categories = [CategoryFactory() for _ in range(3)]
    units = [UnitFactory() for _ in range(3)]
    image = demo_image("Foto", size=(1200, 800))
    main = ArticleFactory(
        title="Berita utama",
        category=categories[0],
        is_headline=True,
        tags=tags,
        featured_image=image,
    )
    for n in range(photos):
        ArticlePhotoFactory(article=main, image=demo_image(f"Foto {n}", (600, 400)))
    others = []
    for n in range(related):
        others.append(
            ArticleFactory(category=categories[0], unit=units[0], tags=tags[: n + 1])
        )
    for n in range(articles):
        others.append(
            ArticleFactory(
                category=categories[n % 3],
                unit=units[n % 3],
                published_at=timezone.now() - datetime.timedelta(days=n + 1),
                tags=tags[n % len(tags) : n % len(tags) + 2] if tags else None,
            )
        )
    today = timezone.localdate()
    for n, article in enumerate([main, *others]):
        ArticleDailyView.objects.create(article=article, date=today, views=n + 1)
    return main


def count_queries(client, url):
    client.get(url)  # warm the profile, navigation and thumbnail caches
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_home_query_count_does_not_grow(client, django_assert_max_num_queries):
    build(articles=3, tags=TAGS[:2], related=2, photos=1)
    few = count_queries(client, "/")
    build(articles=50, tags=TAGS, related=20, photos=5)
    # headline, latest, Terpopuler, categories (+1 only when no article is
    # flagged as headline: the fallback "newest article" query), upcoming
    # agenda (events, cancelled dates), latest meetings
    with django_assert_max_num_queries(8):
        client.get("/")
    assert count_queries(client, "/") == few


@pytest.mark.parametrize(
    "url_name", ["news:article_list", "news:gallery", "news:category_detail"]
)
def test_list_query_count_does_not_grow(client, url_name):
    main = build(articles=3, tags=TAGS[:2], related=2, photos=1)
    args = [main.category.slug] if url_name == "news:category_detail" else []
    url = reverse(url_name, args=args)
    few = count_queries(client, url)
    build(articles=50, tags=TAGS, related=20, photos=5)
    many = count_queries(client, url)
    # list: category lookup (category page only), COUNT, page of articles with
    # category and unit joined, sidebar Terpopuler, categories, months
    assert many == few
    assert many <= 6


def test_tag_unit_and_archive_lists_are_bounded(client, django_assert_max_num_queries):
    main = build(articles=50, tags=TAGS, related=20, photos=5)
    # The month the main article came out in, in the office's calendar (just
    # after midnight on the 1st it is the previous month).
    now = timezone.localtime(main.published_at)
    for url in [
        reverse("news:tag_detail", args=[TAGS[0]]),
        reverse("news:unit_detail", args=[main.unit.slug]),
        reverse("news:archive_month", args=[now.year, now.month]),
    ]:
        client.get(url)
        # tag/unit lookup or archive date list, COUNT, page, 3 sidebar widgets
        with django_assert_max_num_queries(7):
            assert client.get(url).status_code == 200


def test_article_page_query_count_does_not_grow(client, django_assert_max_num_queries):
    small = build(articles=3, tags=TAGS[:2], related=2, photos=1)
    few = count_queries(client, small.get_absolute_url())
    large = build(articles=50, tags=TAGS, related=20, photos=5)
    many = count_queries(client, large.get_absolute_url())
    assert many == few
    # article (+category, unit), its tags, its photos, related by tags,
    # related by category, previous, next, Terpopuler, categories, months
    with django_assert_max_num_queries(10):
        client.get(large.get_absolute_url())
