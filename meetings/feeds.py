from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from humas_site.feeds import SiteFeed
from humas_site.models import InstitutionProfile

from .models import Meeting


class MeetingMinutesFeed(SiteFeed):
    """The latest public meetings that were held; internal ones never appear."""

    description = _("Ringkasan hasil rapat dan kegiatan yang terbuka untuk publik.")

    def link(self):
        return self.absolute_url(reverse("meetings:meeting_list"))

    def title(self):
        return _("Hasil rapat %(name)s") % {
            "name": InstitutionProfile.objects.current().name
        }

    def items(self):
        return Meeting.objects.public().held()[:20]

    def item_title(self, meeting):
        return meeting.title

    def item_description(self, meeting):
        return meeting.summary

    def item_pubdate(self, meeting):
        return meeting.starts_at

    def item_updateddate(self, meeting):
        return meeting.updated_at

    def item_categories(self, meeting):
        return [meeting.get_kind_display()]
