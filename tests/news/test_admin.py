import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pytest_django.asserts import assertContains

from humas_site.demo import demo_image
from news.models import Article
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    CategoryFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db

DANGEROUS_BODY = (
    "<p>Rapat pleno <strong>terbuka</strong></p>"
    '<script>alert("x")</script>'
    '<img src="/media/foto.jpg" onerror="alert(1)" alt="foto">'
    '<p><a href="javascript:alert(1)">klik</a></p>'
    '<p style="position:fixed;top:0">slot gacor</p>'
    '<iframe src="https://judi.example/"></iframe>'
)
FORBIDDEN = ["<script", "onerror", "javascript:", "style=", "<iframe", "alert("]


def article_form_data(**overrides):
    data = {
        "title": "Rapat pleno rekapitulasi",
        "slug": "rapat-pleno-rekapitulasi",
        "lead": "Ringkasan",
        "body": "<p>Isi</p>",
        "status": "published",
        # New articles start as drafts; the workflow button publishes them.
        "_transition": "publish",
        "published_at_0": "2026-01-05",
        "published_at_1": "09:00:00",
        "allow_comments": "on",
        "tags": "pleno, rekapitulasi",
        "photos-TOTAL_FORMS": "0",
        "photos-INITIAL_FORMS": "0",
        "photos-MIN_NUM_FORMS": "0",
        "photos-MAX_NUM_FORMS": "1000",
        "daily_views-TOTAL_FORMS": "0",
        "daily_views-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def jpeg_upload(name="foto.jpg"):
    content = demo_image("Foto", size=(800, 600)).read()
    return SimpleUploadedFile(name, content, content_type="image/jpeg")


def assert_clean(text):
    for needle in FORBIDDEN:
        assert needle not in text, needle


def test_changelist_and_add_page_render_for_a_superuser(admin_client):
    ArticleFactory(title="Berita di daftar admin", views_count=1216)
    changelist = admin_client.get(reverse("admin:news_article_changelist"))
    assertContains(changelist, "Berita di daftar admin")
    assertContains(changelist, "1.216")
    assertContains(changelist, "Terbit")
    add = admin_client.get(reverse("admin:news_article_add"))
    assertContains(add, "Judul")
    assertContains(add, "Foto utama")


def test_changelist_filters_scheduled_articles(admin_client):
    from datetime import timedelta

    from django.utils import timezone

    ArticleFactory(title="Sudah tayang")
    ArticleFactory(
        title="Tayang besok", published_at=timezone.now() + timedelta(days=1)
    )
    response = admin_client.get(
        reverse("admin:news_article_changelist"), {"keadaan": "scheduled"}
    )
    assertContains(response, "Tayang besok")
    assertContains(response, "Terjadwal")
    assert "Sudah tayang" not in response.content.decode()


def test_body_through_the_admin_add_view_is_sanitised(admin_client):
    category = CategoryFactory()
    unit = UnitFactory()
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form_data(body=DANGEROUS_BODY, category=category.pk, unit=unit.pk),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get(slug="rapat-pleno-rekapitulasi")
    assert_clean(article.body)
    assert "<strong>terbuka</strong>" in article.body
    assert "slot gacor" in article.body  # text kept, styling removed
    page = admin_client.get(article.get_absolute_url()).content.decode()
    body = page[page.index('class="prose article-body"') :]
    body = body[: body.index("</div>")]
    assert_clean(body)


def test_body_through_plain_save_is_sanitised(client):
    article = ArticleFactory(body=DANGEROUS_BODY)
    article.refresh_from_db()
    assert_clean(article.body)
    page = client.get(article.get_absolute_url()).content.decode()
    body = page[page.index('class="prose article-body"') :]
    assert_clean(body[: body.index("</div>")])


def test_editor_publishes_an_article_with_photos_from_the_admin(client):
    editor = StaffFactory(first_name="Rina", last_name="Wulandari", is_superuser=True)
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_article_add"),
        article_form_data(
            featured_image=jpeg_upload(),
            image_caption="Suasana rapat",
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-0-image": jpeg_upload("galeri.jpg"),
                "photos-0-caption": "Penandatanganan berita acara",
                "photos-0-order": "1",
            },
        ),
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="rapat-pleno-rekapitulasi")
    assert article.featured_image.name.startswith("berita/")
    assert article.featured_image_width == 800
    assert article.photos.get().caption == "Penandatanganan berita acara"
    # The credit is the editor's full name, never the login username.
    assert article.writer == "Rina Wulandari"
    assert article.created_by == editor
    assert set(article.tags.names()) == {"pleno", "rekapitulasi"}


