"""Sitemaps of this app, listed in the sitemap index by humas_site.urls."""

import datetime

from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.utils import timezone

from .models import Article, Category


def latest_article_change():
    return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 1000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-pk")

    def lastmod(self, item):
        return item.updated_at

    def get_latest_lastmod(self):
        # One aggregate instead of Django's default, which reads every article.
        return latest_article_change()


class NewsSitemap(Sitemap):
    """Google News sitemap: the articles published in the last two days, with
    the publication's name and language (``news:`` elements)."""

    template_name = "news/sitemap_news.xml"
    limit = 1000  # Google News reads at most 1,000 URLs per sitemap
    days = 2

    def items(self):
        since = timezone.now() - datetime.timedelta(days=self.days)
        return (
            Article.objects.published()
            .filter(published_at__gte=since)
            .only("slug", "title", "published_at", "updated_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.all()


# The section pages, with what their last change is (humas_site.sitemaps).
section_pages = {
    "news:article_list": latest_article_change,
    "news:gallery": latest_article_change,
}
sitemaps = {
    "berita-terkini": NewsSitemap,
    "berita": ArticleSitemap,
    "berita-kategori": CategorySitemap,
}
