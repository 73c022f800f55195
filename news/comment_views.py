"""Posting a reader comment.

The article page may come from the whole-page cache, so the form carries no
CSRF token: this view is CSRF-exempt and instead accepts only same-origin
posts (Sec-Fetch-Site or Origin, like the view counter), checks the signed
security fields and honeypot of django-contrib-comments, and rate-limits each
client. Only comments the site accepted count toward the limit (honeypot hits
and comments kept as spam count too): a reader correcting an empty field or a
mistyped address is not locked out. A CSRF token in the form would also stop
the page cache from storing the article page at all.
"""

from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from . import ratelimit
from .comments import COMMENT_MESSAGE_TAG, ArticleCommentForm, comment_submit
from .models import Article
from .views import _same_origin

SUCCESS_MESSAGE = gettext_lazy("Komentar Anda menunggu moderasi. Terima kasih!")
COMMENT_NOTICE_ID = "komentar-terkirim"


def _back_to_comments(article):
    # The comment section shows this message (news_tags.article_comments) and
    # the fragment scrolls to it and focuses it, where the reader was.
    return redirect(article.get_absolute_url() + "#" + COMMENT_NOTICE_ID)


def _tell(request, level, message):
    messages.add_message(request, level, message, extra_tags=COMMENT_MESSAGE_TAG)


@csrf_exempt
@never_cache
@require_POST
def post_comment(request, pk):
    if not _same_origin(request):
        return HttpResponseForbidden(
            _("Komentar hanya dapat dikirim dari halaman berita di situs ini.")
        )
    article = get_object_or_404(
        Article.objects.published().select_related("category", "unit"), pk=pk
    )
    if not article.allow_comments:
        _tell(request, messages.ERROR, _("Komentar untuk berita ini ditutup."))
        return _back_to_comments(article)
    limit, window = ratelimit.COMMENT_LIMIT
    if ratelimit.is_limited(request, "comment", limit, window):
        response = render(
            request,
            "news/comments/limited.html",
            {"article": article, "minutes": window // 60},
            status=429,
        )
        response["Retry-After"] = str(ratelimit.retry_after(window))
        return response

    form = ArticleCommentForm(article, data=request.POST)
    if form.is_honeypot_filled:
        # Bots learn nothing: the same answer as a real comment, nothing saved.
        ratelimit.hit(request, "comment", limit, window)
        _tell(request, messages.SUCCESS, SUCCESS_MESSAGE)
        return _back_to_comments(article)
    if not form.is_valid():
        return render(
            request, "news/comments/form_page.html", {"article": article, "form": form}
        )

    if comment_submit(form=form, request=request) is None:
        _tell(request, messages.ERROR, _("Komentar untuk berita ini ditutup."))
        return _back_to_comments(article)
    ratelimit.hit(request, "comment", limit, window)
    _tell(request, messages.SUCCESS, SUCCESS_MESSAGE)
    return _back_to_comments(article)
