from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class HumasSiteConfig(AppConfig):
    default = True
    name = "humas_site"
    verbose_name = _("Profil lembaga")

    def ready(self):
        from . import audit, checks, signals, staff  # noqa: F401


class HumasAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the site that enforces two-factor login."""

    default = False
    default_site = "humas_site.admin_site.HumasAdminSite"
