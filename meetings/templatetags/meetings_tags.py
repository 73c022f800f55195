from django import template

from meetings.models import Meeting

register = template.Library()


@register.inclusion_tag("meetings/includes/latest_meetings.html")
def latest_meetings(limit=3):
    """The latest held public meetings, for the home page or a sidebar."""
    return {
        "meetings": Meeting.objects.public()
        .held()
        .select_related("organiser_unit")[:limit]
    }
