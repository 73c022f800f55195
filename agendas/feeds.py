from django.urls import reverse
from django.utils.translation import gettext as _

from humas_site.feeds import SiteFeed
from humas_site.models import InstitutionProfile
from humas_site.templatetags.humas_tags import tanggal, tanggal_jam

from .models import Event

FEED_ITEMS = 30


class UpcomingEventsFeed(SiteFeed):
    """RSS of the public occurrences to come, soonest first."""

    description_template = "agendas/feed_description.html"

    def title(self):
        return _("Agenda %(name)s") % {
            "name": InstitutionProfile.objects.current().name
        }

    def link(self):
        return self.absolute_url(reverse("agendas:event_list"))

    def description(self):
        return _("Kegiatan terbuka untuk publik yang akan datang.")

    def items(self):
        return Event.objects.published().upcoming_occurrences()[:FEED_ITEMS]

    def item_title(self, occurrence):
        zone = occurrence.event.time_zone
        when = (
            tanggal(occurrence.date)
            if occurrence.all_day
            else tanggal_jam(occurrence.start, zone)
        )
        title = f"{occurrence.event.title} ({when})"
        if occurrence.is_cancelled or occurrence.is_postponed:
            title = f"[{occurrence.status_label.upper()}] {title}"
        return title

    def item_link(self, occurrence):
        return self.absolute_url(occurrence.get_absolute_url())

    def item_guid(self, occurrence):
        # Unique per occurrence and unchanged when the event is renamed.
        return f"agenda-{occurrence.event.pk}-{occurrence.date.isoformat()}"

    def item_guid_is_permalink(self, occurrence):
        return False

    def item_pubdate(self, occurrence):
        return occurrence.event.created_at

    def item_updateddate(self, occurrence):
        return occurrence.event.updated_at

    def item_categories(self, occurrence):
        category = occurrence.event.category
        return [category.name] if category else []
