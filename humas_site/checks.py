"""System checks for settings that contradict each other (``manage.py check``)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security)
def proxy_settings_agree(app_configs, **kwargs):
    """The reverse proxy is declared once, by DJANGO_PROXY_COUNT; the settings
    that also depend on it must say the same (see humas_site.clients)."""
    errors = []
    proxy_count = getattr(settings, "PROXY_COUNT", 0)
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None) and proxy_count == 0:
        errors.append(
            Warning(
                "X-Forwarded-Proto is trusted (DJANGO_PROXY_SSL_HEADER) while "
                "DJANGO_PROXY_COUNT is 0.",
                hint=(
                    "Behind a reverse proxy every visitor would get the proxy's "
                    "address (one shared key for rate limits, lockouts and the view "
                    "counter); without one, clients can forge the header. Set "
                    "DJANGO_PROXY_COUNT=1 behind nginx, or DJANGO_PROXY_SSL_HEADER=0 "
                    "without a proxy."
                ),
                id="humas_site.W001",
            )
        )
    if settings.AXES_CLIENT_IP_CALLABLE != "humas_site.clients.client_ip":
        errors.append(
            Warning(
                "AXES_CLIENT_IP_CALLABLE is not humas_site.clients.client_ip.",
                hint=(
                    "Login lockouts would key on another address than rate limits, "
                    "the view counter and the audit log."
                ),
                id="humas_site.W002",
            )
        )
    return errors
