"""E-mails of the editorial workflow: who hears about a status change."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.urls import reverse
from django.utils.translation import gettext as _

from humas_site.models import InstitutionProfile
from humas_site.roles import PUBLISH_PERMISSION

from .workflow import RULES

logger = logging.getLogger("news.workflow")


def _absolute(path, request):
    """A full address for e-mails: from the request when there is one, else
    from the Sites framework's domain."""
    if request is not None:
        return request.build_absolute_uri(path)
    domain = Site.objects.get_current().domain
    return f"https://{domain}{path}"


def editors_to_notify():
    """Active accounts with the publish permission (the Editor role) and an
    e-mail address; superusers only when they hold the role."""
    return (
        get_user_model()
        .objects.with_perm(
            PUBLISH_PERMISSION,
            include_superusers=False,
            backend="django.contrib.auth.backends.ModelBackend",
        )
        .filter(is_active=True)
        .exclude(email="")
    )


def transition_notify(*, article, transition, user, note, request=None):
    """E-mail the people a status change concerns (never fails the change)."""
    prefix = f"[{InstitutionProfile.objects.current().short_name or 'Humas'}] "
    url = _absolute(reverse("admin:news_article_change", args=[article.pk]), request)
    writer = article.created_by
    email = RULES[transition].email
    if email == "review_requested":
        recipients = [u.email for u in editors_to_notify().exclude(pk=user.pk)]
        subject = _("Berita menunggu tinjauan: %(title)s") % {"title": article.title}
        body = _(
            "%(name)s mengirim berita untuk ditinjau:\n\n%(title)s\n\n"
            "Buka antrean tinjauan: %(url)s"
        ) % {
            "name": user.get_full_name() or user.get_username(),
            "title": article.title,
            "url": url,
        }
    elif email == "sent_back":
        recipients = [writer.email] if writer and writer.email else []
        subject = _("Berita dikembalikan untuk diperbaiki: %(title)s") % {
            "title": article.title
        }
        body = _(
            "Editor %(name)s mengembalikan berita Anda dengan catatan:\n\n%(note)s"
            "\n\nPerbaiki lalu kirim lagi: %(url)s"
        ) % {
            "name": user.get_full_name() or user.get_username(),
            "note": note,
            "url": url,
        }
    elif email == "published":
        recipients = (
            [writer.email] if writer and writer.email and writer != user else []
        )
        if article.is_scheduled:
            subject = _("Berita Anda dijadwalkan terbit: %(title)s")
        else:
            subject = _("Berita Anda sudah terbit: %(title)s")
        subject = subject % {"title": article.title}
        body = _("Terima kasih atas tulisannya.\n\n%(title)s\n%(url)s") % {
            "title": article.title,
            "url": _absolute(article.get_absolute_url(), request),
        }
    else:
        return
    if not recipients:
        return
    try:
        send_mail(prefix + subject, body, None, recipients)
    except Exception:
        # A mail server outage must not undo the editorial decision.
        logger.exception("workflow: notification for article %s not sent", article.pk)
