"""Sitemaps of this app, merged into /sitemap.xml by humas_site.urls."""

sitemaps = {}
