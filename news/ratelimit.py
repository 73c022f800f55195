"""Per-client rate limits for the public forms (search, comments), on
``humas_site.ratelimit``'s fixed windows: at most ``limit`` hits per client
per ``window`` seconds."""

from humas_site.clients import client_ip
from humas_site.ratelimit import retry_after, window_add, window_count

SEARCH_LIMIT = (30, 60)  # 30 searches a minute
COMMENT_LIMIT = (5, 10 * 60)  # 5 comments in ten minutes

__all__ = ["COMMENT_LIMIT", "SEARCH_LIMIT", "hit", "is_limited", "retry_after"]


def _client(request):
    return client_ip(request) or "unknown"


def is_limited(request, scope, limit, window):
    """True once this client has used up ``limit`` in the current window.
    Counts nothing: for forms whose failed attempts must not count (``hit``
    is called once the attempt is accepted)."""
    return window_count(scope, _client(request), window) >= limit


def hit(request, scope, limit, window):
    """Count one request of this client in ``scope``; True while it is within
    ``limit`` per ``window`` seconds, False once over it."""
    count = window_add(scope, _client(request), window)
    return count is None or count <= limit
