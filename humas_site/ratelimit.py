"""Fixed-window counters on the shared cache (Redis in production): how many
times something happened to one identity (a client address, a username) in
the current window of ``window`` seconds.

django-ratelimit was not used: its last release (4.1, 2023) declares support up
to Django 4.2 only, its system checks reject the local-memory cache used in
development and tests, and it keys on REMOTE_ADDR rather than the project's
``humas_site.clients.client_ip`` (which honours DJANGO_PROXY_COUNT behind a proxy).
"""

import hashlib
import time

from django.core.cache import cache


def _key(scope, identity, window):
    digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
    return f"ratelimit:{scope}:{digest}:{int(time.time() // window)}"


def window_count(scope, identity, window):
    """The count of ``identity`` in ``scope`` in the current window."""
    return cache.get(_key(scope, identity, window)) or 0


def window_add(scope, identity, window):
    """Count one more for ``identity`` in ``scope``; the new count, or None
    when the cache is down (django-redis with IGNORE_EXCEPTIONS)."""
    key = _key(scope, identity, window)
    # add() creates the counter for this window; incr() is atomic on Redis.
    cache.add(key, 0, window + 1)
    try:
        return cache.incr(key)
    except ValueError:  # the key expired or the cache dropped it meanwhile
        cache.set(key, 1, window + 1)
        return 1


def retry_after(window):
    """Seconds until the current window ends."""
    return int(window - time.time() % window) + 1
