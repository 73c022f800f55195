from django import template

from agendas.models import Event

register = template.Library()


@register.inclusion_tag("agendas/includes/upcoming_events.html")
def upcoming_events(limit=5):
    """The next public occurrences, for the home page or a sidebar.

    Two queries whatever the number of events (events with category and
    unit, and their cancelled occurrences).
    """
    return {"occurrences": Event.objects.published().upcoming_occurrences()[:limit]}
