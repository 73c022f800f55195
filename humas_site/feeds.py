"""The base of every RSS/Atom feed of the site.

Django's ``Feed`` prefixes relative links with the domain stored in the Sites
table, one fixed domain whatever host the site is really served on (the demo
even stores ``127.0.0.1:8000``). Links that are already absolute are kept as
they are, so ``SiteFeed`` makes the feed's own link, its self link and every
item link absolute on the host of the request, as the pages themselves are.
The page cache keys pages by host, so one host's feed is never served for
another.
"""

import copy

from django.contrib.syndication.views import Feed


class SiteFeed(Feed):
    """A feed whose links use the request's scheme and host.

    Subclasses return paths from ``link()`` and ``item_link()`` as usual
    (``item_link`` defaults to the item's ``get_absolute_url()``); this class
    makes them absolute.
    """

    def __call__(self, request, *args, **kwargs):
        # One instance serves every request (it lives in the URLconf), so the
        # request goes on a copy, never on the shared instance.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def absolute_url(self, path):
        return self.request.build_absolute_uri(path)

    def feed_url(self):
        return self.absolute_url(self.request.path)

    def link(self):
        return self.absolute_url("/")

    def item_link(self, item):
        return self.absolute_url(item.get_absolute_url())
