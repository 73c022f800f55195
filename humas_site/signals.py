"""Cache invalidation and sanitising for models this project does not own."""

from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

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
