import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from pytest_django.asserts import assertContains

from meetings.services import meeting_create_news_draft
from news.models import Article
from tests.factories import (
    CategoryFactory,
    InstitutionProfileFactory,
    MeetingFactory,
    ParticipantFactory,
    ParticipantGroupFactory,
    ResolutionFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting():
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju", short_name="KPU Sukamaju")
    meeting = MeetingFactory(
        title="Rakor Kehumasan se-Provinsi",
        starts_at=datetime.datetime(2021, 5, 4, 3, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2021, 5, 4, 6, 0, tzinfo=datetime.UTC),
        place="Aula KPU Provinsi",
        host_institution="KPU Provinsi Nusantara Barat",
        summary="Pembahasan pertama.\n\nPembahasan <b>kedua</b>.",
        organiser_unit__name="Subbagian Humas",
    )
    ParticipantFactory(
        meeting=meeting,
        role="pimpinan",
        name="Ketut Widiarsa",
        position="Ketua",
        organisation="KPU Provinsi",
    )
    ParticipantFactory(meeting=meeting, role="moderator", name="Teguh Santoso")
    ParticipantFactory(
        meeting=meeting,
        role="narasumber",
        name="Dr. Hana Prameswari",
        position="Dosen",
        organisation="Universitas Wiramadya",
    )
    ParticipantFactory(
        meeting=meeting, role="peserta", name="Tidak Hadir", present=False
    )
    ParticipantGroupFactory(meeting=meeting, label="KPU Kabupaten/Kota", count=22)
    ResolutionFactory(meeting=meeting, text="Menunjuk admin media sosial.")
    ResolutionFactory(meeting=meeting, text="Menyusun standar klarifikasi.")
    return meeting


def test_draft_is_prefilled_from_the_meeting_and_linked_to_it(meeting):
    category = CategoryFactory(name="Berita", slug="berita")
    user = StaffFactory(first_name="Rina", last_name="Wulandari")

    article, created = meeting_create_news_draft(meeting=meeting, user=user)

    assert created
    assert article.status == Article.Status.DRAFT
    assert not article.is_published_now()
    assert article.meeting == meeting
    assert list(meeting.articles.all()) == [article]
    assert article.title == "Rakor Kehumasan se-Provinsi"
    assert article.unit == meeting.organiser_unit
    assert article.category == category
    assert article.created_by == user and article.writer == "Rina Wulandari"
    assert article.lead == (
        "KPU Sukamaju mengikuti Rakor Kehumasan se-Provinsi yang diselenggarakan "
        "KPU Provinsi Nusantara Barat pada Selasa, 4 Mei 2021 di Aula KPU Provinsi."
    )
    for text in [
        "Selasa, 4 Mei 2021 pukul 10.00 WIB sampai 13.00 WIB",
        "dipimpin oleh Ketut Widiarsa (Ketua, KPU Provinsi)",
        "dipandu oleh Teguh Santoso",
        "<li>Dr. Hana Prameswari (Dosen, Universitas Wiramadya)</li>",
        "diikuti 25 peserta",  # 3 present + 22 in the group
        "22 KPU Kabupaten/Kota",
        "<p>Pembahasan pertama.</p>",
        "<li>Menunjuk admin media sosial.</li>",
        "<li>Menyusun standar klarifikasi.</li>",
    ]:
        assert text in article.body, text
    assert "<b>kedua</b>" not in article.body  # the summary is plain text
    assert list(article.tags.names()) == ["rapat koordinasi"]


def test_running_it_twice_does_not_create_a_second_draft(meeting):
    first, created = meeting_create_news_draft(meeting=meeting)
    first.title = "Judul yang sudah disunting editor"
    first.save()
    again, created_again = meeting_create_news_draft(meeting=meeting)
    assert created and not created_again
    assert again == first
    assert again.title == "Judul yang sudah disunting editor"
    assert Article.objects.count() == 1


def test_slug_does_not_collide_with_an_existing_article(meeting):
    from tests.factories import ArticleFactory

    ArticleFactory(slug="rakor-kehumasan-se-provinsi")
    article, _created = meeting_create_news_draft(meeting=meeting)
    assert article.slug == "rakor-kehumasan-se-provinsi-2"


def test_admin_button_confirms_then_creates_one_draft(admin_client, meeting):
    url = reverse("admin:meetings_meeting_create_news", args=[meeting.pk])
    confirm = admin_client.get(url)
    assertContains(confirm, "Ya, buat draf berita")
    assert not Article.objects.exists()

    response = admin_client.post(url, follow=True)
    article = Article.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:news_article_change", args=[article.pk]
    )
    assertContains(response, "dibuat dari rapat")

    again = admin_client.post(url, follow=True)
    assertContains(again, "tidak dibuat draf kedua")
    assert Article.objects.count() == 1
    assertContains(admin_client.get(url), "Buka berita yang ada")


