"""Small middleware of the site frame."""

import base64
import hashlib
import logging
import re

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotFound
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)

# Paths that attack scanners try on every site (WordPress, PHP, leaked files).
# They get a plain 404 before sessions, database or templates are touched.
PROBE_PATH = re.compile(
    r"^/(wp-admin|wp-login\.php|wp-content|wp-includes|xmlrpc\.php|\.env|\.git"
    r"|\.svn|\.hg|\.DS_Store|phpmyadmin|cgi-bin)(/|$)|\.(php\d?|asp|aspx|jsp|cgi)$",
    re.IGNORECASE,
)


class BlockProbesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if PROBE_PATH.search(request.path):
            return HttpResponseNotFound(
                "Tidak ditemukan.", content_type="text/plain; charset=utf-8"
            )
        return self.get_response(request)


# What is worth compressing: pages, feeds, iCal, JSON, XML, CSS and scripts.
# Photos and PDFs are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
)


class CompressTextMiddleware(GZipMiddleware):
    """Django's GZipMiddleware for text responses only.

    It compresses HTML, feeds, JSON and XML when no proxy in front does
    (gunicorn alone), and its random padding of the gzip header (Django 4.2+)
    is the framework's mitigation of BREACH. It sits below whitenoise, which
    serves its own pre-compressed static files, and above the page cache, so
    the cache stores plain responses and every reader gets a freshly padded
    one. It adds ``Vary: Accept-Encoding`` to what it may compress.
    """

    def process_response(self, request, response):
        if not response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES):
            return response
        return super().process_response(request, response)


class IndonesianFirstLocaleMiddleware:
    """Bahasa Indonesia unless the reader chose another language.

    Django's LocaleMiddleware follows the browser's Accept-Language, which would
    show an Indonesian public site in English to every phone set to English.
    Here only the language cookie (set by the language switcher) counts.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        supported = {code for code, _name in settings.LANGUAGES}
        language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


IMPORTMAP = re.compile(rb'<script type="importmap"[^>]*>(.*?)</script>', re.DOTALL)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, allowing the admin's rich-text editor.

    django-prose-editor loads its ES modules through an inline
    ``<script type="importmap">``. Instead of 'unsafe-inline', the exact
    import map on the page is allowed by its SHA-256 hash. Its editor core
    also injects a ``<style>`` element, so admin pages (staff only) accept
    inline styles; scripts stay strict everywhere.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if report_only or response.streaming or not is_html:
            return parts
        update = dict(parts.update or {})
        if request.path_info.startswith("/" + settings.ADMIN_URL):
            update["style-src"] = [*update.get("style-src", []), "'unsafe-inline'"]
        for body in IMPORTMAP.findall(response.content):
            digest = base64.b64encode(hashlib.sha256(body).digest()).decode()
            update["script-src"] = [*update.get("script-src", []), f"'sha256-{digest}'"]
        parts.update = update or None
        return parts


class DatabaseUnavailableMiddleware:
    """A friendly 503 with Retry-After when the database cannot be reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        logger.error("Database unavailable: %s", exception)
        # A refused form (an editor's save) must say that nothing was saved.
        unsaved = request.method not in ("GET", "HEAD", "OPTIONS")
        response = HttpResponse(
            render_to_string("503.html", {"unsaved": unsaved}),
            status=503,
            content_type="text/html",
        )
        response["Retry-After"] = "120"
        return response
