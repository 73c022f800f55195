import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from agendas.models import Event

register = template.Library()


@register.inclusion_tag("agendas/includes/upcoming_events.html")
def upcoming_events(limit=5):
    """The next public occurrences, for the home page or a sidebar.

    Two queries whatever the number of events (events with category and
    unit, and their cancelled occurrences).
    """
    return {"occurrences": Event.objects.published().upcoming_occurrences()[:limit]}


# The characters json_script escapes, so the data cannot close the element.
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def event_json_ld(context, event, occurrence):
    """schema.org Event data for search engines, as an ld+json data block."""
    request = context["request"]
    data = event.schema_org(occurrence, base_url=request.build_absolute_uri("/")[:-1])
    payload = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>', mark_safe(payload)
    )
