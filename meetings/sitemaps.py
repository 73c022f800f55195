"""Sitemaps of this app, listed in the sitemap index by humas_site.urls."""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Meeting


def latest_meeting_change():
    return Meeting.objects.public().aggregate(latest=Max("updated_at"))["latest"]


class MeetingSitemap(Sitemap):
    """Public meeting pages; internal meetings are never listed."""

    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Meeting.objects.public().order_by("-starts_at", "-pk")

    def lastmod(self, meeting):
        return meeting.updated_at

    def get_latest_lastmod(self):
        return latest_meeting_change()


# The section page, with what its last change is (humas_site.sitemaps).
section_pages = {"meetings:meeting_list": latest_meeting_change}
sitemaps = {"meetings": MeetingSitemap}
