import datetime

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from humas_site.demo import demo_image
from meetings.models import Meeting
from tests.factories import (
    AgendaItemFactory,
    ArticleFactory,
    InstitutionProfileFactory,
    MeetingFactory,
    ParticipantFactory,
    ParticipantGroupFactory,
    ReferencedLetterFactory,
    ResolutionFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = reverse("meetings:meeting_list")


def full_meeting(**kwargs):
    """A meeting with every kind of related row, as the pages show them."""
    meeting = MeetingFactory(**kwargs)
    ParticipantFactory(meeting=meeting, role="pimpinan", name="Ahmad Fauzi")
    ParticipantFactory(meeting=meeting, role="moderator", name="Siti Moderator")
    ParticipantFactory(meeting=meeting, role="narasumber", name="Dewi Narasumber")
    ParticipantFactory(meeting=meeting, role="notulis", name="Rina Notulis")
    ParticipantFactory.create_batch(3, meeting=meeting)
    ParticipantFactory(meeting=meeting, name="Wahyu Absen", present=False)
    ParticipantGroupFactory(meeting=meeting, label="KPU Provinsi", count=34)
    ParticipantGroupFactory(meeting=meeting, label="KPU Kabupaten/Kota", count=514)
    AgendaItemFactory.create_batch(3, meeting=meeting)
    ResolutionFactory.create_batch(2, meeting=meeting)
    ReferencedLetterFactory(meeting=meeting, number="170/2021")
    return meeting


@pytest.fixture
def staff_client():
    staff = Client()
    staff.force_login(StaffFactory(is_superuser=True))
    return staff


def test_list_shows_public_meetings_with_chair_speakers_and_totals(client):
    meeting = full_meeting(title="Rakor kehumasan nasional")
    MeetingFactory(title="Rapat internal rahasia", is_public=False)
    response = client.get(LIST_URL)
    assertTemplateUsed(response, "meetings/meeting_list.html")
    assertContains(response, "Rakor kehumasan nasional")
    assertContains(response, meeting.get_absolute_url())
    assertContains(response, "Ahmad Fauzi")
    assertContains(response, "Dewi Narasumber")
    assertContains(response, "555 peserta")  # 7 present + 34 + 514
    assertNotContains(response, "Rapat internal rahasia")


def test_list_hides_internal_meetings_from_staff_too(staff_client):
    MeetingFactory(title="Rapat internal rahasia", is_public=False)
    assertNotContains(staff_client.get(LIST_URL), "Rapat internal rahasia")


def test_list_filters_by_kind_and_year(client):
    MeetingFactory(
        title="Workshop media 2025",
        kind="workshop",
        starts_at=datetime.datetime(2025, 3, 1, 2, tzinfo=datetime.UTC),
    )
    MeetingFactory(
        title="Workshop media 2026",
        kind="workshop",
        starts_at=datetime.datetime(2026, 3, 1, 2, tzinfo=datetime.UTC),
    )
    MeetingFactory(
        title="Bimtek operator 2026",
        kind="bimtek",
        starts_at=datetime.datetime(2026, 4, 1, 2, tzinfo=datetime.UTC),
    )

    response = client.get(LIST_URL, {"jenis": "workshop", "tahun": "2026"})

    titles = [m.title for m in response.context["meeting_list"]]
    assert titles == ["Workshop media 2026"]
    assertContains(response, '<option value="2025">2025</option>', html=True)
    bad = client.get(LIST_URL, {"jenis": "<script>", "tahun": "abc"})
    assert bad.status_code == 200
    assert len(bad.context["meeting_list"]) == 3


def test_list_is_paginated_and_keeps_the_filter(client):
    for n in range(14):
        MeetingFactory(kind="workshop", title=f"Workshop {n}")
    response = client.get(LIST_URL, {"jenis": "workshop"})
    assert response.context["is_paginated"]
    assert len(response.context["meeting_list"]) == 12
    assertContains(response, "jenis=workshop&amp;page=2")
    assert (
        len(
            client.get(LIST_URL, {"jenis": "workshop", "page": 2}).context[
                "meeting_list"
            ]
        )
        == 2
    )


@pytest.mark.parametrize("count", [3, 8])
def test_list_query_count_does_not_grow_with_meetings(
    client, django_assert_max_num_queries, count
):
    for _ in range(count):
        full_meeting()
    # institution profile, flatpage navigation, year choices, paginator count,
    # meeting rows (unit joined, attendance as subqueries), chairs and speakers.
    with django_assert_max_num_queries(6):
        response = client.get(LIST_URL)
    assert len(response.context["meeting_list"]) == count


def test_detail_shows_the_public_record(client):
    meeting = full_meeting(
        title="Rakor kehumasan provinsi", host_institution="KPU Provinsi"
    )
    ArticleFactory(title="Berita rakor kehumasan", meeting=meeting)
    ArticleFactory(title="Draf berita rakor", meeting=meeting, status="draft")
    response = client.get(meeting.get_absolute_url())
    assertTemplateUsed(response, "meetings/meeting_detail.html")
    for text in [
        "Rakor kehumasan provinsi",
        "KPU Provinsi",
        "Ahmad Fauzi",
        "Siti Moderator",
        "Dewi Narasumber",
        "555 peserta",
        "514 KPU Kabupaten/Kota",
        meeting.resolutions.first().text,
        meeting.agenda_items.first().topic,
        "Berita rakor kehumasan",
        meeting.get_minutes_url(),
    ]:
        assertContains(response, text)
    assertNotContains(response, "Draf berita rakor")
    assertNotContains(response, meeting.get_attendance_url())  # staff only
    assertNotContains(response, "meet.example")


def test_detail_query_count_is_constant(client, django_assert_max_num_queries):
    meeting = full_meeting()
    ArticleFactory.create_batch(3, meeting=meeting)
    # profile, flatpages, meeting (unit, attendance), participants, groups,
    # agenda items, resolutions (unit joined), letters, published articles.
    with django_assert_max_num_queries(9):
        response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200


def test_internal_meeting_is_404_for_the_public_and_visible_to_staff(
    client, staff_client
):
    meeting = full_meeting(is_public=False, title="Rapat internal bulanan")
    for url in [
        meeting.get_absolute_url(),
        meeting.get_minutes_url(),
        meeting.get_attendance_url(),
    ]:
        assert client.get(url).status_code == 404
    for url in [meeting.get_absolute_url(), meeting.get_minutes_url()]:
        response = staff_client.get(url)
        assertContains(response, "Rapat internal bulanan")
        assert "no-cache" in response["Cache-Control"]
    assertContains(
        staff_client.get(meeting.get_absolute_url()), "hanya terlihat oleh staf"
    )


def test_staff_without_a_verified_second_factor_cannot_see_internal_meetings(
    client, settings
):
    settings.STAFF_2FA_REQUIRED = True
    meeting = MeetingFactory(is_public=False)
    client.force_login(StaffFactory(is_superuser=True))
    assert client.get(meeting.get_absolute_url()).status_code == 404


def test_contributors_without_meeting_permission_cannot_see_internal_meetings(client):
    meeting = MeetingFactory(is_public=False)
    client.force_login(StaffFactory())
    assert client.get(meeting.get_absolute_url()).status_code == 404


def letterhead_profile():
    profile = InstitutionProfileFactory(
        name="KPU Kabupaten Sukamaju", address="Jl. Merdeka Timur No. 17"
    )
    profile.logo.save("logo.png", demo_image("KPU", (128, 128), fmt="PNG"))
    return profile


def test_printable_minutes_have_letterhead_details_and_resolutions(client):
    letterhead_profile()
    meeting = full_meeting(
        title="Rapat pleno terbuka",
        starts_at=datetime.datetime(2021, 5, 4, 3, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2021, 5, 4, 5, 0, tzinfo=datetime.UTC),
        minutes="<p>Rapat dibuka pukul 10.05 WIB.</p>",
    )
    response = client.get(meeting.get_minutes_url())
    assertTemplateUsed(response, "meetings/meeting_minutes.html")
    assertContains(response, "KPU KABUPATEN SUKAMAJU")
    assertContains(response, "Jl. Merdeka Timur No. 17")
    assertContains(response, 'class="letterhead-logo"')
    assertContains(response, "Notulen rapat")
    assertContains(response, "Selasa, 4 Mei 2021 · 10.00 WIB")
    assertContains(response, "12.00 WIB")
    assertContains(response, "<p>Rapat dibuka pukul 10.05 WIB.</p>", html=True)
    assertContains(response, "Keputusan dan tindak lanjut")
    for resolution in meeting.resolutions.all():
        assertContains(response, resolution.text)
    assertContains(response, "Surat nomor 170/2021")
    assertContains(response, "css/print")
    assertNotContains(response, "<script>")  # only the static script tag
    assertNotContains(response, "style=")


def test_printable_attendance_list_is_staff_only_with_a_signature_column(
    client, staff_client
):
    letterhead_profile()
    meeting = full_meeting()
    assert client.get(meeting.get_attendance_url()).status_code == 404
    response = staff_client.get(meeting.get_attendance_url())
    assertTemplateUsed(response, "meetings/meeting_attendance.html")
    assertContains(response, "KPU KABUPATEN SUKAMAJU")
    assertContains(response, "Daftar hadir")
    assertContains(
        response, '<th scope="col" class="col-signature">Tanda tangan</th>', html=True
    )
    for participant in meeting.participants.all():
        assertContains(response, participant.name)
    assertContains(response, "34 KPU Provinsi")
    assertContains(response, "Jumlah seluruh peserta: 555.")
    assert response.content.decode().count('class="blank-row"') == 3


def test_attendance_list_says_how_each_group_attended(staff_client):
    """Groups of a hybrid meeting are "daring" only when recorded so."""
    meeting = MeetingFactory(mode=Meeting.Mode.HYBRID)
    ParticipantGroupFactory(meeting=meeting, label="KPU Provinsi", count=34)
    ParticipantGroupFactory(
        meeting=meeting, label="mahasiswa", count=40, mode=Meeting.Mode.OFFLINE
    )
    ParticipantGroupFactory(
        meeting=meeting, label="PPK", count=25, mode=Meeting.Mode.ONLINE
    )
    response = staff_client.get(meeting.get_attendance_url())
    assertNotContains(response, "Peserta daring yang tidak dicantumkan")
    assertContains(
        response,
        "34 KPU Provinsi; 40 mahasiswa (hadir di tempat); "
        "25 PPK (mengikuti secara daring).",
    )

    meeting.mode = Meeting.Mode.ONLINE
    meeting.save()
    response = staff_client.get(meeting.get_attendance_url())
    assertContains(response, "34 KPU Provinsi (mengikuti secara daring);")


def test_attendance_list_is_signed_at_the_office_city_with_room_for_nip(
    staff_client,
):
    InstitutionProfileFactory(name="KPU Kabupaten Sukamaju", city="Sukamaju")
    meeting = MeetingFactory(
        # 4 May 2021, 07.30 WIB: still 3 May in UTC.
        starts_at=datetime.datetime(2021, 5, 4, 0, 30, tzinfo=datetime.UTC),
        ends_at=None,
    )
    ParticipantFactory(meeting=meeting, role="pimpinan", name="Ahmad Fauzi")
    ParticipantFactory(meeting=meeting, name="Sri Wahyuni")
    response = staff_client.get(meeting.get_attendance_url())
    assertContains(
        response, "<p>Sukamaju, 4 Mei 2021<br>Pimpinan rapat,</p>", html=True
    )
    assertContains(response, '<span class="nip">NIP.</span>', count=2)
    assertContains(response, '<p class="signature-nip">NIP.</p>', html=True)


def test_print_pages_query_count_is_constant(
    staff_client, django_assert_max_num_queries
):
    meeting = full_meeting()
    # session, user, meeting (unit, attendance), participants, groups, agenda,
    # resolutions (unit joined), letters, profile, flatpages, and the session
    # refresh of the idle timeout (savepoint, update, release).
    with django_assert_max_num_queries(13):
        staff_client.get(meeting.get_minutes_url())
    with django_assert_max_num_queries(13):
        staff_client.get(meeting.get_attendance_url())


def test_feed_lists_held_public_meetings_only(client):
    held = MeetingFactory(title="Rakor publik terlaksana", summary="Ringkasan rakor")
    MeetingFactory(title="Rapat internal rahasia", is_public=False)
    MeetingFactory(title="Rapat publik rencana", status=Meeting.Status.PLANNED)
    response = client.get(reverse("meetings:meeting_feed"))
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert body.count("<item>") == 1
    assert "Rakor publik terlaksana" in body
    assert held.get_absolute_url() in body
    assert "Ringkasan rakor" in body
    assert "rahasia" not in body


def test_sitemap_lists_public_meetings_only(client):
    public = MeetingFactory()
    internal = MeetingFactory(is_public=False)
    body = client.get("/sitemap-meetings.xml").content.decode()
    assert public.get_absolute_url() in body
    assert internal.get_absolute_url() not in body
