"""Signal receivers of the news app (connected in NewsConfig.ready()).

The search copy of tag names (``Article.search_tags``, covered by the
full-text index) stays right whatever changes the tags: adding or removing an
article's tags, renaming or deleting a tag.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from taggit.models import Tag

from .models import Article
from .services import refresh_search_tags


@receiver(m2m_changed, sender=Article.tags.through)
def article_tags_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(
        instance, Article
    ):
        refresh_search_tags([instance.pk])


@receiver(post_save, sender=Tag)
def tag_renamed(sender, instance, created, **kwargs):
    if not created:
        refresh_search_tags(_tagged_article_ids(instance))


@receiver(pre_delete, sender=Tag)
def tag_deleting(sender, instance, **kwargs):
    instance._search_article_ids = _tagged_article_ids(instance)


@receiver(post_delete, sender=Tag)
def tag_deleted(sender, instance, **kwargs):
    refresh_search_tags(getattr(instance, "_search_article_ids", []))


def _tagged_article_ids(tag):
    return list(
        Article.objects.filter(tags=tag).values_list("pk", flat=True).distinct()
    )
