"""Cache invalidation and sanitising for models this project does not own."""

from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from . import page_cache
from .models import InstitutionProfile, InstitutionProfileQuerySet
from .navigation import NAV_CACHE_KEY
from .richtext import sanitize_html


@receiver([post_save, post_delete], sender=InstitutionProfile)
def forget_cached_profile(**kwargs):
    cache.delete(InstitutionProfileQuerySet.CACHE_KEY)


@receiver(pre_save, sender=FlatPage)
def sanitize_flatpage(instance, **kwargs):
    # FlatPage is Django's model, so its content cannot use RichTextField;
    # this applies the same allow-list on every save path.
    instance.content = sanitize_html(instance.content or "")


@receiver([post_save, post_delete], sender=FlatPage)
def forget_cached_navigation(**kwargs):
    cache.delete(NAV_CACHE_KEY)


# Public pages show these apps' content; any change starts a new page-cache
# generation. View counts are left out: they change on every read and the
# article page tolerates a count a few minutes old.
PUBLIC_CONTENT_APPS = {
    "news",
    "agendas",
    "meetings",
    "flatpages",
    "humas_site",
    "taggit",
    "sites",
    "django_comments",
}
NOT_PUBLIC_CONTENT = {
    "news.articledailyview",
    "humas_site.auditevent",
    "humas_site.staffprofile",
}


@receiver([post_save, post_delete, m2m_changed])
def forget_cached_pages(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.app_label not in PUBLIC_CONTENT_APPS:
        return
    if meta.label_lower in NOT_PUBLIC_CONTENT:
        return
    if not kwargs.get("action", "post_").startswith("post_"):
        return  # m2m_changed fires pre_ and post_ events; one is enough
    instance = kwargs.get("instance")
    if kwargs.get("created") and getattr(instance, "is_public", True) is False:
        return  # a new comment waiting for moderation is not on any page
    page_cache.new_generation()
