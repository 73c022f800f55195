import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory
from tests.news.test_views import hidden_articles

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_sitemap_lists_published_articles_and_categories_only(client):
    visible = ArticleFactory()
    hidden = hidden_articles()
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {url.findtext(f"{NS}loc") for url in root.iter(f"{NS}url")}
    assert f"http://example.com{visible.get_absolute_url()}" in locations
    assert f"http://example.com{visible.category.get_absolute_url()}" in locations
    for article in hidden:
        assert f"http://example.com{article.get_absolute_url()}" not in locations
    lastmods = [
        url.findtext(f"{NS}lastmod")
        for url in root.iter(f"{NS}url")
        if url.findtext(f"{NS}loc").endswith(visible.get_absolute_url())
    ]
    # The sitemap dates in the office's time zone, not UTC's.
    assert lastmods == [timezone.localdate(visible.updated_at).isoformat()]
