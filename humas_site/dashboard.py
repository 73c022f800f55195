"""The admin's first page: what each role needs to see first.

``build_dashboard(user)`` returns plain data for the template
(templates/admin/includes/dashboard.html, rendered by the ``dashboard``
inclusion tag): a fixed number of queries per section, whatever the amount of
content, and sections only for the roles that use them.

- everyone who writes: my drafts, drafts sent back to me;
- editors: the review queue (oldest first), comments waiting, scheduled
  articles, upcoming agenda items, overdue meeting follow-ups;
- administrators and Pimpinan: publishing per unit over 30/90 days (units
  without a publication in 30 days highlighted), the month's most read, a
  server-rendered SVG chart, the latest audit events;
- editors and up: the last content integrity check, when it had findings.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .contributions import contributors
from .models import AuditEvent
from .roles import can_publish, sees_statistics

# How many rows a list on the dashboard shows (the apps' cards use it too).
LIST_LIMIT = 8
CHART_BAR_HEIGHT = 22
CHART_LABEL_WIDTH = 260
CHART_WIDTH = 640


@dataclass
class Bar:
    label: str
    value_30: int
    value_90: int
    y: int
    width_30: int
    width_90: int
    text_y: int
    text_x: int


def build_dashboard(user, *, now=None):
    """The dashboard's data: each app adds its cards (``dashboard_cards`` on
    its AppConfig) to the sections of the user's roles."""
    now = now or timezone.now()
    data = {"sections": set()}
    if can_publish(user):
        data["sections"].add("editor")
    if sees_statistics(user):
        data["sections"].add("statistics")
    for config in contributors("dashboard_cards"):
        data.update(config.dashboard_cards(user, now=now, sections=data["sections"]))
    if "statistics" in data["sections"]:
        data["chart"] = _chart(data.get("units", []))
        data["audit_events"] = list(AuditEvent.objects.recent()[:LIST_LIMIT])
    if can_publish(user) or sees_statistics(user):
        data["integrity"] = _integrity_warning()
    # Offered to everyone (required when debug is off, see admin_site.py).
    data["has_two_factor"] = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).exists()
    return data


def _chart(units):
    """Horizontal bars per unit: 90 days (light) with 30 days (dark) on top,
    as numbers for an SVG drawn by the template (no script, no inline style)."""
    if not units:
        return None
    top = max(max(u.published_90 for u in units), 1)
    scale = (CHART_WIDTH - CHART_LABEL_WIDTH - 40) / top
    bars = []
    for index, unit in enumerate(units):
        y = 10 + index * (CHART_BAR_HEIGHT + 8)
        bars.append(
            Bar(
                label=unit.name if len(unit.name) <= 38 else unit.name[:36] + "…",
                value_30=unit.published_30,
                value_90=unit.published_90,
                y=y,
                width_30=round(unit.published_30 * scale),
                width_90=round(unit.published_90 * scale),
                text_y=y + CHART_BAR_HEIGHT - 6,
                text_x=CHART_LABEL_WIDTH + 14 + round(unit.published_90 * scale),
            )
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": 20 + len(bars) * (CHART_BAR_HEIGHT + 8),
        "label_width": CHART_LABEL_WIDTH,
        "bar_x": CHART_LABEL_WIDTH + 8,
        "bar_height": CHART_BAR_HEIGHT,
    }


def _integrity_warning():
    """The last ``check_integrity`` result, when it had findings."""
    from .management.commands.check_integrity import LAST_RESULT_KEY

    result = cache.get(LAST_RESULT_KEY)
    if not result or not result.get("findings"):
        return None
    return result
