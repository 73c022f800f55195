"""News widgets for the home page and sidebars, share links and page metadata."""

import json
from urllib.parse import quote, urlencode

from django import template
from django.db.models import Count
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from humas_site.models import InstitutionProfile
from humas_site.page_cache import cached_widget

from ..forms import COMMENT_MESSAGE_TAG, ArticleCommentForm
from ..models import Article, ArticleComment, ArticleQuerySet, Category

register = template.Library()


@register.inclusion_tag("news/includes/home_news.html")
def home_news(count=6):
    """The headline (newest headline-flagged article, else the newest) and the
    ``count`` latest articles after it. Two or three queries."""
    published = (
        Article.objects.published()
        .select_related("category", "unit")
        .with_comment_count()
    )
    headline = published.headlines().first() or published.first()
    latest = published.exclude(pk=headline.pk)[:count] if headline else []
    return {"headline": headline, "latest": latest}


@register.inclusion_tag("news/includes/most_read.html")
def most_read_articles(count=5, days=7):
    """Terpopuler: most views in the last ``days`` days. One query."""
    articles = cached_widget(
        f"most_read:{count}:{days}",
        lambda: list(Article.objects.published().most_read(days=days)[:count]),
    )
    return {"articles": articles, "days": days}


@register.inclusion_tag("news/comments/section.html", takes_context=True)
def article_comments(context, article):
    """Approved comments oldest first (one query), the messages about the
    comment just posted and, where the article allows comments, an empty form
    (no CSRF token: see views.post_comment)."""
    form = ArticleCommentForm(article) if article.allow_comments else None
    return {
        "article": article,
        "comments": list(ArticleComment.objects.public_for(article)),
        "comment_messages": [
            message
            for message in context.get("messages", ())
            if COMMENT_MESSAGE_TAG in message.extra_tags.split()
        ],
        "form": form,
    }


@register.filter
def without_comment_messages(messages):
    """The messages shown at the top of the article page: all but those about
    the comment just posted (``article_comments`` shows them)."""
    return [m for m in messages if COMMENT_MESSAGE_TAG not in m.extra_tags.split()]


@register.inclusion_tag("news/includes/category_links.html")
def category_links():
    """Categories that have published articles, with their counts. One query,
    shared by all pages until content changes (it counts the whole archive)."""

    def build():
        return list(
            Category.objects.annotate(
                published_count=Count(
                    "articles",
                    filter=ArticleQuerySet.published_filter("articles__"),
                )
            )
            .filter(published_count__gt=0)
            # Meta.ordering is not applied to GROUP BY queries: without this
            # the order is whatever the database's aggregate returns.
            .order_by("order", "name")
        )

    return {"categories": cached_widget("category_links", build)}


@register.inclusion_tag("news/includes/archive_months.html")
def archive_months(count=12):
    """Links to the latest months that have published articles. One query,
    shared by all pages until content changes."""
    months = cached_widget(
        f"archive_months:{count}",
        lambda: list(
            Article.objects.published().dates("published_at", "month", order="DESC")[
                :count
            ]
        ),
    )
    return {"months": months}


def _share_links(url, title):
    text = f"{title} {url}"
    return [
        (
            "facebook",
            _("Bagikan ke Facebook"),
            "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url}),
        ),
        (
            "x",
            _("Bagikan ke X"),
            "https://x.com/intent/tweet?" + urlencode({"url": url, "text": title}),
        ),
        (
            "whatsapp",
            _("Bagikan ke WhatsApp"),
            "https://wa.me/?" + urlencode({"text": text}),
        ),
        (
            "telegram",
            _("Bagikan ke Telegram"),
            "https://t.me/share/url?" + urlencode({"url": url, "text": title}),
        ),
        (
            "email",
            _("Kirim lewat surel"),
            "mailto:?" + urlencode({"subject": title, "body": text}, quote_via=quote),
        ),
    ]


@register.inclusion_tag("news/includes/share_buttons.html", takes_context=True)
def share_buttons(context, article):
    """Plain share links (no third-party script); copy-link and the Web Share
    API are added by site.js where the browser supports them."""
    url = context["request"].build_absolute_uri(article.get_absolute_url())
    return {"links": _share_links(url, article.title), "url": url, "article": article}


@register.inclusion_tag("news/includes/article_meta.html", takes_context=True)
def article_meta(context, article):
    """Canonical link, Open Graph and Twitter tags, and JSON-LD NewsArticle."""
    request = context["request"]
    institution = InstitutionProfile.objects.current()
    return {
        "canonical": request.build_absolute_uri(article.get_absolute_url()),
        "meta_tags": article.og_tags(request.build_absolute_uri, institution.name),
        "json_ld": _json_ld_script(
            article.json_ld(request.build_absolute_uri, institution)
        ),
    }


def _json_ld_script(data):
    # Escaped like django.utils.html.json_script so text cannot close the tag.
    payload = (
        json.dumps(data, ensure_ascii=False)
        .replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')
