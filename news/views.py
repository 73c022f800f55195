import bisect
import datetime
from urllib.parse import urlencode

from django.contrib import messages
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, MonthArchiveView
from taggit.models import Tag

from humas_site.clients import same_origin
from humas_site.models import Unit
from humas_site.page_cache import cached_widget

from . import ratelimit
from .forms import COMMENT_MESSAGE_TAG, ArticleCommentForm, SearchForm
from .models import Article, ArticlePhoto, ArticleRedirect, Category
from .search import MAX_RANKED_RESULTS, result_snippets, search_articles
from .services import article_view_register, comment_submit


class ArticleListMixin:
    """Published articles only, newest first, with what a card shows."""

    paginate_by = 12
    date_field = "published_at"
    template_name = "news/article_list.html"

    def get_queryset(self):
        return (
            Article.objects.published()
            .select_related("category", "unit")
            .with_comment_count()
        )


class ArticleListView(ArticleListMixin, ListView):
    pass


class CategoryDetailView(ArticleListMixin, ListView):
    @cached_property
    def category(self):
        return get_object_or_404(Category, slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().in_category(self.category)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            category=self.category, list_title=self.category.name, **kwargs
        )


class TagDetailView(ArticleListMixin, ListView):
    @cached_property
    def tag(self):
        return get_object_or_404(Tag, slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().tagged(self.tag)

    def get_context_data(self, **kwargs):
        title = _("Tag: %(tag)s") % {"tag": self.tag.name}
        return super().get_context_data(tag=self.tag, list_title=title, **kwargs)


class UnitDetailView(ArticleListMixin, ListView):
    @cached_property
    def unit(self):
        return get_object_or_404(Unit, slug=self.kwargs["slug"])

    def get_queryset(self):
        return super().get_queryset().filter(unit=self.unit)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            unit=self.unit, list_title=self.unit.name, **kwargs
        )


def months_with_articles():
    """The first day of every month with published articles, oldest first.
    One query over the whole archive, shared by all pages until content
    changes."""
    return cached_widget(
        "months_with_articles",
        lambda: list(Article.objects.published().dates("published_at", "month")),
    )


class ArticleMonthArchiveView(ArticleListMixin, MonthArchiveView):
    """The articles of one month. A month without published articles (empty,
    or still to come) is a 404, and the previous/next links go to the nearest
    months that have articles, so crawlers never follow an endless chain of
    empty months."""

    month_format = "%m"
    # Emptiness is decided from months_with_articles(), which also gives the
    # previous/next months, instead of one more query each.
    allow_empty = True
    template_name = "news/article_archive_month.html"

    @cached_property
    def months(self):
        return months_with_articles()

    def get_dated_items(self):
        try:
            month = datetime.date(int(self.get_year()), int(self.get_month()), 1)
        except ValueError as error:
            raise Http404(_("Bulan tidak ditemukan.")) from error
        if month not in self.months:
            raise Http404(_("Tidak ada berita pada bulan ini."))
        return super().get_dated_items()

    def get_previous_month(self, date):
        index = bisect.bisect_left(self.months, date.replace(day=1))
        return self.months[index - 1] if index > 0 else None

    def get_next_month(self, date):
        index = bisect.bisect_right(self.months, date.replace(day=1))
        return self.months[index] if index < len(self.months) else None


class SearchView(ArticleListMixin, ListView):
    """Search published articles (news/search.py), with filters; rate-limited."""

    template_name = "news/article_search.html"

    def get(self, request, *args, **kwargs):
        limit, window = ratelimit.SEARCH_LIMIT
        if not ratelimit.hit(request, "search", limit, window):
            response = render(
                request, "news/search_limited.html", {"seconds": window}, status=429
            )
            response["Retry-After"] = str(ratelimit.retry_after(window))
            add_never_cache_headers(response)
            return response
        return super().get(request, *args, **kwargs)

    @cached_property
    def form(self):
        form = SearchForm(self.request.GET or None)
        form.is_valid()  # fills cleaned_data with the valid fields
        return form

    def get_queryset(self):
        terms = self.form.terms
        if not terms:
            return Article.objects.none()
        return search_articles(self.form.filter(super().get_queryset()), terms)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = self.form
        cleaned = getattr(form, "cleaned_data", {})
        params = {
            "q": cleaned.get("q", ""),
            "kategori": getattr(cleaned.get("kategori"), "slug", ""),
            "unit": getattr(cleaned.get("unit"), "slug", ""),
            "tahun": cleaned.get("tahun") or "",
        }
        result_snippets(context["object_list"], form.terms)
        context.update(
            form=form,
            query=params["q"],
            searched=bool(form.terms),
            results_capped=context["paginator"].count >= MAX_RANKED_RESULTS,
            query_string=urlencode({k: v for k, v in params.items() if v}),
        )
        return context


class PopularArticlesView(ListView):
    """Terpopuler: the most-read published articles of the last seven days."""

    template_name = "news/popular.html"
    days = 7
    limit = 20

    def get_queryset(self):
        return (
            Article.objects.published()
            .most_read(days=self.days)
            .select_related("category", "unit")
            .with_comment_count()[: self.limit]
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(days=self.days, **kwargs)


class ArticleDetailView(DetailView):
    def get_queryset(self):
        articles = Article.objects.all()
        # Staff who may edit news preview drafts and scheduled articles.
        if not self.request.user.has_perm("news.change_article"):
            articles = articles.published()
        return articles.with_relations().prefetch_related("photos")

    def get(self, request, *args, **kwargs):
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            moved = (
                ArticleRedirect.objects.filter(old_slug=kwargs["slug"])
                .select_related("article")
                .first()
            )
            if moved and self.get_queryset().filter(pk=moved.article_id).exists():
                return HttpResponsePermanentRedirect(moved.article.get_absolute_url())
            raise
        if not self.object.is_published_now():
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        published = Article.objects.published().select_related("category")
        return super().get_context_data(
            body=self.object.body_with_read_also(),
            related=published.related_to(self.object),
            previous_article=published.before(self.object).first(),
            next_article=published.after(self.object).first(),
            **kwargs,
        )


class GalleryView(ListView):
    paginate_by = 24
    template_name = "news/gallery.html"

    def get_queryset(self):
        return ArticlePhoto.objects.published()


# CSRF-exempt because the page carrying the token may come from a shared
# cache; instead only same-origin requests (Sec-Fetch-Site or Origin) count.
@csrf_exempt
@never_cache
@require_POST
def article_view_beacon(request, pk):
    if not same_origin(request):
        return HttpResponseForbidden()
    article = get_object_or_404(Article.objects.published().only("pk"), pk=pk)
    article_view_register(article=article, request=request)
    return HttpResponse(status=204)


# Posting a reader comment.
#
# The article page may come from the whole-page cache, so the form carries no
# CSRF token: this view is CSRF-exempt and instead accepts only same-origin
# posts (Sec-Fetch-Site or Origin, like the view counter), checks the signed
# security fields and honeypot of django-contrib-comments, and rate-limits each
# client. Only comments the site accepted count toward the limit (honeypot hits
# and comments kept as spam count too): a reader correcting an empty field or a
# mistyped address is not locked out. A CSRF token in the form would also stop
# the page cache from storing the article page at all.
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
    if not same_origin(request):
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
