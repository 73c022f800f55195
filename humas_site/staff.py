"""Staff accounts: staff status from roles, the acting user for the audit log,
and first-login passwords.

An account is staff (may log in to the admin) exactly when it holds a role or
is a superuser: giving a role, wherever it is given (the user form, the shell,
a data import), makes it staff, and taking its last role away ends that.

An account created by an administrator starts with a temporary password and
``StaffProfile.must_change_password`` on. Until its owner has chosen a new
password, every admin page redirects to the admin's "change password" page;
saving a new password there clears the flag. When an administrator sets
someone else's password, the flag is switched on again.
"""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import m2m_changed, post_init, post_migrate, post_save
from django.dispatch import receiver
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .audit import audit_record, current_request
from .models import AuditEvent, StaffProfile
from .roles import staff_by_role, sync_roles


class StaffAccountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self._require_own_password(request) or self.get_response(request)

    def _require_own_password(self, request):
        # The flag is read once at login into the session (see below), so
        # that pages cost no extra query.
        session = getattr(request, "session", None)
        if session is None or not session.get(SESSION_KEY):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
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
SESSION_KEY = "humas_must_change_password"


@receiver(user_logged_in)
def remember_password_duty(sender, request, user, **kwargs):
    session = getattr(request, "session", None)
    if session is None:
        return
    if StaffProfile.objects.filter(user=user, must_change_password=True).exists():
        session[SESSION_KEY] = True
    else:
        session.pop(SESSION_KEY, None)


@receiver(m2m_changed, sender=User.groups.through)
def staff_status_follows_roles(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # group.user_set.add(...): the users are in pk_set
        if not pk_set:
            return
        users = User.objects.filter(pk__in=pk_set)
    else:
        users = User.objects.filter(pk=instance.pk)
    for pk, is_superuser, is_staff in users.values_list(
        "pk", "is_superuser", "is_staff"
    ):
        names = User.groups.through.objects.filter(user_id=pk).values_list(
            "group__name", flat=True
        )
        staff = staff_by_role(is_superuser=is_superuser, role_names=names)
        # Adding only grants, removing only takes away: a group that is not a
        # role changes nothing.
        if staff == is_staff or staff != (action == "post_add"):
            continue
        User.objects.filter(pk=pk).update(is_staff=staff)
        if not reverse:
            instance.is_staff = staff


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
    if by_owner and hasattr(request, "session"):
        request.session.pop(SESSION_KEY, None)
    audit_record(
        action=AuditEvent.Action.PASSWORD_CHANGED,
        obj=instance,
        message=(
            _("Sandi diganti oleh pemiliknya.")
            if by_owner
            else _("Sandi sementara diatur oleh administrator.")
        ),
    )


@receiver(post_migrate)
def sync_roles_after_migrate(sender, **kwargs):
    # Once per migrate, after the last app: by then every model's permissions
    # exist, so roles pick up models added since the data migration.
    if sender.label == list(apps.get_app_configs())[-1].label:
        sync_roles()
