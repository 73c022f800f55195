import re
from functools import partial

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from two_factor.urls import urlpatterns as two_factor_urls

from . import views
from .contributions import contributors
from .sitemaps import (
    InstitutionPageSitemap,
    SectionSitemap,
    sitemap_index,
    sitemap_section,
)

# Each app's sitemaps and section pages (humas_site.contributions).
app_sitemaps = [config.sitemaps() for config in contributors("sitemaps")]
sitemaps = {
    "halaman": partial(
        SectionSitemap,
        {name: last for _, pages in app_sitemaps for name, last in pages.items()},
    ),
    "pages": InstitutionPageSitemap,
    **{name: sitemap for maps, _ in app_sitemaps for name, sitemap in maps.items()},
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
    *(
        path(config.url_prefix, include(f"{config.name}.urls"))
        for config in contributors("url_prefix")
    ),
]

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$",
            views.media,
            name="media",
        )
    )
