"""The rules of the editorial workflow: draft → in review → published → archived.

This module holds rules only. Every status change goes through
``news.services.article_transition``: it checks here that the transition is
allowed from the current status and for this user, records the change
(revision and audit log) and sends the e-mails of ``news.notifications``. The admin
and the contributor form only offer what ``available_transitions`` returns,
and a forged request for anything else is refused here with a message in
Indonesian (``TransitionRefused``).

Who may do what:

- a contributor (may add articles, may not publish) edits drafts of their own
  unit (or that they created) and submits them for review;
- an editor (``news.publish_article``) sends back with a note, publishes or
  schedules, unpublishes and archives, and edits everything.
"""

from dataclasses import dataclass

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from humas_site.models import AuditEvent
from humas_site.roles import PUBLISH_PERMISSION, can_publish, staff_unit

from .models import Article

Status = Article.Status


class Transition(models.TextChoices):
    SUBMIT = "submit", gettext_lazy("Kirim untuk ditinjau")
    SEND_BACK = "send_back", gettext_lazy("Kembalikan ke penulis")
    PUBLISH = "publish", gettext_lazy("Terbitkan / jadwalkan")
    UNPUBLISH = "unpublish", gettext_lazy("Tarik dari situs (jadi draf)")
    ARCHIVE = "archive", gettext_lazy("Arsipkan")
    DELETE = "delete", gettext_lazy("Hapus (pindahkan ke arsip)")
    RESTORE = "restore", gettext_lazy("Pulihkan dari arsip (jadi draf)")


@dataclass(frozen=True)
class Rule:
    """One row of the transition table: everything about one transition."""

    sources: frozenset  # the statuses it starts from
    target: str  # the status it leads to
    editor_only: bool  # needs the publish permission (the Editor role)
    audit: str  # the audit-log action recorded
    audit_scheduled: str = ""  # ... instead, when the article is scheduled
    email: str = ""  # the e-mail sent (news.notifications.transition_notify)
    action: str = ""  # the admin's bulk action applying it to a selection
    action_label: str = ""
    action_permission: str = "publish"  # the admin permission it needs


Action = AuditEvent.Action

# One row per transition; the admin actions, the permission checks, the audit
# log and the e-mails are read from here.
RULES = {
    Transition.SUBMIT: Rule(
        sources=frozenset({Status.DRAFT}),
        target=Status.REVIEW,
        editor_only=False,
        audit=Action.SUBMITTED,
        email="review_requested",
        action="submit",
        action_label=gettext_lazy("Kirim yang dipilih untuk ditinjau"),
        action_permission="submit",
    ),
    Transition.SEND_BACK: Rule(
        sources=frozenset({Status.REVIEW}),
        target=Status.DRAFT,
        editor_only=True,
        audit=Action.SENT_BACK,
        email="sent_back",
    ),
    Transition.PUBLISH: Rule(
        sources=frozenset({Status.DRAFT, Status.REVIEW, Status.ARCHIVED}),
        target=Status.PUBLISHED,
        editor_only=True,
        audit=Action.PUBLISHED,
        audit_scheduled=Action.SCHEDULED,
        email="published",
        # A future published_at keeps the article scheduled until then.
        action="publish",
        action_label=gettext_lazy("Terbitkan berita yang dipilih"),
    ),
    Transition.UNPUBLISH: Rule(
        sources=frozenset({Status.PUBLISHED}),
        target=Status.DRAFT,
        editor_only=True,
        audit=Action.UNPUBLISHED,
        action="unpublish",
        action_label=gettext_lazy("Tarik kembali menjadi draf"),
    ),
    Transition.ARCHIVE: Rule(
        sources=frozenset({Status.PUBLISHED}),
        target=Status.ARCHIVED,
        editor_only=True,
        audit=Action.ARCHIVED,
        action="archive",
        action_label=gettext_lazy("Arsipkan"),
    ),
    Transition.RESTORE: Rule(
        sources=frozenset({Status.ARCHIVED}),
        target=Status.DRAFT,
        editor_only=True,
        audit=Action.UNARCHIVED,
        action="restore",
        action_label=gettext_lazy("Pulihkan dari arsip (jadi draf)"),
    ),
    # Deleting is soft: the article leaves the site and every list but stays
    # in the archive, from which an editor or administrator restores it.
    Transition.DELETE: Rule(
        sources=frozenset({Status.DRAFT, Status.REVIEW, Status.PUBLISHED}),
        target=Status.ARCHIVED,
        editor_only=True,
        audit=Action.DELETED,
        action="move_to_archive",
        action_label=gettext_lazy("Hapus dari situs (pindahkan ke arsip)"),
        action_permission="delete",
    ),
}


