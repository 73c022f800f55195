from django.urls import path

from . import feeds, views

app_name = "news"

urlpatterns = [
    path("berita/", views.ArticleListView.as_view(), name="article_list"),
    path(
        "berita/kategori/<slug:slug>/",
        views.CategoryDetailView.as_view(),
        name="category_detail",
    ),
    path(
        "berita/kategori/<slug:slug>/feed/",
        feeds.CategoryFeed(),
        name="category_feed",
    ),
    path(
        "berita/kategori/<slug:slug>/feed/atom/",
        feeds.CategoryAtomFeed(),
        name="category_feed_atom",
    ),
    path("berita/tag/<slug:slug>/", views.TagDetailView.as_view(), name="tag_detail"),
    path(
        "berita/unit/<slug:slug>/", views.UnitDetailView.as_view(), name="unit_detail"
    ),
    path(
        "berita/arsip/<int:year>/<int:month>/",
        views.ArticleMonthArchiveView.as_view(),
        name="archive_month",
    ),
    path("berita/terpopuler/", views.PopularArticlesView.as_view(), name="popular"),
    path(
        "berita/<int:pk>/komentar/",
        views.post_comment,
        name="comment_post",
    ),
    path(
        "berita/<int:pk>/dilihat/",
        views.article_view_beacon,
        name="article_view_beacon",
    ),
    path(
        "berita/<slug:slug>/", views.ArticleDetailView.as_view(), name="article_detail"
    ),
    path("cari/", views.SearchView.as_view(), name="search"),
    path("galeri/", views.GalleryView.as_view(), name="gallery"),
    path("feed/", feeds.LatestArticlesFeed(), name="feed"),
    path("feed/atom/", feeds.LatestArticlesAtomFeed(), name="feed_atom"),
]
