"""Sitemaps of this app, listed in the sitemap index by humas_site.urls."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Event


def latest_event_change():
    return Event.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.5

    def items(self):
        # Internal events never appear.
        return Event.objects.published().order_by("-starts_at", "pk")

    def lastmod(self, event):
        return event.updated_at

    def get_latest_lastmod(self):
        return latest_event_change()


# The section page, with what its last change is (humas_site.sitemaps).
section_pages = {"agendas:event_list": latest_event_change}
sitemaps = {"agenda": EventSitemap}
