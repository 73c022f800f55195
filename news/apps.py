from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Berita")

    def ready(self):
        # Signal handlers: the tag copy for search, comment moderation.
        from . import comments, search  # noqa: F401
