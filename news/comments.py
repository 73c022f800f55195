"""Reader comments ("Tinggalkan Balasan") on articles, with django-contrib-comments.

The library supplies the comment model base, the security/honeypot form, the
moderation framework and the signals; this module adds the Indonesian form,
the spam rules and the queries used by the article page, the lists and the
admin. Every comment waits for an editor (``is_public=False``); comments with
more than two links are marked spam and never shown.
"""

import ipaddress
import re

from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.shortcuts import get_current_site
from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.fields import CharField
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_comments import signals
from django_comments.forms import CommentForm
from django_comments.moderation import CommentModerator, moderator

from humas_site.clients import client_ip

from .models import Article, ArticleComment

# Messages about a posted comment carry this tag: the comment section shows
# them, where the reader lands after posting, not the top of the page.
COMMENT_MESSAGE_TAG = "komentar"
MAX_NAME_LENGTH = 50
MAX_COMMENT_LENGTH = 2000
MAX_LINKS = 2
# A security hash older than this is refused; generous, because the article
# page carrying the form may come from the page cache.
FORM_MAX_AGE_SECONDS = 24 * 60 * 60

LINK = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|id|io|co|me|xyz|top|ru|cn"
    r"|online|site|shop|club|live)\b(?:/\S*)?",
    re.IGNORECASE,
)


def count_links(text):
    return len(LINK.findall(text or ""))


def pending_comments():
    """Comments waiting for moderation, oldest first (for the dashboard and
    the admin)."""
    return ArticleComment.objects.pending().order_by("submit_date")


def approved_comments(article):
    """The public comments of ``article``, oldest first. One query."""
    return (
        ArticleComment.objects.approved()
        .for_article(article)
        .only("user_name", "comment", "submit_date")
        .order_by("submit_date", "pk")
    )


def approved_count_subquery():
    """A subquery counting an article's approved comments, for ``annotate``."""
    comments = (
        ArticleComment.objects.approved()
        .filter(
            content_type__app_label="news",
            content_type__model="article",
            object_pk=Cast(OuterRef("pk"), CharField(max_length=64)),
        )
        .order_by()
        .values("object_pk")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(comments, output_field=IntegerField()), Value(0))


class ArticleCommentForm(CommentForm):
    """Name, email (never shown) and the comment, in Indonesian; the library's
    security fields (content type, object, timestamp, signed hash) and
    honeypot stay."""

    name = forms.CharField(
        label=_("Nama"),
        max_length=MAX_NAME_LENGTH,
        error_messages={
            "required": _("Tuliskan nama Anda."),
            "max_length": _("Nama paling banyak %(limit_value)d karakter."),
        },
    )
    email = forms.EmailField(
        label=_("Surel"),
        help_text=_("Tidak ditampilkan kepada pembaca lain."),
        max_length=254,
        error_messages={
            "required": _("Tuliskan alamat surel Anda."),
            "invalid": _("Alamat surel tidak valid, misalnya nama@contoh.id."),
        },
    )
    url = None
    comment = forms.CharField(
        label=_("Komentar"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_COMMENT_LENGTH,
        # Formatted when shown, so it follows the reader's language.
        help_text=format_lazy(
            _(
                "Teks biasa, paling banyak {max} karakter. Komentar tampil setelah "
                "disetujui redaksi."
            ),
            max=MAX_COMMENT_LENGTH,
        ),
        error_messages={
            "required": _("Tuliskan komentar Anda."),
            "max_length": _(
                "Komentar terlalu panjang: paling banyak %(limit_value)d karakter "
                "(sekarang %(show_value)d)."
            ),
        },
    )
    honeypot = forms.CharField(
        required=False,
        label=_("Jangan isi kolom ini"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, target_object, data=None, initial=None, **kwargs):
        if data is not None:
            data = data.copy()
            for key in list(data):
                data.setlist(key, [v.replace("\x00", "") for v in data.getlist(key)])
        super().__init__(target_object, data=data, initial=initial, **kwargs)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def clean_timestamp(self):
        timestamp = self.cleaned_data["timestamp"]
        if timezone.now().timestamp() - timestamp > FORM_MAX_AGE_SECONDS:
            raise self._expired()
        return timestamp

    def clean_security_hash(self):
        try:
            return super().clean_security_hash()
        except forms.ValidationError as error:
            raise self._expired() from error

    def _expired(self):
        return forms.ValidationError(
            _(
                "Formulir ini sudah kedaluwarsa. Muat ulang halaman berita lalu "
                "kirim lagi komentar Anda (teksnya masih ada di bawah)."
            ),
            code="expired",
        )

    def get_comment_create_data(self, site_id=None):
        # The library's version also reads the "url" field this form drops.
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": str(self.target_object.pk),
            "user_name": self.cleaned_data["name"],
            "user_email": self.cleaned_data["email"],
            "comment": self.cleaned_data["comment"],
            "submit_date": timezone.now(),
            "site_id": site_id or getattr(settings, "SITE_ID", None),
            "is_public": False,  # waits for an editor
            "is_removed": False,
            "is_spam": count_links(self.cleaned_data["comment"]) > MAX_LINKS,
        }

    def check_for_duplicate_comment(self, new):
        # The library compares user_url, which this form does not have.
        duplicate = (
            ArticleComment.objects.for_article(self.target_object)
            .filter(
                user_name=new.user_name,
                user_email=new.user_email,
                comment=new.comment,
                submit_date__date=new.submit_date.date(),
            )
            .first()
        )
        return duplicate or new

    def security_errors(self):
        errors = super().security_errors()
        errors.pop("honeypot", None)
        return errors


def _valid_ip(address):
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


@transaction.atomic
def comment_submit(*, form, request):
    """Save the comment of a valid ``ArticleCommentForm``: private until an
    editor approves it (or spam), with the client's address. Goes through the
    django-contrib-comments signals, so the moderator below applies; returns
    None when it refuses the comment (comments closed)."""
    comment = form.get_comment_object(site_id=get_current_site(request).pk)
    comment.ip_address = _valid_ip(client_ip(request))
    responses = signals.comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    if any(response is False for _receiver, response in responses):
        return None
    comment.full_clean(exclude=["content_type", "site", "user"])
    comment.save()
    signals.comment_was_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    return comment


class ArticleModerator(CommentModerator):
    """Comments only where the article allows them; all wait for moderation."""

    enable_field = "allow_comments"

    def allow(self, comment, content_object, request):
        if not content_object.is_published_now():
            return False
        return super().allow(comment, content_object, request)

    def moderate(self, comment, content_object, request):
        return True


if Article not in moderator._registry:
    moderator.register(Article, ArticleModerator)
