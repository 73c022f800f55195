"""The editorial workflow of articles: draft → in review → published → archived.

Every status change goes through ``article_transition``: it checks that the
transition is allowed from the current status and for this user, records the
change (revision and audit log) and sends the e-mail notifications. The admin
and the contributor form only offer what ``available_transitions`` returns,
and a forged request for anything else is refused here with a message in
Indonesian (``TransitionRefused``).

Who may do what:

- a contributor (may add articles, may not publish) edits drafts of their own
  unit (or that they created) and submits them for review;
- an editor (``news.publish_article``) sends back with a note, publishes or
  schedules, unpublishes and archives, and edits everything.
"""

import datetime
import difflib
import html
import logging
import re

from django.contrib.auth import get_user_model
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html, strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from humas_site.audit import audit_record
from humas_site.models import AuditEvent, InstitutionProfile
from humas_site.roles import PUBLISH_PERMISSION, can_publish, staff_unit
from humas_site.templatetags.humas_tags import tanggal_jam

from .models import Article, ArticlePhoto

logger = logging.getLogger(__name__)

Status = Article.Status


class Transition(models.TextChoices):
    SUBMIT = "submit", gettext_lazy("Kirim untuk ditinjau")
    SEND_BACK = "send_back", gettext_lazy("Kembalikan ke penulis")
    PUBLISH = "publish", gettext_lazy("Terbitkan / jadwalkan")
    UNPUBLISH = "unpublish", gettext_lazy("Tarik dari situs (jadi draf)")
    ARCHIVE = "archive", gettext_lazy("Arsipkan")
    DELETE = "delete", gettext_lazy("Hapus (pindahkan ke arsip)")
    RESTORE = "restore", gettext_lazy("Pulihkan dari arsip (jadi draf)")


# transition: (statuses it starts from, status it leads to)
TRANSITIONS = {
    Transition.SUBMIT: ({Status.DRAFT}, Status.REVIEW),
    Transition.SEND_BACK: ({Status.REVIEW}, Status.DRAFT),
    Transition.PUBLISH: (
        {Status.DRAFT, Status.REVIEW, Status.ARCHIVED},
        Status.PUBLISHED,
    ),
    Transition.UNPUBLISH: ({Status.PUBLISHED}, Status.DRAFT),
    Transition.ARCHIVE: ({Status.PUBLISHED}, Status.ARCHIVED),
    # Deleting is soft: the article leaves the site and every list but stays
    # in the archive, from which an editor or administrator restores it.
    Transition.DELETE: (
        {Status.DRAFT, Status.REVIEW, Status.PUBLISHED},
        Status.ARCHIVED,
    ),
    Transition.RESTORE: ({Status.ARCHIVED}, Status.DRAFT),
}
EDITOR_TRANSITIONS = {
    Transition.SEND_BACK,
    Transition.PUBLISH,
    Transition.UNPUBLISH,
    Transition.ARCHIVE,
    Transition.DELETE,
    Transition.RESTORE,
}


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
    sources, _target = TRANSITIONS[transition]
    if transition in EDITOR_TRANSITIONS and not can_publish(user):
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
    if article.status not in sources:
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


def article_transition(*, article, user, transition, note="", request=None) -> Article:
    """Apply ``transition`` to ``article`` as ``user``; return the article.

    Raises ``TransitionRefused`` when it is not allowed; the refusal is kept
    in the audit log (outside the rolled-back change).
    """
    try:
        with transaction.atomic():
            return _apply_transition(
                article=article,
                user=user,
                transition=transition,
                note=note,
                request=request,
            )
    except TransitionRefused as refusal:
        audit_record(
            action=AuditEvent.Action.REFUSED,
            actor=user,
            obj=article,
            message=f"{transition}: {refusal}",
            request=request,
        )
        raise


def _apply_transition(*, article, user, transition, note, request):
    # The current status from the database, not from a possibly stale form.
    article = Article.objects.select_for_update().get(pk=article.pk)
    transition = check_transition(user=user, article=article, transition=transition)
    note = (note or "").strip()
    if transition == Transition.SEND_BACK and not note:
        raise TransitionRefused(
            _("Tulis catatan untuk penulis: apa yang perlu diperbaiki atau dilengkapi?")
        )

    now = timezone.now()
    previous = article.status
    article.status = TRANSITIONS[transition][1]
    fields = ["status", "updated_at"]
    if transition == Transition.SUBMIT:
        article.submitted_at = now
        article.review_note = ""
        fields += ["submitted_at", "review_note"]
    elif transition == Transition.SEND_BACK:
        article.review_note = note
        article.reviewed_by = user
        fields += ["review_note", "reviewed_by"]
    elif transition == Transition.PUBLISH:
        # A draft is published now unless an editor set a future time (then it
        # is scheduled); a republished archive item keeps its date.
        if previous != Status.ARCHIVED and article.published_at <= now:
            article.published_at = now
        article.reviewed_by = user
        article.review_note = ""
        if not article.editor:
            article.editor = user.get_full_name() or user.get_username()
        fields += ["published_at", "reviewed_by", "review_note", "editor"]
    article._history_user = user
    article._change_reason = str(transition.label)
    article.save(update_fields=fields)

    action = {
        Transition.SUBMIT: AuditEvent.Action.SUBMITTED,
        Transition.SEND_BACK: AuditEvent.Action.SENT_BACK,
        Transition.PUBLISH: (
            AuditEvent.Action.SCHEDULED
            if article.is_scheduled
            else AuditEvent.Action.PUBLISHED
        ),
        Transition.UNPUBLISH: AuditEvent.Action.UNPUBLISHED,
        Transition.ARCHIVE: AuditEvent.Action.ARCHIVED,
        Transition.DELETE: AuditEvent.Action.DELETED,
        Transition.RESTORE: AuditEvent.Action.UNARCHIVED,
    }[transition]
    audit_record(action=action, actor=user, obj=article, message=note, request=request)
    _notify(
        article=article, transition=transition, user=user, note=note, request=request
    )
    return article


