"""An editor's save with photos while the media folder refuses writes: the
form comes back with the text and a clear error, nothing is saved, no file
stays behind (the disk-full step of ``make faults``)."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from news.models import Article
from tests.factories import ArticleFactory, StaffFactory
from tests.news.test_admin import article_form_data, jpeg_upload
from tests.news.test_workflow import file_size_limit, noise_photo

pytestmark = pytest.mark.django_db

LIMIT = 64 * 1024


def stored_files(media_root):
    return sorted(p for p in media_root.rglob("*") if p.is_file())


def test_new_article_refused_by_a_full_disk_is_shown_again(client, media_root):
    client.force_login(StaffFactory(is_superuser=True))
    small = jpeg_upload()
    assert small.size < LIMIT
    with file_size_limit(LIMIT):
        response = client.post(
            reverse("admin:news_article_add"),
            article_form_data(
                title="Rapat pleno saat disk penuh",
                body="<p>Isi yang tidak boleh hilang</p>",
                featured_image=small,  # written first, then the gallery fails
                **{
                    "photos-TOTAL_FORMS": "1",
                    "photos-0-image": noise_photo("galeri.jpg"),
                    "photos-0-caption": "Foto besar",
                    "photos-0-order": "1",
                },
            ),
        )
    assert response.status_code == 200
    assertContains(response, "ruang penyimpanan server penuh")
    assertContains(response, "Rapat pleno saat disk penuh")
    assertContains(response, "Isi yang tidak boleh hilang")
    assert not Article.objects.exists()
    assert stored_files(media_root) == []


def test_changed_article_refused_by_a_full_disk_keeps_the_stored_version(
    client, media_root
):
    article = ArticleFactory(title="Judul tersimpan")
    client.force_login(StaffFactory(is_superuser=True))
    url = reverse("admin:news_article_change", args=[article.pk])
    form = client.get(url).context["adminform"].form
    data = article_form_data(
        title="Judul baru saat disk penuh",
        slug=article.slug,
        loaded_version=form.initial["loaded_version"],
        featured_image=noise_photo("utama.jpg"),
    )
    data.pop("_transition")
    with file_size_limit(LIMIT):
        response = client.post(url, data)
    assert response.status_code == 200
    assertContains(response, "ruang penyimpanan server penuh")
    assertContains(response, "Judul baru saat disk penuh")
    article.refresh_from_db()
    assert article.title == "Judul tersimpan"
    assert article.history.count() == 1
    assert stored_files(media_root) == []
