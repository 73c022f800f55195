"""Failed logins: lock the address that fails, slow down a username under attack.

django-axes locks a username *from one address* (``AXES_LOCKOUT_PARAMETERS =
[["username", "ip_address"]]``) for 30 minutes after five failures: a
stranger's failures lock only the stranger.

A slower guard covers guessing from many addresses at once: once a username has
``LOGIN_USERNAME_THROTTLE_FAILURES`` failures within
``LOGIN_USERNAME_THROTTLE_WINDOW`` seconds (counted on the shared cache, all
addresses together), that username gets one password attempt every
``LOGIN_USERNAME_THROTTLE_DELAY`` seconds; the others are answered "try again
in N seconds" without checking the password and without counting as a
failure. It delays, it never locks. A browser in which the account's owner
has logged in before (a signed, HttpOnly cookie set at login, after the
authenticator code when two-factor login is on) is not delayed at all, so
strangers' failures never keep staff out of their own browser.
"""

import hashlib
import time

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.shortcuts import render

from .ratelimit import window_add, window_count

DEVICE_COOKIE = "humas_login_device"
DEVICE_COOKIE_SALT = "humas_site.logins.device"
DEVICE_COOKIE_AGE = 180 * 24 * 60 * 60


def _normalise(username):
    return str(username or "").strip().lower()


def _username_key(username, suffix):
    digest = hashlib.sha256(_normalise(username).encode()).hexdigest()[:32]
    return f"login:user:{digest}:{suffix}"


def username_failures(username):
    """Failed logins for ``username`` from all addresses in the current window."""
    try:
        return window_count(
            "login-failures",
            _normalise(username),
            settings.LOGIN_USERNAME_THROTTLE_WINDOW,
        )
    except Exception:  # a cache outage must not block logins
        return 0


def _count_failure(username):
    try:
        window_add(
            "login-failures",
            _normalise(username),
            settings.LOGIN_USERNAME_THROTTLE_WINDOW,
        )
    except Exception:
        pass


def is_known_device(request, username):
    """True when this browser carries the login cookie of ``username``."""
    try:
        value = request.get_signed_cookie(
            DEVICE_COOKIE, salt=DEVICE_COOKIE_SALT, max_age=DEVICE_COOKIE_AGE
        )
    except (KeyError, signing.BadSignature):
        return False
    return bool(username) and value == _normalise(username)


def username_wait(request, username):
    """Seconds this attempt for ``username`` must wait, or 0 to go ahead.

    Taking the one attempt per delay is atomic (``cache.add``), so concurrent
    attempts from many addresses cannot all slip through.
    """
    if not username or is_known_device(request, username):
        return 0
    if username_failures(username) < settings.LOGIN_USERNAME_THROTTLE_FAILURES:
        return 0
    delay = settings.LOGIN_USERNAME_THROTTLE_DELAY
    key = _username_key(username, "slot")
    try:
        if cache.add(key, time.time() + delay, delay):
            return 0
        until = cache.get(key)
    except Exception:
        return 0
    if until is None:  # expired between add() and get()
        return 0
    return max(1, int(until - time.time()) + 1)


class LoginThrottleHandler(AxesDatabaseHandler):
    """django-axes' database handler plus the per-username delay above."""

    def is_allowed(self, request, credentials=None):
        if not super().is_allowed(request, credentials):
            return False
        wait = username_wait(request, get_client_username(request, credentials))
        if wait:
            request.humas_login_wait = wait
            return False
        request.humas_password_checked = True
        return True

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        if request is not None and getattr(request, "humas_login_wait", 0):
            # Delayed, not checked: nothing to count against anyone.
            request.axes_locked_out = True
            request.axes_credentials = credentials
            return
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and getattr(request, "humas_password_checked", False):
            _count_failure(get_client_username(request, credentials))

    def user_logged_in(self, sender, request, user, **kwargs):
        super().user_logged_in(sender, request, user, **kwargs)
        if request is not None:
            request.humas_known_device = _normalise(user.get_username())


def lockout_response(request, original_response=None, credentials=None):
    """``AXES_LOCKOUT_CALLABLE``: "locked for 30 minutes from this address", or
    "this account is under attack, try again in N seconds"."""
    wait = getattr(request, "humas_login_wait", 0)
    response = render(
        request,
        settings.AXES_LOCKOUT_TEMPLATE,
        {"wait_seconds": wait},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    response["Retry-After"] = str(
        wait or int(settings.AXES_COOLOFF_TIME.total_seconds())
    )
    return response


class LoginDeviceCookieMiddleware:
    """Marks the browser after a successful login (see the module doc)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        username = getattr(request, "humas_known_device", None)
        if username:
            response.set_signed_cookie(
                DEVICE_COOKIE,
                username,
                salt=DEVICE_COOKIE_SALT,
                max_age=DEVICE_COOKIE_AGE,
                secure=settings.SESSION_COOKIE_SECURE,
                httponly=True,
                samesite="Lax",
            )
        return response
