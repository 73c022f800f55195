"""The site navigation: app sections plus the institutional flatpages."""

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import DatabaseError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

NAV_CACHE_KEY = "humas_site:flatpage_nav"

SECTIONS = [
    (_("Beranda"), "home"),
    (_("Berita"), "news:article_list"),
    (_("Agenda"), "agendas:event_list"),
    (_("Rapat"), "meetings:meeting_list"),
    (_("Galeri"), "news:gallery"),
]


def section_links():
    return [(label, reverse(url_name)) for label, url_name in SECTIONS]


def flatpage_links():
    """(title, url) of the public institutional pages, ordered by URL; cached.

    Pages under /profil/ are grouped under "Profil" by the base template.
    """
    links = cache.get(NAV_CACHE_KEY)
    if links is None:
        try:
            links = list(
                FlatPage.objects.filter(
                    sites=settings.SITE_ID, registration_required=False
                )
                .order_by("url")
                .values_list("title", "url")
            )
        except DatabaseError:
            return []
        cache.set(NAV_CACHE_KEY, links, 60 * 60)
    return links
