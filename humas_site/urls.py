from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.flatpages.sitemaps import FlatPageSitemap
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from two_factor.urls import urlpatterns as two_factor_urls

from agendas.sitemaps import sitemaps as agenda_sitemaps
from meetings.sitemaps import sitemaps as meeting_sitemaps
from news.sitemaps import sitemaps as news_sitemaps

from . import views

sitemaps = {
    "pages": FlatPageSitemap,
    **news_sitemaps,
    **agenda_sitemaps,
    **meeting_sitemaps,
}

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": sitemaps},
        name="django.contrib.sitemaps.views.sitemap",
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

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
