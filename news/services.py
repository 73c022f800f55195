"""Every write of the news app: view counts, reader comments and their
moderation, workflow transitions (the rules are in ``news.workflow``), drafts
and the search copy of tag names.

The view counter's request side (which POSTs count as a human view): the
article page sends a same-origin ``navigator.sendBeacon`` POST after it
loaded; only that counts, so the count stays right when the page itself came
from a cache, and link-preview fetchers, prefetchers and HEAD/GET requests
never count. See shared DESIGN.md §4.
"""

import hashlib
import ipaddress
import logging
import re

import crawleruseragents
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_comments import signals as comment_signals

from humas_site import page_cache
from humas_site.audit import audit_record
from humas_site.clients import client_ip
from humas_site.models import AuditEvent
from humas_site.roles import staff_unit

from .models import COMMENT_STATE_VALUES, Article, ArticlePhoto, Category
from .notifications import transition_notify
from .workflow import (
    RULES,
    Transition,
    TransitionRefused,
    audit_action,
    check_transition,
)

logger = logging.getLogger(__name__)

# The general news category, where a draft written from another record starts.
NEWS_CATEGORY_SLUG = "berita"

# A reader who reloads the page within this many seconds is counted once.
VIEW_WINDOW_SECONDS = getattr(settings, "NEWS_VIEW_WINDOW_SECONDS", 30 * 60)


def is_crawler(user_agent):
    """Bots and link-preview fetchers, from the maintained crawler-user-agents list
    (many of them, like WhatsApp or facebookexternalhit, never say "bot")."""
    return not user_agent or crawleruseragents.is_crawler(user_agent)


def reader_key(*, article, request):
    """A cache key per reader and article that reveals neither IP nor UA."""
    raw = "|".join(
        [
            settings.SECRET_KEY,
            client_ip(request),
            request.META.get("HTTP_USER_AGENT", ""),
            str(article.pk),
        ]
    )
    return "news:seen:" + hashlib.sha256(raw.encode()).hexdigest()


def _first_time_in_window(key):
    """True unless this reader was already counted within the window.

    When the cache is down the view is counted rather than lost: Django's
    backends raise, django-redis with IGNORE_EXCEPTIONS returns None instead
    of True/False.
    """
    try:
        added = cache.add(key, 1, VIEW_WINDOW_SECONDS)
    except Exception:
        added = None
    if added is None:
        logger.warning("view counter: cache unavailable, counting without dedup")
        return True
    return bool(added)


def article_view_register(*, article: Article, request) -> bool:
    """Count ``request`` as a view of ``article`` if it is a human's first view
    in the window; return whether it counted."""
    if request.method != "POST":
        return False
    if is_crawler(request.META.get("HTTP_USER_AGENT", "")):
        return False
    if request.user.is_authenticated and request.user.is_staff:
        return False
    if not _first_time_in_window(reader_key(article=article, request=request)):
        return False
    article.register_view()
    return True


def _valid_ip(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


@transaction.atomic
def comment_submit(*, form, request):
    """Save the comment of a valid ``ArticleCommentForm``: private until an
    editor approves it (or spam), with the client's address. Goes through the
    django-contrib-comments signals, so the moderator of ``news.comments``
    applies; returns None when it refuses the comment (comments closed)."""
    comment = form.get_comment_object(site_id=get_current_site(request).pk)
    comment.ip_address = _valid_ip(client_ip(request))
    responses = comment_signals.comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    if any(response is False for _receiver, response in responses):
        return None
    comment.full_clean(exclude=["content_type", "site", "user"])
    comment.save()
    comment_signals.comment_was_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    return comment


def comments_moderate(queryset, state):
    """Put the comments of ``queryset`` in moderation ``state`` (approved,
    rejected or spam); return how many changed."""
    count = queryset.update(**COMMENT_STATE_VALUES[state])
    # update() sends no signals: public article pages change, so start a new
    # page-cache generation explicitly.
    page_cache.new_generation()
    return count


# ---- the editorial workflow (rules in news.workflow) ----
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
    article.status = RULES[transition].target
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
        if previous != Article.Status.ARCHIVED and article.published_at <= now:
            article.published_at = now
        article.reviewed_by = user
        article.review_note = ""
        if not article.editor:
            article.editor = user.get_full_name() or user.get_username()
        fields += ["published_at", "reviewed_by", "review_note", "editor"]
    article._history_user = user
    article._change_reason = str(transition.label)
    article.save(update_fields=fields)

    action = audit_action(transition, article)
    audit_record(action=action, actor=user, obj=article, message=note, request=request)
    transition_notify(
        article=article, transition=transition, user=user, note=note, request=request
    )
    return article


# ---- drafts ----
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
        slug=article_unique_slug(title),
        lead=lead,
        body=body,
        unit=staff_unit(user),
        writer=user.get_full_name() or user.get_username(),
        created_by=user,
        status=Article.Status.DRAFT,
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


def article_unique_slug(title, *, fallback="berita"):
    """A slug for a new article from ``title`` (``fallback`` when the title
    gives none) that no article has yet: ``-2``, ``-3``... appended."""
    base = slugify(title)[:200] or fallback
    slug, number = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def article_about_meeting(meeting):
    """The article written about ``meeting`` (draft or published), or None."""
    return Article.objects.filter(meeting=meeting).order_by("pk").first()


@transaction.atomic
def article_draft_about_meeting(*, meeting, lead, body, tag, user=None) -> Article:
    """A draft article about ``meeting`` with its title, unit and the given
    ``lead``, ``body`` and ``tag``, in the general news category (Berita)."""
    article = Article(
        title=meeting.title,
        slug=article_unique_slug(meeting.title, fallback="berita-rapat"),
        lead=lead,
        body=body,
        status=Article.Status.DRAFT,
        unit=meeting.organiser_unit,
        category=Category.objects.filter(slug=NEWS_CATEGORY_SLUG).first(),
        meeting=meeting,
        created_by=user,
        writer=user.get_full_name() if user else "",
    )
    article.full_clean(exclude=["tags"])
    article.save()
    article.tags.add(tag)
    return article


# ---- search ----
def refresh_search_tags(article_ids):
    """Copy the current tag names onto the articles ``article_ids``."""
    names = {pk: [] for pk in article_ids}
    for pk, name in Article.tags.through.objects.filter(
        content_type__app_label="news",
        content_type__model="article",
        object_id__in=list(names),
    ).values_list("object_id", "tag__name"):
        names[pk].append(name)
    for pk, tag_names in names.items():
        Article.objects.filter(pk=pk).update(search_tags=" ".join(sorted(tag_names)))
