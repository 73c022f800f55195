"""News app; also the COMMENTS_APP of django-contrib-comments (see news/comments.py)."""


def get_model():
    from .models import ArticleComment

    return ArticleComment


def get_form():
    from .comments import ArticleCommentForm

    return ArticleCommentForm
