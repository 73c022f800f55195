from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView


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
