"""The audit log: who did what, to what, and when.

``audit_record`` is the one writer of ``AuditEvent``. The editorial workflow
(news/workflow.py) and the content hand-over call it explicitly; logins,
failed logins, logouts, role changes and deletions of content and accounts
are recorded by the signal receivers below, because they happen inside Django
(auth views, the admin's delete pages) where no service of ours runs.

The request being served is kept by django-simple-history's
``HistoryRequestMiddleware`` (one mechanism for revisions and the audit log),
so that a deletion or a role change made through the admin is attributed to
whoever made it.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import (
    user_logged_in,
    user_logged_out,
    user_login_failed,
)
from django.db.models.signals import m2m_changed, post_delete
from django.dispatch import receiver
from simple_history.models import HistoricalRecords

from .clients import client_ip
from .models import AuditEvent
from .roles import ROLES

logger = logging.getLogger(__name__)

# Deleting one of these is recorded (app_label.ModelName).
AUDITED_DELETIONS = {
    "news.Article",
    "news.Category",
    "agendas.Event",
    "meetings.Meeting",
    "humas_site.Unit",
    "flatpages.FlatPage",
    "auth.User",
    "auth.Group",
}


def current_request():
    """The request being served in this thread or task, or None (kept by
    ``simple_history.middleware.HistoryRequestMiddleware``)."""
    return getattr(HistoricalRecords.context, "request", None)


def _client_ip(request):
    return (client_ip(request) or None) if request else None


def audit_record(*, action, actor=None, obj=None, message="", request=None):
    """Write one audit event. ``actor`` and ``request`` default to the current
    request's user; ``obj`` is any model instance (kept as type, id and text,
    so the line survives the object's deletion)."""
    request = request or current_request()
    if actor is None and request is not None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    event = AuditEvent(
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor.get_username() if actor is not None else "",
        message=str(message)[:2000],
        ip_address=_client_ip(request),
    )
    if obj is not None:
        event.object_type = str(obj._meta.verbose_name)[:100]
        event.object_id = str(obj.pk or "")[:64]
        event.object_repr = str(obj)[:250]
    event.save()
    return event


@receiver(user_logged_in)
def record_login(sender, request, user, **kwargs):
    audit_record(action=AuditEvent.Action.LOGIN, actor=user, request=request)


@receiver(user_logged_out)
def record_logout(sender, request, user, **kwargs):
    if user is not None:
        audit_record(action=AuditEvent.Action.LOGOUT, actor=user, request=request)


@receiver(user_login_failed)
def record_failed_login(sender, credentials, request=None, **kwargs):
    # The password is never stored; Django already masks it in ``credentials``.
    # A failed login has no actor, even inside a session: the account name
    # column shows the username that was tried.
    username = str(credentials.get("username", ""))[:150]
    event = audit_record(
        action=AuditEvent.Action.LOGIN_FAILED,
        request=request,
        message=username,
    )
    AuditEvent.objects.filter(pk=event.pk).update(actor=None, actor_name=username)


@receiver(m2m_changed, sender=get_user_model().groups.through)
def record_role_change(sender, instance, action, reverse, pk_set, model, **kwargs):
    if action not in ("post_add", "post_remove", "pre_clear") or reverse:
        return
    if action == "pre_clear":
        names = list(
            instance.groups.filter(name__in=ROLES).values_list("name", flat=True)
        )
    else:
        names = list(
            model.objects.filter(pk__in=pk_set or [], name__in=ROLES).values_list(
                "name", flat=True
            )
        )
    if not names:
        return
    verb = "ditambahkan" if action == "post_add" else "dicabut"
    audit_record(
        action=AuditEvent.Action.ROLE_CHANGED,
        obj=instance,
        message=f"Peran {verb}: {', '.join(sorted(names))}",
    )


@receiver(post_delete)
def record_deletion(sender, instance, **kwargs):
    label = f"{sender._meta.app_label}.{sender.__name__}"
    if label not in AUDITED_DELETIONS:
        return
    try:
        audit_record(action=AuditEvent.Action.DELETED, obj=instance)
    except Exception:  # pragma: no cover - never block a deletion on the log
        logger.exception("audit: could not record the deletion of %s", label)
