"""Comment flow in Chromium: post → invisible until approved in the admin →
visible on the article."""

import pytest

from news.models import ArticleComment
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_comment_is_posted_moderated_and_shown(live_server, page, client):
    article = ArticleFactory(title="Rapat pleno terbuka")
    url = live_server.url + article.get_absolute_url()
    page.goto(url)
    page.get_by_label("Nama").fill("Rina Wulandari")
    page.get_by_label("Surel").fill("rina@contoh.id")
    page.get_by_label("Komentar", exact=True).fill("Semoga lancar <b>selalu</b>.")
    page.get_by_role("button", name="Kirim komentar").click()
    page.wait_for_url(url + "#komentar-terkirim")
    assert "Komentar Anda menunggu moderasi" in page.content()
    assert page.locator(".comment-list").count() == 0  # nothing public yet

    comment = ArticleComment.objects.get()
    assert not comment.is_public

    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    cookie = client.cookies["sessionid"].value
    page.context.add_cookies(
        [{"name": "sessionid", "value": cookie, "url": live_server.url}]
    )
    page.goto(live_server.url + "/admin/news/articlecomment/?status=pending")
    page.locator(f'input[name="_selected_action"][value="{comment.pk}"]').check()
    page.select_option('select[name="action"]', "approve")
    page.locator('button[name="index"]').click()
    page.wait_for_load_state()
    comment.refresh_from_db()
    assert comment.is_public

    page.context.clear_cookies()
    page.goto(url)
    text = page.locator(".comment-list").inner_text()
    assert "Semoga lancar <b>selalu</b>." in text
    assert "Rina Wulandari" in text
    assert "rina@contoh.id" not in page.content()


def test_the_confirmation_is_in_view_and_focused(live_server, page):
    """After posting, the reader sees the confirmation where they are (not
    at the top of the page, out of view) and focus is on it, so screen
    readers read it out."""
    article = ArticleFactory(title="Rapat pleno terbuka", body="<p>Isi.</p>" * 60)
    page.goto(live_server.url + article.get_absolute_url())
    page.get_by_label("Nama").fill("Rina Wulandari")
    page.get_by_label("Surel").fill("rina@contoh.id")
    page.get_by_label("Komentar", exact=True).fill("Semoga lancar.")
    page.get_by_role("button", name="Kirim komentar").click()
    page.wait_for_url("**#komentar-terkirim")
    page.wait_for_load_state()
    notice = page.locator("#komentar-terkirim")
    assert "Komentar Anda menunggu moderasi" in notice.inner_text()
    assert page.evaluate("document.activeElement.id") == "komentar-terkirim"
    box = notice.bounding_box()
    viewport = page.viewport_size
    # In view (give or take a fraction of a pixel of rounding).
    assert -1 <= box["y"] and box["y"] + box["height"] <= viewport["height"] + 1
    assert page.evaluate("window.scrollY") > 0
    # Only there: not a second copy at the top of the page.
    assert page.get_by_text("Komentar Anda menunggu moderasi").count() == 1
