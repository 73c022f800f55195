"""Terpopuler: the most-read page and the admin's 30-day chart."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from news.models import ArticleDailyView
from tests.factories import ArticleFactory, UserFactory

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]


def views(article, days_ago, count):
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    ArticleDailyView.objects.create(article=article, date=day, views=count)


def test_popular_page_ranks_the_last_seven_days(client):
    old_hit = ArticleFactory(title="Dulu ramai")
    views(old_hit, 10, 1000)  # outside the window
    views(old_hit, 1, 1)
    top = ArticleFactory(title="Paling dibaca")
    views(top, 0, 50)
    views(top, 6, 30)
    middle = ArticleFactory(title="Cukup dibaca")
    views(middle, 2, 20)
    draft = ArticleFactory(title="Draf populer", status="draft")
    views(draft, 0, 999)
    ArticleFactory(title="Belum dibaca")
    response = client.get(reverse("news:popular"))
    assert response.status_code == 200
    titles = [a.title for a in response.context["object_list"]]
    assert titles == ["Paling dibaca", "Cukup dibaca", "Dulu ramai"]
    assert "Dilihat 80 kali" in response.content.decode()


def test_popular_page_query_count_does_not_grow(client):
    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(reverse("news:popular")).status_code == 200
        return len(context.captured_queries)

    for index in range(3):
        views(ArticleFactory(tags=["pemilu"]), index, 10)
    count()
    few = count()
    for index in range(30):
        views(ArticleFactory(tags=["pemilu"]), index % 7, index + 1)
    # the ranked articles (category, unit, comment count joined), sidebar
    # Terpopuler, categories, months
    assert count() == few <= 6


def test_home_page_links_to_the_popular_page(client):
    views(ArticleFactory(), 0, 5)
    assert reverse("news:popular") in client.get("/").content.decode()


def test_admin_article_page_shows_views_per_day(client):
    article = ArticleFactory()
    views(article, 0, 12)
    views(article, 29, 7)
    views(article, 30, 500)  # older than the chart
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:news_article_change", args=[article.pk]))
    html = response.content.decode()
    assert "dilihat per hari (30 hari terakhir)" in html.lower()
    assert html.count('<rect x="') == 31  # baseline + one bar a day
    assert "Dilihat 19 kali dalam 30 hari terakhir" in html
