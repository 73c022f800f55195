import re
from functools import partial

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from two_factor.urls import urlpatterns as two_factor_urls

from agendas import sitemaps as agenda_sitemaps
from meetings import sitemaps as meeting_sitemaps
from news import sitemaps as news_sitemaps

from . import views
from .sitemaps import (
    InstitutionPageSitemap,
    SectionSitemap,
    sitemap_index,
    sitemap_section,
)

sitemaps = {
    "halaman": partial(
        SectionSitemap,
        {
            **news_sitemaps.section_pages,
            **agenda_sitemaps.section_pages,
            **meeting_sitemaps.section_pages,
        },
    ),
    "pages": InstitutionPageSitemap,
    **news_sitemaps.sitemaps,
    **agenda_sitemaps.sitemaps,
    **meeting_sitemaps.sitemaps,
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap_index, {"sitemaps": sitemaps}, name="sitemap"),
    path(
        "sitemap-<slug:section>.xml",
        sitemap_section,
        {"sitemaps": sitemaps},
        name="sitemap_section",
    ),
    path("bahasa/<str:language>/", views.choose_language, name="choose_language"),
    path(settings.ADMIN_URL, admin.site.urls),
    # Enrolment ends with the backup codes (before two_factor's own views).
    path("account/two_factor/setup/", views.TwoFactorSetupView.as_view()),
    path(
        "account/two_factor/setup/complete/",
        views.TwoFactorSetupCompleteView.as_view(),
    ),
    path("", include(two_factor_urls)),
    path("", include("news.urls")),
    path("agenda/", include("agendas.urls")),
    path("rapat/", include("meetings.urls")),
]

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
            views.media,
            name="media",
        )
    )
