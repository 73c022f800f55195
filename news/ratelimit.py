"""A small per-client rate limit on the shared cache (Redis in production).

django-ratelimit was not used: its last release (4.1, 2023) declares support up
to Django 4.2 only, its system checks reject the local-memory cache used in
development and tests, and it keys on REMOTE_ADDR rather than the project's
``humas_site.clients.client_ip`` (which honours DJANGO_PROXY_COUNT behind a proxy).

Fixed windows: at most ``limit`` hits per client per ``window`` seconds.
"""

import hashlib
import time

from django.core.cache import cache

from humas_site.clients import client_ip

SEARCH_LIMIT = (30, 60)  # 30 searches a minute
COMMENT_LIMIT = (5, 10 * 60)  # 5 comments in ten minutes


def client_key(request):
    address = client_ip(request) or "unknown"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


def _key(request, scope, window):
    bucket = int(time.time() // window)
    return f"ratelimit:{scope}:{client_key(request)}:{bucket}"


def is_limited(request, scope, limit, window):
    """True once this client has used up ``limit`` in the current window.
    Counts nothing: for forms whose failed attempts must not count (``hit``
    is called once the attempt is accepted)."""
    count = cache.get(_key(request, scope, window))
    return count is not None and count >= limit


def hit(request, scope, limit, window):
    """Count one request of this client in ``scope``; True while it is within
    ``limit`` per ``window`` seconds, False once over it."""
    key = _key(request, scope, window)
    # add() creates the counter for this window; incr() is atomic on Redis.
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired or the cache dropped it meanwhile
        cache.set(key, 1, window + 1)
        count = 1
    if count is None:  # django-redis with IGNORE_EXCEPTIONS during an outage
        return True
    return count <= limit


def retry_after(window):
    return int(window - time.time() % window) + 1
