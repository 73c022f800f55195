"""The comments section of an article page ("Tinggalkan Balasan")."""

from django import template

from ..comments import ArticleCommentForm, approved_comments

register = template.Library()


@register.inclusion_tag("news/comments/section.html")
def article_comments(article):
    """Approved comments oldest first (one query) and, where the article
    allows comments, an empty form (no CSRF token: see comment_views)."""
    form = ArticleCommentForm(article) if article.allow_comments else None
    return {
        "article": article,
        "comments": list(approved_comments(article)),
        "form": form,
    }
