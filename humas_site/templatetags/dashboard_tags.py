from django import template

from humas_site.clients import connection_report
from humas_site.dashboard import build_dashboard

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def dashboard(context):
    """The role-dependent dashboard above the admin's app list."""
    request = context["request"]
    data = {"request": request, **build_dashboard(request.user)}
    # Administrators check the proxy setup in one look: the address the
    # application sees for their own request (see humas_site.clients).
    if request.user.has_perm("auth.change_user"):
        data["connection"] = connection_report(request)
    return data
