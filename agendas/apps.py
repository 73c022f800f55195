import datetime

from django.utils.translation import gettext_lazy as _

from humas_site.contributions import ContributingAppConfig


class AgendasConfig(ContributingAppConfig):
    default = True  # not the imported base class
    name = "agendas"
    verbose_name = _("Agenda")
    url_prefix = "agenda/"

    def integrity_sources(self):
        from .models import Event

        return [("Agenda", Event.objects.published(), ["title", "description"])]

    def dashboard_cards(self, user, *, now, sections):
        """Editors: the agenda of the next two weeks."""
        if "editor" not in sections:
            return {}
        from humas_site.dashboard import LIST_LIMIT

        from .models import Event

        upcoming = Event.objects.upcoming_occurrences(
            now=now, horizon=datetime.timedelta(days=14)
        )
        return {"upcoming_events": upcoming[:LIST_LIMIT]}
