"""Sitemaps of this app, merged into /sitemap.xml by humas_site.urls."""

from django.contrib.sitemaps import Sitemap

from .models import Article, Category


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8
    limit = 1000

    def items(self):
        return Article.objects.published().only("slug", "updated_at").order_by("-pk")

    def lastmod(self, item):
        return item.updated_at


class CategorySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self):
        return Category.objects.all()


sitemaps = {"berita": ArticleSitemap, "berita-kategori": CategorySitemap}
