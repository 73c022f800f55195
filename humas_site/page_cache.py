"""Whole-page cache for anonymous readers, with HTTP caching headers.

Public pages are stored in the configured cache (Redis in production) and
replayed with their headers. Every stored page belongs to a *content
generation*; saving or deleting any public content starts a new generation
(``signals.py``), so publishing, editing or unpublishing shows everywhere at
once. A scheduled article appears by itself because no page is kept past the
next scheduled publication time.

Requests carrying any cookie but the language choice (staff sessions, CSRF
tokens, flash messages) bypass the cache entirely and are marked private, so
logged-in staff always see fresh pages.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control, set_response_etag
from django.utils.http import http_date

from .contributions import contributors

logger = logging.getLogger(__name__)

GENERATION_KEY = "page_cache:generation"
CACHEABLE_TYPES = (
    "text/html",
    "text/plain",
    "text/calendar",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
)
UNCACHED_PATHS = ("/account/", "/healthz", "/bahasa/", "/i18n/")


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh number after a cache flush, so no older page can match.
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, None)
    return generation


def new_generation():
    """Forget every stored page (called when public content changes).

    A cache outage must never stop content from being saved; with the cache
    down there are no stored pages to forget anyway.
    """
    try:
        cache.incr(GENERATION_KEY)  # atomic, also across workers
    except ValueError:  # no generation yet (or flushed): start a fresh one
        cache.set(GENERATION_KEY, time.time_ns(), None)
    except Exception:  # any backend error: Redis down, timeout
        logger.warning("Page cache unreachable; generation not advanced", exc_info=True)


def content_changed(sender, **kwargs):
    """Receiver: public content changed, so start a new generation."""
    if not kwargs.get("action", "post_").startswith("post_"):
        return  # m2m_changed fires pre_ and post_ events; one is enough
    instance = kwargs.get("instance")
    if kwargs.get("created") and getattr(instance, "is_public", True) is False:
        return  # a new comment waiting for moderation is not on any page
    new_generation()


def invalidate_on_change(app_config, *, except_models=()):
    """Start a new generation whenever a model of ``app_config`` (its
    many-to-many and history tables included) is saved, deleted or has its
    relations changed; each app calls this from its ``ready()`` for the models
    public pages show. ``except_models``: lower-case model names left out.
    Bulk ``update()``s send no signal: the services doing them call
    ``new_generation()`` themselves."""
    for model in app_config.get_models(include_auto_created=True):
        if model._meta.model_name in except_models:
            continue
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(content_changed, sender=model)


def cached_widget(name, build, timeout=600):
    """``build()``'s result, shared by all pages until content changes.

    For sidebar widgets (most read, categories, archive months) whose queries
    scan the whole archive: with 100,000 articles each costs a few hundred
    milliseconds, while the result changes only when content does (or, for
    view counts, slowly). ``build`` must return plain data or a list, not a
    lazy QuerySet.
    """
    if not settings.PAGE_CACHE_SECONDS:
        return build()
    key = f"widget:{current_generation()}:{name}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def seconds_until_next_publication():
    """Seconds until the next scheduled item of any app goes live, or None."""
    try:
        upcoming = min(
            (
                when
                for config in contributors("next_scheduled_publication")
                if (when := config.next_scheduled_publication()) is not None
            ),
            default=None,
        )
    except DatabaseError:
        return None
    if upcoming is None:
        return None
    return max(1, int((upcoming - timezone.now()).total_seconds()) + 1)


def is_cacheable_request(request):
    if request.method not in ("GET", "HEAD"):
        return False
    if request.path.startswith(("/" + settings.ADMIN_URL, *UNCACHED_PATHS)):
        return False
    return set(request.COOKIES) <= {settings.LANGUAGE_COOKIE_NAME}


def is_cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
        and not any(
            word in cache_control for word in ("private", "no-cache", "no-store")
        )
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not is_cacheable_request(request):
            response = self.get_response(request)
            if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
                patch_cache_control(response, private=True)
            return response

        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
        key = (
            f"page_cache:{current_generation()}:{language}:"
            f"{request.get_host()}:{request.get_full_path()}"
        )
        cached = cache.get(key)
        if cached is not None:
            valid_until, response = cached
            # Checked here as well as by the cache's own expiry, so that a
            # scheduled article goes live on the second whatever the backend.
            if time.time() < valid_until:
                return response

        response = self.get_response(request)
        if is_cacheable_response(request, response):
            if not response.has_header("Cache-Control"):
                patch_cache_control(
                    response, public=True, max_age=settings.PAGE_BROWSER_MAX_AGE
                )
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date()
            set_response_etag(response)
            timeout = settings.PAGE_CACHE_SECONDS
            next_publication = seconds_until_next_publication()
            if next_publication is not None:
                timeout = min(timeout, next_publication)
            cache.set(key, (time.time() + timeout, response), timeout)
        return response
