"""The site's sitemaps: one sitemap index (/sitemap.xml) listing one sitemap
per section (/sitemap-<section>.xml), among them the Google News sitemap.

The sitemaps are django.contrib.sitemaps classes, each app contributing its
own (``<app>/sitemaps.py``); the two views below replace Django's ``index``
and ``sitemap`` views only to put the host the site is served on into every
``<loc>``: Django's views take it from the Sites table, one fixed domain for
every host. The page cache keys pages by host, so one host's sitemap is never
served for another.
"""

from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.contrib.sites.requests import RequestSite
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property

CONTENT_TYPE = "application/xml"


class SectionSitemap(Sitemap):
    """The home page and each section's list page, with the last change of
    what each shows. ``pages`` maps the sections' URL names to a function
    returning that change (None while the section is empty); the home page
    shows the latest of every section, so its change is the latest of all."""

    changefreq = "daily"

    def __init__(self, pages):
        self.pages = pages

    def items(self):
        return ["home", *self.pages]

    def location(self, name):
        return reverse(name)

    def priority(self, name):
        return 1.0 if name == "home" else 0.6

    @cached_property
    def _changes(self):
        changes = {name: latest() for name, latest in self.pages.items()}
        known = [change for change in changes.values() if change is not None]
        changes["home"] = max(known, default=None)
        return changes

    def lastmod(self, name):
        return self._changes[name]


class InstitutionPageSitemap(FlatPageSitemap):
    """The institution's pages, dated by their last revision (one query)."""

    def items(self):
        # Meta.ordering does not apply to a query with an aggregate.
        pages = super().items().annotate(last_change=Max("revisions__history_date"))
        return pages.order_by("url")

    def lastmod(self, page):
        return page.last_change


@x_robots_tag
def sitemap_index(request, sitemaps):
    """The sitemap index: every section's sitemap (and its further pages)."""
    items = []
    for section, sitemap in sitemaps.items():
        sitemap = sitemap()
        url = request.build_absolute_uri(reverse("sitemap_section", args=[section]))
        lastmod = sitemap.get_latest_lastmod()
        items.append(SitemapIndexItem(url, lastmod))
        for page in range(2, sitemap.paginator.num_pages + 1):
            items.append(SitemapIndexItem(f"{url}?p={page}", lastmod))
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": items}, content_type=CONTENT_TYPE
    )


@x_robots_tag
def sitemap_section(request, sitemaps, section):
    """One section's sitemap, in the section's template if it has one (the
    news sitemap's ``news:`` elements)."""
    if section not in sitemaps:
        raise Http404
    sitemap = sitemaps[section]()
    try:
        urls = sitemap.get_urls(
            page=request.GET.get("p", 1),
            site=RequestSite(request),
            protocol=request.scheme,
        )
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    template = getattr(sitemap, "template_name", "sitemap.xml")
    return TemplateResponse(
        request, template, {"urlset": urls}, content_type=CONTENT_TYPE
    )
