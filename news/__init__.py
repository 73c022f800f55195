"""News app; also the COMMENTS_APP of django-contrib-comments (the model in
news/models.py, the form in news/forms.py, the moderator in news/comments.py)."""


def get_model():
    from .models import ArticleComment

    return ArticleComment


def get_form():
    from .forms import ArticleCommentForm

    return ArticleCommentForm
