from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import TemplateView
from django.views.static import serve
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from two_factor.views import SetupCompleteView, SetupView

from .models import InstitutionProfile


class HomeView(TemplateView):
    template_name = "humas_site/home.html"


def _database_ok():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache_ok():
    try:
        cache.set("healthz", "ok", 10)
        return cache.get("healthz") == "ok"
    except Exception:  # any backend error (Redis down, timeout) means unhealthy
        return False


@never_cache
@require_GET
def healthz(request):
    checks = {"database": _database_ok(), "cache": _cache_ok()}
    healthy = all(checks.values())
    body = {"status": "ok" if healthy else "error"} | {
        name: "ok" if ok else "error" for name, ok in checks.items()
    }
    return JsonResponse(body, status=200 if healthy else 503)


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")


def choose_language(request, language):
    """Remember the reader's language in a cookie and go back.

    A plain link rather than Django's POST ``set_language`` form, so public
    pages carry no CSRF token and stay cacheable.
    """
    if language not in dict(settings.LANGUAGES):
        raise Http404
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 60 * 60,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


@require_GET
def favicon(request):
    """/favicon.ico, asked for by pages without an icon link (the admin)."""
    profile = InstitutionProfile.objects.current()
    url = profile.logo.url if profile.logo else static("img/favicon.png")
    response = HttpResponseRedirect(url)
    response["Cache-Control"] = "public, max-age=86400"
    return response


def csrf_failure(request, reason=""):
    """A failed CSRF check: the site's own 403 page, saying what to do."""
    return render(request, "403.html", {"csrf_failure": True}, status=403)


# What may be served from MEDIA_ROOT, as the reverse proxy would serve it:
# re-encoded photos and their renditions, and PDF letters as downloads.
# Anything else (HTML, SVG, scripts a mistake might have put there) is a 404.
MEDIA_TYPES = {".jpg", ".jpeg", ".png", ".webp", ".pdf"}


@require_safe
def media(request, path):
    """Uploads from MEDIA_ROOT when no proxy serves them (DJANGO_SERVE_MEDIA)."""
    suffix = "." + path.rsplit(".", 1)[-1].lower() if "." in path else ""
    if suffix not in MEDIA_TYPES:
        raise Http404
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    if suffix == ".pdf":
        response["Content-Disposition"] = "attachment"
    return response


# ---- two-factor enrolment ends with the backup codes ----
BACKUP_CODES_SESSION_KEY = "humas_show_backup_codes"
BACKUP_CODE_COUNT = 10


class TwoFactorSetupView(SetupView):
    """django-two-factor-auth's enrolment; finishing it also creates a fresh
    set of backup codes, shown once on the next page."""

    def get_success_url(self):
        # Always through the backup codes; a page waiting ("next") follows.
        next_url = self.get_redirect_url()
        if next_url:
            self.request.session["next"] = next_url
        return reverse(self.success_url)

    def done(self, form_list, **kwargs):
        response = super().done(form_list, **kwargs)
        device, _created = StaticDevice.objects.get_or_create(
            user=self.request.user, name="backup"
        )
        device.token_set.all().delete()
        StaticToken.objects.bulk_create(
            StaticToken(device=device, token=StaticToken.random_token())
            for _number in range(BACKUP_CODE_COUNT)
        )
        self.request.session[BACKUP_CODES_SESSION_KEY] = True
        return response


class TwoFactorSetupCompleteView(SetupCompleteView):
    """The end of enrolment: the backup codes once, to print or download."""

    def get(self, request, *args, **kwargs):
        # The codes come first, also when another page is waiting ("next").
        return TemplateView.get(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        session = self.request.session
        codes = []
        if session.pop(BACKUP_CODES_SESSION_KEY, False):
            codes = list(
                StaticToken.objects.filter(
                    device__user=self.request.user, device__name="backup"
                ).values_list("token", flat=True)
            )
        return {
            **super().get_context_data(**kwargs),
            "backup_codes": codes,
            "backup_codes_text": "\r\n".join(codes),
            "next_url": session.pop("next", None) or reverse("admin:index"),
        }
