"""The client's IP address: one rule for lockouts, rate limits and view counts."""

from axes.helpers import get_client_ip_address


def client_ip(request):
    """REMOTE_ADDR, or behind ``DJANGO_PROXY_COUNT`` trusted reverse proxies the
    address the outermost one saw (django-ipware, configured in settings for
    django-axes). A client-supplied X-Forwarded-For is never trusted otherwise.
    """
    return get_client_ip_address(request) or ""