def audit_action(transition, article):
    """The audit-log action of ``transition`` just applied to ``article``."""
    rule = RULES[transition]
    return (
        rule.audit_scheduled
        if article.is_scheduled and rule.audit_scheduled
        else rule.audit
    )


class TransitionRefused(Exception):
    """A status change that is not allowed; ``str()`` is the message for the user."""


def visible_articles(user, queryset=None):
    """The articles ``user`` may see in the back office: everything for editors
    and readers (Pimpinan), only their unit's (or their own) for contributors."""
    queryset = Article.objects.all() if queryset is None else queryset
    if not is_unit_writer(user):
        return queryset
    unit = staff_unit(user)
    own = Q(created_by=user)
    return queryset.filter(own | Q(unit=unit) if unit else own)


def is_unit_writer(user):
    """A contributor: may write articles, may not publish them."""
    return (
        user.is_authenticated
        and not user.is_superuser
        and user.has_perm("news.add_article")
        and not user.has_perm(PUBLISH_PERMISSION)
    )


def belongs_to_writer(user, article):
    unit = staff_unit(user)
    return article.created_by_id == user.pk or (
        unit is not None and article.unit_id == unit.pk
    )


def can_edit(user, article):
    """Editors edit everything; a contributor only drafts of their own unit."""
    if not user.is_active or not user.has_perm("news.change_article"):
        return False
    if can_publish(user):
        return True
    return article.status == Status.DRAFT and belongs_to_writer(user, article)


def check_transition(*, user, article, transition):
    """Raise ``TransitionRefused`` unless ``user`` may apply ``transition`` now."""
    try:
        transition = Transition(transition)
    except ValueError:
        raise TransitionRefused(_("Tindakan tidak dikenal.")) from None
    rule = RULES[transition]
    if rule.editor_only and not can_publish(user):
        if transition == Transition.PUBLISH:
            raise TransitionRefused(
                _(
                    "Kontributor tidak dapat menerbitkan berita. Kirim draf untuk "
                    "ditinjau; editor yang akan menerbitkannya."
                )
            )
        raise TransitionRefused(
            _("Hanya editor yang dapat melakukan tindakan «%(action)s».")
            % {"action": transition.label}
        )
    if transition == Transition.SUBMIT and not (
        can_publish(user)
        or (user.has_perm("news.change_article") and belongs_to_writer(user, article))
    ):
        raise TransitionRefused(
            _("Anda hanya dapat mengirim draf unit kerja Anda sendiri.")
        )
    if article.status not in rule.sources:
        raise TransitionRefused(
            _(
                "Tindakan «%(action)s» tidak berlaku untuk berita berstatus "
                "«%(status)s»."
            )
            % {"action": transition.label, "status": article.get_status_display()}
        )
    return transition


def available_transitions(*, user, article):
    """The transitions ``user`` may apply to ``article`` now, in a stable order."""
    allowed = []
    for transition in Transition:
        try:
            check_transition(user=user, article=article, transition=transition)
        except TransitionRefused:
            continue
        allowed.append(transition)
    return allowed
