"""The reader's pages of the demo site (``seed_demo``), for the checks that
walk them all: HTML validity, accessibility, target sizes, phone layout."""

from agendas.models import Event
from meetings.models import Meeting
from news.models import Article


def reader_paths():
    article = Article.objects.published().order_by("-published_at").first()
    return [
        "/",
        "/berita/",
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        "/berita/terpopuler/",
        "/cari/?q=pemilih",
        "/galeri/",
        "/agenda/",
        Event.objects.published().first().get_absolute_url(),
        "/rapat/",
        Meeting.objects.public().first().get_absolute_url(),
        "/profil/struktur-organisasi/",
    ]
