import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, CategoryFactory, StaffFactory
from tests.news.test_views import hidden_articles

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]

ATOM = "{http://www.w3.org/2005/Atom}"


def test_rss_feed_lists_published_articles_only(client):
    category = CategoryFactory(name="Siaran Pers")
    visible = ArticleFactory(
        title="Siaran pers hasil pleno", category=category, tags=["pleno"]
    )
    hidden_articles()
    response = client.get(reverse("news:feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [visible.title]
    item = items[0]
    assert item.findtext("link") == f"http://testserver{visible.get_absolute_url()}"
    assert item.findtext("description") == visible.lead
    assert item.findtext("pubDate")
    assert {c.text for c in item.findall("category")} == {"Siaran Pers", "pleno"}


def test_atom_feed_lists_published_articles_with_author_names(client):
    visible = ArticleFactory(writer="Sari Anggraini")
    hidden_articles()
    root = ET.fromstring(client.get(reverse("news:feed_atom")).content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [visible.title]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == (
        "Sari Anggraini"
    )
    assert entries[0].findtext(f"{ATOM}updated")


def test_category_feed_contains_only_that_category(client):
    hoax = CategoryFactory(name="Klarifikasi Hoaks", slug="klarifikasi-hoaks")
    mine = ArticleFactory(category=hoax)
    ArticleFactory(category=hoax, status="draft")
    ArticleFactory()
    rss = ET.fromstring(
        client.get(reverse("news:category_feed", args=["klarifikasi-hoaks"])).content
    )
    assert [i.findtext("link") for i in rss.iter("item")] == [
        f"http://testserver{mine.get_absolute_url()}"
    ]
    atom = ET.fromstring(
        client.get(
            reverse("news:category_feed_atom", args=["klarifikasi-hoaks"])
        ).content
    )
    assert [e.find(f"{ATOM}link").get("href") for e in atom.iter(f"{ATOM}entry")] == [
        f"http://testserver{mine.get_absolute_url()}"
    ]
    assert (
        client.get(reverse("news:category_feed", args=["tidak-ada"])).status_code == 404
    )


def test_feeds_are_the_same_for_staff(client):
    ArticleFactory(status="draft", title="Draf rahasia")
    client.force_login(StaffFactory(is_superuser=True))
    assert b"Draf rahasia" not in client.get(reverse("news:feed")).content


@pytest.mark.parametrize("host", ["kpu-sukamaju.go.id", "127.0.0.1:8123"])
def test_feed_links_use_the_host_the_site_is_served_on(client, settings, host):
    """Not the domain in the Sites table: every link of every feed is on the
    host the feed was requested from."""
    from tests.factories import EventFactory, MeetingFactory

    settings.ALLOWED_HOSTS = ["kpu-sukamaju.go.id", "127.0.0.1"]
    import datetime

    from django.utils import timezone

    article = ArticleFactory()
    EventFactory(starts_at=timezone.now() + datetime.timedelta(days=2))
    MeetingFactory()
    for name, args in [
        ("news:feed", []),
        ("news:feed_atom", []),
        ("news:category_feed", [article.category.slug]),
        ("news:category_feed_atom", [article.category.slug]),
        ("agendas:event_feed", []),
        ("meetings:meeting_feed", []),
    ]:
        response = client.get(reverse(name, args=args), HTTP_HOST=host)
        assert response.status_code == 200, name
        root = ET.fromstring(response.content)
        links = [link.text for link in root.iter("link")] + [
            link.get("href") for link in root.iter(f"{ATOM}link")
        ]
        links = [link for link in links if link]
        assert len(links) >= 3, name  # the site, the feed itself, its items
        for link in links:
            assert link.startswith(f"http://{host}/"), (name, link)