def test_admin_action_creates_drafts_for_selected_meetings(admin_client, meeting):
    other = MeetingFactory()
    ParticipantFactory(meeting=other, role="pimpinan")
    changelist = reverse("admin:meetings_meeting_changelist")
    data = {"action": "create_news_drafts", "_selected_action": [meeting.pk, other.pk]}
    admin_client.post(changelist, data)
    admin_client.post(changelist, data)
    assert Article.objects.count() == 2
    assert set(Article.objects.values_list("meeting", flat=True)) == {
        meeting.pk,
        other.pk,
    }


def test_staff_without_news_permission_cannot_create_drafts(client, meeting):
    user = StaffFactory()
    user.user_permissions.add(
        Permission.objects.get(codename="view_meeting"),
        Permission.objects.get(codename="change_meeting"),
    )
    client.force_login(user)
    url = reverse("admin:meetings_meeting_create_news", args=[meeting.pk])
    assert client.post(url).status_code == 403
    assert not Article.objects.exists()
    change = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert "Buat berita dari rapat" not in change.content.decode()


def test_published_article_appears_on_the_public_meeting_page(client, meeting):
    article, _created = meeting_create_news_draft(meeting=meeting)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert article.get_absolute_url() not in page
    article.status = Article.Status.PUBLISHED
    article.save()
    assertContains(client.get(meeting.get_absolute_url()), article.get_absolute_url())


@pytest.mark.parametrize(
    "host", ["", "KPU Kabupaten Sukamaju", "KPU Kab. Sukamaju", "kpu sukamaju"]
)
def test_a_meeting_the_office_hosts_is_news_of_it_holding_the_meeting(host):
    """Not "KPU Sukamaju mengikuti ... yang diselenggarakan KPU Kab. Sukamaju"."""
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju", short_name="KPU Sukamaju")
    meeting = MeetingFactory(
        title="Rapat Koordinasi Persiapan Pemutakhiran Data Pemilih",
        starts_at=datetime.datetime(2021, 5, 4, 3, 0, tzinfo=datetime.UTC),
        place="Aula KPU Kabupaten Sukamaju",
        host_institution=host,
    )

    article, _created = meeting_create_news_draft(meeting=meeting)

    assert article.lead == (
        "KPU Sukamaju menggelar Rapat Koordinasi Persiapan Pemutakhiran Data "
        "Pemilih pada Selasa, 4 Mei 2021 di Aula KPU Kabupaten Sukamaju."
    )


def test_a_meeting_of_a_similarly_named_institution_is_not_the_office_s_own():
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju", short_name="KPU Sukamaju")
    meeting = MeetingFactory(
        title="Rakor Pemutakhiran Data",
        starts_at=datetime.datetime(2021, 5, 4, 3, 0, tzinfo=datetime.UTC),
        mode="daring",
        host_institution="KPU Provinsi Sukamaju",
    )
    article, _created = meeting_create_news_draft(meeting=meeting)
    assert article.lead == (
        "KPU Sukamaju mengikuti Rakor Pemutakhiran Data yang diselenggarakan "
        "KPU Provinsi Sukamaju pada Selasa, 4 Mei 2021 secara daring."
    )