def test_admin_rejects_a_fake_image(admin_client):
    fake = SimpleUploadedFile(
        "foto.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg"
    )
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form_data(
            **{
                "photos-TOTAL_FORMS": "1",
                "photos-0-image": fake,
                "photos-0-order": "0",
            }
        ),
    )
    assert response.status_code == 200
    assert not Article.objects.exists()
    assertContains(response, "gambar")


def test_a_rejected_gallery_photo_names_the_others_to_choose_again(admin_client):
    fake = SimpleUploadedFile("rusak.jpg", b"teks biasa", "image/jpeg")
    photos = {"photos-TOTAL_FORMS": "3"}
    for n, upload in enumerate(
        [jpeg_upload("satu.jpg"), fake, jpeg_upload("tiga.jpg")]
    ):
        photos.update({f"photos-{n}-image": upload, f"photos-{n}-order": str(n)})
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form_data(featured_image=jpeg_upload("utama.jpg"), **photos),
    )
    assert response.status_code == 200
    assert not Article.objects.exists()
    page = response.content.decode()
    # Each note sits in its own row, in the photo's cell.
    rows = [page.split(f'id="photos-{n}"')[1].split("</tr>")[0] for n in range(3)]
    assert "“rusak.jpg” ditolak: Unggah gambar yang valid" in rows[1]
    assert "Pilih lagi “satu.jpg” sebelum menyimpan" in rows[0]
    assert "Pilih lagi “tiga.jpg” sebelum menyimpan" in rows[2]
    # The featured photo was fine too, and is lost as well unless chosen again.
    assertContains(response, "Pilih lagi “utama.jpg” sebelum menyimpan", count=1)


def test_admin_rejects_a_non_youtube_video(admin_client):
    response = admin_client.post(
        reverse("admin:news_article_add"),
        article_form_data(video_url="https://vimeo.com/1234"),
    )
    assert response.status_code == 200
    assertContains(response, "YouTube yang valid")


def test_publish_and_unpublish_actions(admin_client):
    draft = ArticleFactory(status="draft")
    live = ArticleFactory()
    url = reverse("admin:news_article_changelist")
    admin_client.post(url, {"action": "publish", "_selected_action": [draft.pk]})
    admin_client.post(url, {"action": "unpublish", "_selected_action": [live.pk]})
    draft.refresh_from_db()
    live.refresh_from_db()
    assert draft.status == Article.Status.PUBLISHED
    assert live.status == Article.Status.DRAFT


def test_view_on_site_previews_a_draft_for_staff(admin_client, client):
    draft = ArticleFactory(status="draft")
    change = admin_client.get(reverse("admin:news_article_change", args=[draft.pk]))
    assertContains(change, "Lihat di situs")
    content_type = ContentType.objects.get_for_model(Article)
    redirect = admin_client.get(
        reverse("admin:view_on_site", args=[content_type.pk, draft.pk])
    )
    assert redirect.status_code == 302
    assert redirect["Location"].endswith(draft.get_absolute_url())
    assert admin_client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_change_page_shows_where_gallery_photos_can_be_placed(admin_client):
    photo = ArticlePhotoFactory()
    response = admin_client.get(
        reverse("admin:news_article_change", args=[photo.article.pk])
    )
    assertContains(response, "Alamat untuk disisipkan ke isi berita")
    assertContains(response, photo.image_800.url)
