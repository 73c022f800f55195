"""Sitemaps of this app, merged into /sitemap.xml by humas_site.urls."""

from django.contrib.sitemaps import Sitemap

from .models import Meeting


class MeetingSitemap(Sitemap):
    """Public meeting pages; internal meetings are never listed."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Meeting.objects.public().order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at


sitemaps = {"meetings": MeetingSitemap}
