"""The client's IP address: one rule for lockouts, rate limits, view counts and
the audit log.

``DJANGO_PROXY_COUNT`` (``settings.PROXY_COUNT``) is the number of reverse
proxies in front of the application that each *append* the address they
received the request from to ``X-Forwarded-For`` (nginx's
``$proxy_add_x_forwarded_for`` does): ``1`` for nginx alone, ``2`` for nginx
behind a CDN or load balancer that also appends, ``0`` when clients connect
to gunicorn directly. The client is the entry the outermost trusted proxy
appended, counted from the right: ``entries[-PROXY_COUNT]``. Everything to
its left came from the client and is never believed, so a forged header
cannot replace the address (the same rule as Werkzeug's ``ProxyFix(x_for=N)``
and Express's ``trust proxy N``).

When the header carries fewer entries than expected, the request skipped an
outer proxy: the left-most entry is then the one the nearest trusted proxy
saw. A request without the header (a health check on the loopback, a
connection that bypassed nginx) falls back to ``REMOTE_ADDR``, its real
peer, never to an empty string shared by everyone.

django-ipware (django-axes' default) is not used: its proxy count excludes the
last proxy and its strict mode rejects the single-entry header nginx sends,
which gave every reader the same empty address.
"""

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings


def _address(value):
    """The normalised IP address in ``value``, or None when it is not one."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "203.0.113.9:51234"
        value = value.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    return str(address)


def forwarded_client(forwarded_for, proxy_count):
    """The client address in an ``X-Forwarded-For`` value behind ``proxy_count``
    appending proxies, or None when no trusted entry holds an address."""
    if proxy_count < 1 or not forwarded_for:
        return None
    entries = forwarded_for.split(",")[-proxy_count:]
    # entries[0] is the outermost trusted proxy's entry (or, when the request
    # skipped outer proxies, the furthest one a trusted proxy appended). An
    # entry that is not an address can only come from the client side; the
    # nearest proxy's entry to its right is then the best trusted address.
    for entry in entries:
        address = _address(entry)
        if address:
            return address
    return None


def client_ip(request):
    """The address of the client that sent ``request`` (see the module doc)."""
    meta = request.META
    proxy_count = getattr(settings, "PROXY_COUNT", 0)
    address = forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""), proxy_count)
    if address:
        return address
    return _address(meta.get("REMOTE_ADDR") or "") or meta.get("REMOTE_ADDR") or ""


def connection_report(request):
    """What the application sees of ``request``'s route, for the dashboard:
    the address it uses, the headers it came from, and what looks wrong."""
    meta = request.META
    proxy_count = getattr(settings, "PROXY_COUNT", 0)
    forwarded_for = meta.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry for entry in forwarded_for.split(",") if entry.strip()]
    if proxy_count == 0 and entries:
        problem = "proxy_not_declared"
    elif proxy_count and not entries:
        problem = "header_missing"
    elif proxy_count and len(entries) < proxy_count:
        problem = "fewer_entries"
    else:
        problem = ""
    return {
        "address": client_ip(request),
        "remote_addr": meta.get("REMOTE_ADDR", ""),
        "forwarded_for": forwarded_for,
        "proxy_count": proxy_count,
        "problem": problem,
    }


def same_origin(request):
    """Whether ``request`` comes from a page of this site: the rule of the
    CSRF-exempt beacons and forms whose page may come from a shared cache
    (Sec-Fetch-Site, else Origin against this host and CSRF_TRUSTED_ORIGINS)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    trusted = {own, *settings.CSRF_TRUSTED_ORIGINS}
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" in trusted
