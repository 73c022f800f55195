from django.conf import settings
from django.contrib import admin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from two_factor.admin import AdminSiteOTPRequiredMixin

from .models import InstitutionProfile


class HumasAdminSite(AdminSiteOTPRequiredMixin, admin.AdminSite):
    """The admin, requiring a verified second factor when STAFF_2FA_REQUIRED.

    With two-factor required, logging in goes through django-two-factor-auth's
    login (password, then the authenticator code); staff without a device yet
    are sent to set one up. Without it (the local demo), Django's own login
    page is used and the setup page is offered from the admin's user menu.
    """

    index_title = _("Panel admin")

    def each_context(self, request):
        # The office's own name (and, in admin/base_site.html, its logo) heads
        # every admin page, as on its public site.
        context = super().each_context(request)
        institution = InstitutionProfile.objects.current()
        context["site_header"] = context["site_title"] = institution.name
        context["institution"] = institution
        return context

    def has_permission(self, request):
        if settings.STAFF_2FA_REQUIRED:
            return super().has_permission(request)
        return admin.AdminSite.has_permission(self, request)

    def login(self, request, extra_context=None):
        if not settings.STAFF_2FA_REQUIRED:
            return admin.AdminSite.login(self, request, extra_context)
        user = request.user
        if user.is_authenticated and user.is_staff and not user.is_verified():
            return redirect("two_factor:setup")
        return super().login(request, extra_context)
