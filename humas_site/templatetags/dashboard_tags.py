from django import template

from humas_site.dashboard import build_dashboard

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def dashboard(context):
    """The role-dependent dashboard above the admin's app list."""
    request = context["request"]
    return {"request": request, **build_dashboard(request.user)}
