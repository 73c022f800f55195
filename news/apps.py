from django.utils.translation import gettext_lazy as _

from humas_site.contributions import ContributingAppConfig


class NewsConfig(ContributingAppConfig):
    default = True  # not the imported base class
    name = "news"
    verbose_name = _("Berita")
    url_prefix = ""
    # View counts change on every read; the article page tolerates a count a
    # few minutes old.
    not_public_models = ["articledailyview"]

    def ready(self):
        super().ready()
        # Search-tag receivers; comments registers its moderator.
        from . import comments, signals  # noqa: F401

    def next_scheduled_publication(self):
        from .models import Article

        return (
            Article.objects.scheduled()
            .order_by("published_at")
            .values_list("published_at", flat=True)
            .first()
        )

    def integrity_sources(self):
        from .models import Article

        return [("Berita", Article.objects.published(), ["title", "lead", "body"])]

    def integrity_scans(self):
        from .integrity import scan_revisions

        return [scan_revisions]

    def integrity_urls(self, limit):
        from .models import Article

        articles = Article.objects.published().order_by("-published_at")[:limit]
        return [article.get_absolute_url() for article in articles]

    def dashboard_cards(self, user, *, now, sections):
        from .dashboard import dashboard_cards

        return dashboard_cards(user, now=now, sections=sections)
