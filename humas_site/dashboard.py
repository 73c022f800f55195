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

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import AuditEvent, Unit
from .roles import can_publish, sees_statistics

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
    now = now or timezone.now()
    data = {"sections": set()}
    Article = apps.get_model("news", "Article")
    if user.has_perm("news.add_article"):
        mine = Article.objects.filter(created_by=user).select_related("unit")
        data["my_drafts"] = list(
            mine.drafts().filter(review_note="").order_by("-updated_at")[:LIST_LIMIT]
        )
        data["sent_back"] = list(mine.sent_back().order_by("-updated_at")[:LIST_LIMIT])
        data["my_in_review"] = list(mine.in_review()[:LIST_LIMIT])
        data["can_write"] = user.has_perm("news.add_article")
        data["sections"].add("writer")
    if can_publish(user):
        data.update(_editor_sections(Article, now))
        data["sections"].add("editor")
    if sees_statistics(user):
        data.update(_statistics(Article, now))
        data["sections"].add("statistics")
    if can_publish(user) or sees_statistics(user):
        data["integrity"] = _integrity_warning()
    # Offered to everyone (required when debug is off, see admin_site.py).
    data["has_two_factor"] = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).exists()
    return data


def _editor_sections(Article, now):
    queue = Article.objects.in_review().select_related("unit", "created_by")
    data = {
        "review_queue": list(queue[:LIST_LIMIT]),
        "review_count": queue.count(),
        "scheduled": list(
            Article.objects.scheduled()
            .select_related("unit")
            .order_by("published_at")[:LIST_LIMIT]
        ),
    }
    try:
        from news.comments import pending_comments
    except ImportError:  # comments not installed
        data["pending_comments"] = None
    else:
        data["pending_comments"] = pending_comments().count()
    Event = apps.get_model("agendas", "Event")
    data["upcoming_events"] = Event.objects.upcoming_occurrences(
        now=now, horizon=datetime.timedelta(days=14)
    )[:LIST_LIMIT]
    Resolution = apps.get_model("meetings", "Resolution")
    overdue = Resolution.objects.overdue(today=timezone.localdate(now))
    data["overdue_followups"] = list(
        overdue.select_related("meeting", "responsible_unit").order_by(
            "due_date", "pk"
        )[:LIST_LIMIT]
    )
    data["overdue_count"] = overdue.count()
    return data


def _statistics(Article, now):
    since_30 = now - datetime.timedelta(days=30)
    since_90 = now - datetime.timedelta(days=90)
    live = Q(articles__status=Article.Status.PUBLISHED, articles__published_at__lte=now)
    units = list(
        Unit.objects.annotate(
            published_30=Count(
                "articles", filter=live & Q(articles__published_at__gte=since_30)
            ),
            published_90=Count(
                "articles", filter=live & Q(articles__published_at__gte=since_90)
            ),
            last_published=Max("articles__published_at", filter=live),
        ).order_by("-published_30", "-published_90", "order", "name")
    )
    month_start = timezone.localdate(now).replace(day=1)
    days_this_month = (timezone.localdate(now) - month_start).days + 1
    most_read = list(
        Article.objects.published()
        .most_read(days=days_this_month, today=timezone.localdate(now))
        .select_related("unit")[:5]
    )
    return {
        "units": units,
        "silent_units": [u for u in units if u.published_30 == 0],
        "most_read": most_read,
        "chart": _chart(units),
        "audit_events": list(AuditEvent.objects.recent()[:LIST_LIMIT]),
    }


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
