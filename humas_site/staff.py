"""Staff accounts: the acting user for the audit log, and first-login passwords.

An account created by an administrator starts with a temporary password and
``StaffProfile.must_change_password`` on. Until its owner has chosen a new
password, every admin page redirects to the admin's "change password" page;
saving a new password there clears the flag. When an administrator sets
someone else's password, the flag is switched on again.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models.signals import post_init, post_save
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .audit import (
    audit_record,
    current_request,
    reset_current_request,
    set_current_request,
)
from .models import AuditEvent, StaffProfile


class StaffAccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = set_current_request(request)
        try:
            redirect_response = self._require_own_password(request)
            return redirect_response or self.get_response(request)
        finally:
            reset_current_request(token)

    def _require_own_password(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or not user.is_staff:
            return None
        profile = (
            StaffProfile.objects.filter(user=user).only("must_change_password").first()
        )
        if profile is None or not profile.must_change_password:
            return None
        allowed = {
            reverse("admin:password_change"),
            reverse("admin:password_change_done"),
            reverse("admin:logout"),
            reverse("admin:jsi18n"),
        }
        if request.path in allowed or not request.path.startswith(
            reverse("admin:index")
        ):
            return None
        messages.info(
            request,
            _(
                "Selamat datang! Akun ini masih memakai sandi sementara dari "
                "administrator. Buat sandi Anda sendiri (minimal 12 karakter) "
                "sebelum mulai bekerja."
            ),
        )
        return redirect("admin:password_change")


User = get_user_model()


@receiver(post_init, sender=User)
def remember_password_hash(sender, instance, **kwargs):
    instance._loaded_password = instance.password


@receiver(post_save, sender=User)
def password_set(sender, instance, created, update_fields=None, **kwargs):
    # Partial saves are Django's own bookkeeping (last_login, or the hash
    # upgraded at login); the password forms save the whole row.
    if created or update_fields:
        instance._loaded_password = instance.password
        return
    if instance.password == getattr(instance, "_loaded_password", instance.password):
        return
    instance._loaded_password = instance.password
    request = current_request()
    if request is None:
        return  # shell or management command (seed_demo, createsuperuser)
    actor = getattr(request, "user", None)
    by_owner = actor is None or not actor.is_authenticated or actor.pk == instance.pk
    # The owner chose a password: done. Someone else set it: it is temporary.
    StaffProfile.objects.filter(user=instance).update(must_change_password=not by_owner)
    audit_record(
        action=AuditEvent.Action.PASSWORD_CHANGED,
        obj=instance,
        message=(
            _("Sandi diganti oleh pemiliknya.")
            if by_owner
            else _("Sandi sementara diatur oleh administrator.")
        ),
    )
