"""What the apps contribute to the foundation, declared on their AppConfig.

``humas_site`` names no app: each app says what it offers on its own
``AppConfig`` subclass, and the foundation reads it here, in the order of
``INSTALLED_APPS``. An app may declare:

- ``url_prefix``: its public URLconf (``<app>.urls``) is included there;
- ``sitemaps()``: ``(sitemaps, section_pages)`` for the sitemap index and the
  section-pages sitemap (``humas_site.sitemaps``);
- ``next_scheduled_publication()``: when its next scheduled item goes live
  (or None), so the page cache expires then (``humas_site.page_cache``);
- ``seed_demo(stdout)``: its demo content (``manage.py seed_demo``);
- ``integrity_sources()``, ``integrity_scans()``, ``integrity_urls(limit)``:
  its public content, its own checks and its pages for the content integrity
  scan (``humas_site.integrity``);
- ``dashboard_cards(user, now, sections)``: its data for the admin's first
  page (``humas_site.dashboard``).

``ContributingAppConfig`` gives the usual form of each: the app's own
``sitemaps`` and ``demo`` modules, and page-cache invalidation for its models.
"""

from importlib import import_module

from django.apps import AppConfig, apps


def contributors(attribute):
    """The installed app configs that declare ``attribute``, in INSTALLED_APPS
    order."""
    return [
        config
        for config in apps.get_app_configs()
        if getattr(config, attribute, None) is not None
    ]


class ContributingAppConfig(AppConfig):
    """An app of the project: its sitemaps (``<app>.sitemaps``), its demo
    content (``<app>.demo.seed``) and a new page-cache generation whenever
    one of its models changes, except ``not_public_models``."""

    url_prefix = None
    not_public_models = ()

    def ready(self):
        from .page_cache import invalidate_on_change

        invalidate_on_change(self, except_models=set(self.not_public_models))

    def sitemaps(self):
        module = import_module(f"{self.name}.sitemaps")
        return module.sitemaps, module.section_pages

    def seed_demo(self, stdout):
        import_module(f"{self.name}.demo").seed(stdout)
