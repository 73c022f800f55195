from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Berita")

    def ready(self):
        # Search-tag receivers; comments registers its moderator.
        from . import comments, signals  # noqa: F401