LEAD_WORDS = 40


def _lead_and_rest(paragraph):
    """The opening sentences of ``paragraph`` (about ``LEAD_WORDS`` words, at
    least one sentence) and what follows them: the lead and the start of the body,
    so that every word appears once."""
    sentences = re.split(r"(?<=[.!?])\s+", paragraph)
    lead, words = [], 0
    for sentence in sentences:
        count = len(sentence.split())
        if lead and words + count > LEAD_WORDS:
            break
        lead.append(sentence)
        words += count
    return " ".join(lead), " ".join(sentences[len(lead) :])


def article_draft_create(
    *, user, title, what, when=None, where="", who="", photos=()
) -> Article:
    """Create a draft from the contributor's short form: the story's opening
    sentences become the lead and the rest the body, the facts (when, where,
    who) a list below it; the first photo is the featured photo and the others
    the gallery. Each appears once on the page. Editors rewrite it as needed.

    All or nothing: when anything fails (the disk is full, the database
    refuses), the rows are rolled back and the photos already written are
    deleted again, so no file is left without its row."""
    paragraphs = [p.strip() for p in what.replace("\r", "").split("\n\n") if p.strip()]
    lead = ""
    if paragraphs:
        lead, rest = _lead_and_rest(paragraphs[0].replace("\n", " "))
        paragraphs = [rest, *paragraphs[1:]] if rest else paragraphs[1:]
    body = "".join(
        format_html("<p>{}</p>", p).replace("\n", "<br>") for p in paragraphs
    )
    facts = [
        (_("Waktu"), date_format(when, "l, j F Y") if when else ""),
        (_("Tempat"), where.strip()),
        (_("Yang terlibat"), who.strip()),
    ]
    items = "".join(
        format_html("<li><strong>{}:</strong> {}</li>", label, value)
        for label, value in facts
        if value
    )
    if items:
        body += f"<ul>{items}</ul>"
    if not body:  # a short story and no facts: it is the body, not the lead
        body, lead = format_html("<p>{}</p>", lead), ""
    article = Article(
        title=title.strip(),
        slug=_unique_slug(title),
        lead=lead,
        body=body,
        unit=staff_unit(user),
        writer=user.get_full_name() or user.get_username(),
        created_by=user,
        status=Status.DRAFT,
    )
    written = []
    try:
        with transaction.atomic():
            if photos:
                article.featured_image.save(photos[0].name, photos[0], save=False)
                written.append(article.featured_image)
                article.image_credit = _("dok. %(unit)s") % {
                    "unit": article.unit.name if article.unit else article.writer
                }
            article._history_user = user
            article.full_clean()
            article.save()
            for order, photo in enumerate(photos[1:]):
                photo.seek(0)
                item = ArticlePhoto(article=article, order=order)
                item.image.save(photo.name, photo, save=False)
                written.append(item.image)
                item.save()
    except BaseException:
        for stored in written:
            stored.storage.delete(stored.name)
        raise
    return article


def _unique_slug(title):
    base = slugify(title)[:200] or "berita"
    slug, number = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


# ---- notifications ----
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


def _notify(*, article, transition, user, note, request=None):
    prefix = f"[{InstitutionProfile.objects.current().short_name or 'Humas'}] "
    url = _absolute(reverse("admin:news_article_change", args=[article.pk]), request)
    writer = article.created_by
    if transition == Transition.SUBMIT:
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
    elif transition == Transition.SEND_BACK:
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
    elif transition == Transition.PUBLISH:
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


# ---- revisions ----
def _words(value):
    if isinstance(value, datetime.datetime):
        # In the office's time zone, in Indonesian, not a raw UTC timestamp;
        # one piece, so the comparison reads "old time → new time".
        return [tanggal_jam(value, national=False)]
    text = strip_tags(str(value if value is not None else ""))
    return html.unescape(text).split()


def revision_changes(older, newer):
    """What changed between two revisions, readable: one entry per changed
    field with its label and word-level pieces ("same", "del", "ins")."""
    delta = newer.diff_against(older)
    changes = []
    for change in delta.changes:
        field = Article._meta.get_field(change.field)
        old_words, new_words = _words(change.old), _words(change.new)
        pieces = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                pieces.append(("same", " ".join(old_words[a1:a2])))
                continue
            if a2 > a1:
                pieces.append(("del", " ".join(old_words[a1:a2])))
            if b2 > b1:
                pieces.append(("ins", " ".join(new_words[b1:b2])))
        changes.append({"label": field.verbose_name, "pieces": pieces})
    return changes
