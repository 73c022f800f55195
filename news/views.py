from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db.models import Q
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseForbidden,
    HttpResponsePermanentRedirect,
)
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, MonthArchiveView
from taggit.models import Tag

from humas_site.models import Unit

from .models import Article, ArticlePhoto, ArticleRedirect, Category
from .services import article_view_register


class ArticleListMixin:
    """Published articles only, newest first, with what a card shows."""

    paginate_by = 12
    date_field = "published_at"
    template_name = "news/article_list.html"

    def get_queryset(self):
        return Article.objects.published().select_related("category", "unit")


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


class ArticleMonthArchiveView(ArticleListMixin, MonthArchiveView):
    month_format = "%m"
    allow_empty = True
    template_name = "news/article_archive_month.html"


class SearchView(ArticleListMixin, ListView):
    template_name = "news/article_search.html"

    @cached_property
    def query(self):
        # NUL characters cannot be sent to PostgreSQL; nobody searches for them.
        return self.request.GET.get("q", "").replace("\x00", "").strip()[:100]

    def get_queryset(self):
        if not self.query:
            return Article.objects.none()
        return (
            super()
            .get_queryset()
            .filter(
                Q(title__icontains=self.query)
                | Q(lead__icontains=self.query)
                | Q(body__icontains=self.query)
            )
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            query=self.query, query_string=urlencode({"q": self.query}), **kwargs
        )


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


def _same_origin(request):
    """The beacon must come from a page of this site (it is CSRF-exempt)."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    origin = request.headers.get("Origin")
    if not origin:
        return False
    own = f"{request.scheme}://{request.get_host()}"
    trusted = {own, *settings.CSRF_TRUSTED_ORIGINS}
    parts = urlsplit(origin)
    return f"{parts.scheme}://{parts.netloc}" in trusted


# CSRF-exempt because the page carrying the token may come from a shared
# cache; instead only same-origin requests (Sec-Fetch-Site or Origin) count.
@csrf_exempt
@never_cache
@require_POST
def article_view_beacon(request, pk):
    if not _same_origin(request):
        return HttpResponseForbidden()
    article = get_object_or_404(Article.objects.published().only("pk"), pk=pk)
    article_view_register(article=article, request=request)
    return HttpResponse(status=204)
