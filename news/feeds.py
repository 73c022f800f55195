from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from humas_site.feeds import SiteFeed
from humas_site.models import InstitutionProfile

from .models import Article, Category


class LatestArticlesFeed(SiteFeed):
    """The 20 latest published articles (RSS 2.0)."""

    def title(self):
        return _("Berita %(name)s") % {"name": InstitutionProfile.objects.current()}

    def link(self):
        return self.absolute_url(reverse("news:article_list"))

    def description(self):
        return _("Berita terbaru dari %(name)s.") % {
            "name": InstitutionProfile.objects.current()
        }

    def items(self):
        return Article.objects.published().with_relations()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_author_name(self, item):
        # A display name typed by the editor, never an account's username.
        return item.writer or None

    def item_categories(self, item):
        names = [item.category.name] if item.category else []
        return names + [tag.name for tag in item.tags.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description


class CategoryFeed(LatestArticlesFeed):
    """The latest published articles of one category."""

    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def title(self, obj):
        return _("%(category)s — %(name)s") % {
            "category": obj.name,
            "name": InstitutionProfile.objects.current(),
        }

    def link(self, obj):
        return self.absolute_url(obj.get_absolute_url())

    def description(self, obj):
        return obj.description or self.title(obj)

    def items(self, obj):
        return Article.objects.published().in_category(obj).with_relations()[:20]


class CategoryAtomFeed(CategoryFeed):
    feed_type = Atom1Feed
    subtitle = CategoryFeed.description
