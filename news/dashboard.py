"""The news app's cards on the admin's first page (``humas_site.dashboard``)."""

import datetime

from django.db.models import Count, Max, Q
from django.utils import timezone

from humas_site.dashboard import LIST_LIMIT
from humas_site.models import Unit

from .models import Article, ArticleComment


def dashboard_cards(user, *, now, sections):
    """Everyone who writes: my drafts, drafts sent back to me; editors: the
    review queue, scheduled articles, comments waiting; statistics: publishing
    per unit and the month's most read."""
    data = {}
    if user.has_perm("news.add_article"):
        data.update(_writer_cards(user))
        sections.add("writer")
    if "editor" in sections:
        data.update(_editor_cards())
    if "statistics" in sections:
        data.update(_statistics(now))
    return data


def _writer_cards(user):
    mine = Article.objects.filter(created_by=user).select_related("unit")
    return {
        "my_drafts": list(
            mine.drafts().filter(review_note="").order_by("-updated_at")[:LIST_LIMIT]
        ),
        "sent_back": list(mine.sent_back().order_by("-updated_at")[:LIST_LIMIT]),
        "my_in_review": list(mine.in_review()[:LIST_LIMIT]),
        "can_write": user.has_perm("news.add_article"),
    }


def _editor_cards():
    queue = Article.objects.in_review().select_related("unit", "created_by")
    return {
        "review_queue": list(queue[:LIST_LIMIT]),
        "review_count": queue.count(),
        "scheduled": list(
            Article.objects.scheduled()
            .select_related("unit")
            .order_by("published_at")[:LIST_LIMIT]
        ),
        "pending_comments": ArticleComment.objects.awaiting_moderation().count(),
    }


def _statistics(now):
    since_30 = now - datetime.timedelta(days=30)
    since_90 = now - datetime.timedelta(days=90)
    live = Article.objects.published_filter("articles__", now=now)
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
    }
