"""The sidebar's category list is in the categories' own order on every server.

Django leaves ``Meta.ordering`` out of GROUP BY queries, so a counted list
without its own ORDER BY comes back in whatever order PostgreSQL's hash
aggregate produces: a restored copy of the site listed them differently.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.templatetags.news_tags import category_links
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_categories_are_listed_in_their_order_then_by_name(settings):
    settings.PAGE_CACHE_SECONDS = 0  # build the list, no widget cache
    names = [("Siaran Pers", 1), ("Berita", 0), ("Artikel/Opini", 1), ("Liputan", 2)]
    for name, order in names:
        category = CategoryFactory(name=name, slug=name.lower().replace("/", "-"))
        category.order = order
        category.save()
        ArticleFactory.create_batch(1 + order, category=category)

    with CaptureQueriesContext(connection) as queries:
        listed = [c.name for c in category_links()["categories"]]

    assert listed == ["Berita", "Artikel/Opini", "Siaran Pers", "Liputan"]
    assert "ORDER BY" in queries.captured_queries[-1]["sql"]
