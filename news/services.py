"""The view counter's request side: which POSTs count as a human view.

The article page sends a same-origin ``navigator.sendBeacon`` POST after it
loaded; only that counts, so the count stays right when the page itself came
from a cache, and link-preview fetchers, prefetchers and HEAD/GET requests
never count. See shared DESIGN.md §4.
"""

import hashlib
import logging

import crawleruseragents
from django.conf import settings
from django.core.cache import cache

from humas_site.clients import client_ip

from .models import Article

logger = logging.getLogger(__name__)

# A reader who reloads the page within this many seconds is counted once.
VIEW_WINDOW_SECONDS = getattr(settings, "NEWS_VIEW_WINDOW_SECONDS", 30 * 60)


def is_crawler(user_agent):
    """Bots and link-preview fetchers, from the maintained crawler-user-agents list
    (many of them, like WhatsApp or facebookexternalhit, never say "bot")."""
    return not user_agent or crawleruseragents.is_crawler(user_agent)


def reader_key(*, article, request):
    """A cache key per reader and article that reveals neither IP nor UA."""
    raw = "|".join(
        [
            settings.SECRET_KEY,
            client_ip(request),
            request.META.get("HTTP_USER_AGENT", ""),
            str(article.pk),
        ]
    )
    return "news:seen:" + hashlib.sha256(raw.encode()).hexdigest()


def _first_time_in_window(key):
    """True unless this reader was already counted within the window.

    When the cache is down the view is counted rather than lost: Django's
    backends raise, django-redis with IGNORE_EXCEPTIONS returns None instead
    of True/False.
    """
    try:
        added = cache.add(key, 1, VIEW_WINDOW_SECONDS)
    except Exception:
        added = None
    if added is None:
        logger.warning("view counter: cache unavailable, counting without dedup")
        return True
    return bool(added)


def article_view_register(*, article: Article, request) -> bool:
    """Count ``request`` as a view of ``article`` if it is a human's first view
    in the window; return whether it counted."""
    if request.method != "POST":
        return False
    if is_crawler(request.META.get("HTTP_USER_AGENT", "")):
        return False
    if request.user.is_authenticated and request.user.is_staff:
        return False
    if not _first_time_in_window(reader_key(article=article, request=request)):
        return False
    article.register_view()
    return True
