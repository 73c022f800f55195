"""Reader comments: moderation, spam rules, hostile input, rate limit, admin,
query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from news.forms import ArticleCommentForm
from news.models import ArticleComment
from tests.factories import ArticleFactory, StaffFactory, UserFactory

pytestmark = pytest.mark.django_db

SAME_ORIGIN = {"HTTP_SEC_FETCH_SITE": "same-origin"}


def form_data(article, **values):
    data = ArticleCommentForm(article).initial.copy()
    data.update(
        name="Rina Wulandari",
        email="rina@contoh.id",
        comment="Terima kasih atas informasinya.",
        honeypot="",
    )
    data.update(values)
    return data


def post(client, article, headers=SAME_ORIGIN, **values):
    return client.post(
        reverse("news:comment_post", args=[article.pk]),
        form_data(article, **values),
        **headers,
    )


def add_comment(article, text="Komentar", **fields):
    defaults = {
        "content_object": article,
        "site_id": 1,
        "user_name": "Pembaca",
        "user_email": "pembaca@contoh.id",
        "comment": text,
        "is_public": True,
    }
    defaults.update(fields)
    return ArticleComment.objects.create(**defaults)


def test_a_comment_waits_for_moderation_then_appears(client):
    article = ArticleFactory()
    response = post(client, article)
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url() + "#komentar-terkirim"
    comment = ArticleComment.objects.get()
    assert not comment.is_public and not comment.is_spam
    assert list(ArticleComment.objects.awaiting_moderation()) == [comment]
    page = client.get(article.get_absolute_url())
    assertContains(page, "Komentar Anda menunggu moderasi", count=1)
    assertNotContains(page, "Terima kasih atas informasinya.")
    ArticleComment.objects.filter(pk=comment.pk).update(is_public=True)
    page = client.get(article.get_absolute_url())
    assertContains(page, "Terima kasih atas informasinya.")
    assertContains(page, "Rina Wulandari")
    assertNotContains(page, "rina@contoh.id")  # the email is never shown


def test_the_confirmation_is_shown_in_the_comment_section(client):
    """Where the reader lands after posting (#komentar-terkirim), focusable,
    and not at the top of the page out of view."""
    article = ArticleFactory()
    post(client, article)
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('id="komentar"') :]
    notice = section[section.index('id="komentar-terkirim"') :]
    assert 'tabindex="-1"' in notice[:80] and 'role="status"' in notice[:80]
    assert "Komentar Anda menunggu moderasi" in notice[: notice.index("</div>")]
    assert html.count("Komentar Anda menunggu moderasi") == 1


def test_approved_comments_are_oldest_first_and_escaped(client):
    article = ArticleFactory()
    add_comment(article, "Pertama <script>alert(1)</script>")
    add_comment(article, "Kedua")
    add_comment(article, "Ditolak", is_removed=True)
    add_comment(article, "Spam", is_spam=True, is_public=False)
    add_comment(article, "Menunggu", is_public=False)
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Pertama") < html.index("Kedua")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    for hidden in ("Ditolak", "Spam</div>", "Menunggu"):
        assert hidden not in html
    assert "2 komentar" in html


def test_more_than_two_links_is_spam_and_never_public(client):
    article = ArticleFactory()
    text = "Murah! https://a.example.com www.b.com c.xyz/beli"
    assert post(client, article, comment=text).status_code == 302
    comment = ArticleComment.objects.get()
    assert comment.is_spam and not comment.is_public
    assert not ArticleComment.objects.awaiting_moderation().exists()


def test_two_links_are_fine(client):
    article = ArticleFactory()
    post(client, article, comment="Lihat https://kpu.go.id dan www.contoh.id")
    assert not ArticleComment.objects.get().is_spam


def test_honeypot_is_answered_like_success_but_nothing_is_saved(client):
    article = ArticleFactory()
    response = post(client, article, honeypot="http://spam.example")
    assert response.status_code == 302
    assert not ArticleComment.objects.exists()


def test_errors_keep_the_input_and_explain_in_indonesian(client):
    article = ArticleFactory()
    long_text = "Panjang sekali. " * 200
    response = post(client, article, name="", email="bukan-surel", comment=long_text)
    assert response.status_code == 200
    assertContains(response, "Komentar belum terkirim")
    assertContains(response, "Tuliskan nama Anda.")
    assertContains(response, "Alamat surel tidak valid")
    assertContains(response, "Komentar terlalu panjang")
    assertContains(response, 'value="bukan-surel"')
    assertContains(response, "Panjang sekali.")
    assert not ArticleComment.objects.exists()


def test_cross_site_posts_are_refused(client):
    article = ArticleFactory()
    assert post(client, article, headers={}).status_code == 403
    cross = {"HTTP_SEC_FETCH_SITE": "cross-site"}
    assert post(client, article, headers=cross).status_code == 403
    assert not ArticleComment.objects.exists()


def test_tampered_security_fields_are_refused(client):
    article, other = ArticleFactory(), ArticleFactory()
    response = post(client, article, object_pk=str(other.pk))
    assertContains(response, "kedaluwarsa")
    assert not ArticleComment.objects.exists()


def test_closed_unpublished_and_missing_articles(client):
    closed = ArticleFactory(allow_comments=False)
    assertNotContains(client.get(closed.get_absolute_url()), "Tinggalkan Balasan")
    assert post(client, closed).status_code == 302
    draft = ArticleFactory(status="draft")
    assert post(client, draft).status_code == 404
    assert not ArticleComment.objects.exists()
    open_article = ArticleFactory()
    assertContains(client.get(open_article.get_absolute_url()), "Tinggalkan Balasan")


HOSTILE = [
    "<script>alert(1)</script>",
    "'; DROP TABLE news_articlecomment; --",
    "\x00",
    "nama\x00",
    "😀" * 40,
    "بحث",
    '"><img src=x onerror=alert(1)>',
    "x" * 5000,
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_never_breaks(client, value):
    article = ArticleFactory()
    for field in ("name", "email", "comment"):
        response = post(client, article, **{field: value})
        assert response.status_code in (200, 302), (field, value)
        assert b"<script>alert(1)" not in response.content
        assert b"<img src=x" not in response.content
    response = client.post(
        reverse("news:comment_post", args=[article.pk]),
        {"timestamp": value, "security_hash": value, "content_type": value},
        **SAME_ORIGIN,
    )
    assert response.status_code == 200


def test_comments_are_rate_limited_per_client(client):
    article = ArticleFactory()
    for index in range(5):
        assert post(client, article, comment=f"Komentar {index}").status_code == 302
    response = post(client, article, comment="Satu lagi")
    assert response.status_code == 429
    assertContains(response, "Terlalu banyak komentar", status_code=429)
    assert ArticleComment.objects.count() == 5
    elsewhere = {**SAME_ORIGIN, "REMOTE_ADDR": "10.1.1.1"}
    other = post(client, article, headers=elsewhere, comment="Dari pembaca lain")
    assert other.status_code == 302


def test_corrected_mistakes_do_not_count_toward_the_rate_limit(client):
    """One good comment and many corrections (empty name, bad address): the
    reader can still send the corrected comments; honeypot hits still count."""
    article = ArticleFactory()
    assert post(client, article, comment="Komentar pertama").status_code == 302
    for _attempt in range(6):
        assert post(client, article, name="").status_code == 200
        assert post(client, article, email="bukan-surel").status_code == 200
    for index in range(3):
        response = post(client, article, comment=f"Perbaikan {index}")
        assert response.status_code == 302
    assert ArticleComment.objects.count() == 4
    assert post(client, article, honeypot="http://spam.example").status_code == 302
    response = post(client, article, comment="Satu lagi")
    assert response.status_code == 429
    assert ArticleComment.objects.count() == 4


def test_spam_comments_count_toward_the_rate_limit(client):
    article = ArticleFactory()
    links = "https://a.example https://b.example https://c.example"
    for _index in range(5):
        assert post(client, article, comment=f"{_index} {links}").status_code == 302
    assert post(client, article, comment="Satu lagi").status_code == 429


def test_article_page_queries_do_not_grow_with_comments(client):
    article = ArticleFactory(tags=["pemilu"])
    add_comment(article)

    def count():
        with CaptureQueriesContext(connection) as context:
            assert client.get(article.get_absolute_url()).status_code == 200
        return len(context.captured_queries)

    count()  # warm the per-process caches
    few = count()
    for index in range(40):
        add_comment(article, f"Komentar {index}")
    # the comments section adds exactly one query (approved comments, oldest
    # first) however many there are
    assert count() == few


def test_list_pages_show_the_comment_count_without_extra_queries(client):
    articles = [ArticleFactory() for _ in range(3)]
    for article in articles:
        add_comment(article)
        add_comment(article)
        add_comment(article, is_public=False)

    def count():
        with CaptureQueriesContext(connection) as context:
            response = client.get(reverse("news:article_list"))
        return response, len(context.captured_queries)

    count()
    response, few = count()
    assertContains(response, "2 komentar", count=3)
    for _ in range(10):
        add_comment(ArticleFactory())
    assert count()[1] == few


def test_admin_moderates_in_bulk_and_shows_the_pending_count(client):
    article = ArticleFactory()
    pending = [add_comment(article, f"Tunggu {i}", is_public=False) for i in range(3)]
    admin = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(admin)
    url = reverse("admin:news_articlecomment_changelist")
    response = client.get(url)
    assertContains(response, "3 menunggu moderasi")
    client.post(url, {"action": "approve", "_selected_action": [pending[0].pk]})
    client.post(url, {"action": "reject", "_selected_action": [pending[1].pk]})
    client.post(url, {"action": "mark_spam", "_selected_action": [pending[2].pk]})
    assert list(ArticleComment.objects.approved()) == [pending[0]]
    assert list(ArticleComment.objects.rejected()) == [pending[1]]
    assert list(ArticleComment.objects.spam()) == [pending[2]]
    for status in ("pending", "approved", "rejected", "spam"):
        assert client.get(url, {"status": status}).status_code == 200
    assertContains(client.get(article.get_absolute_url()), "Tunggu 0")


def test_staff_without_permission_cannot_moderate(client):
    client.force_login(StaffFactory())
    response = client.get(reverse("admin:news_articlecomment_changelist"))
    assert response.status_code == 403
