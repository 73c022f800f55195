"""Sitemaps of this app, merged into /sitemap.xml by humas_site.urls."""

from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # Internal events never appear.
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at


sitemaps = {"agenda": EventSitemap}
