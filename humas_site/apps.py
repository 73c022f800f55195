from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HumasSiteConfig(AppConfig):
    name = "humas_site"
    verbose_name = _("Profil lembaga")

    def ready(self):
        from . import signals  # noqa: F401
