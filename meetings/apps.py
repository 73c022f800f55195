from django.utils.translation import gettext_lazy as _

from humas_site.contributions import ContributingAppConfig


class MeetingsConfig(ContributingAppConfig):
    # Listed after news and agendas: its demo content writes news articles.
    default = True  # not the imported base class
    name = "meetings"
    verbose_name = _("Rapat")
    url_prefix = "rapat/"

    def integrity_sources(self):
        from .models import Meeting

        return [("Rapat", Meeting.objects.public(), ["title", "summary", "minutes"])]

    def dashboard_cards(self, user, *, now, sections):
        """Editors: meeting follow-ups past their due date."""
        if "editor" not in sections:
            return {}
        from django.utils import timezone

        from humas_site.dashboard import LIST_LIMIT

        from .models import Resolution

        overdue = Resolution.objects.overdue(today=timezone.localdate(now))
        return {
            "overdue_followups": list(
                overdue.select_related("meeting", "responsible_unit").order_by(
                    "due_date", "pk"
                )[:LIST_LIMIT]
            ),
            "overdue_count": overdue.count(),
        }
