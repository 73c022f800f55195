"""Reader comments ("Tinggalkan Balasan") on articles, with django-contrib-comments.

The library supplies the comment model base, the security/honeypot form, the
moderation framework and the signals. This module holds the spam rule (link
counting) and the moderator; the model, its states and queries are in
``news.models``, the Indonesian form in ``news.forms``, posting and moderating
in ``news.services``. Every comment waits for an editor (``is_public=False``);
comments with more than two links are marked spam and never shown.
"""

import re

from django_comments.moderation import CommentModerator, moderator

from .models import Article

MAX_LINKS = 2

LINK = re.compile(
    r"(?:https?://|ftp://|www\.)\S+"
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|id|io|co|me|xyz|top|ru|cn"
    r"|online|site|shop|club|live)\b(?:/\S*)?",
    re.IGNORECASE,
)


def count_links(text):
    return len(LINK.findall(text or ""))


def is_spam(text):
    """More than ``MAX_LINKS`` links: kept, but marked spam and never shown."""
    return count_links(text) > MAX_LINKS


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
