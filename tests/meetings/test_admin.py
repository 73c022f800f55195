import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from meetings.models import FollowUp, Meeting, Participant, ReferencedLetter
from tests.factories import (
    FollowUpFactory,
    MeetingFactory,
    ParticipantFactory,
    ResolutionFactory,
    StaffFactory,
    UnitFactory,
    UserFactory,
)

from .pdfs import clean_pdf, pdf_with, upload

pytestmark = pytest.mark.django_db

INLINES = ["participants", "participant_groups", "agenda_items", "resolutions"]


def management(prefix, total, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def meeting_form(participants=(), letters=(), **overrides):
    """POST data of the meeting add form; participants are (name, role) pairs."""
    data = {
        "title": "Rapat koordinasi persiapan debat publik",
        "slug": "rapat-koordinasi-persiapan-debat",
        "kind": "rapat-koordinasi",
        "status": "terlaksana",
        "is_public": "on",
        "starts_at_0": "2026-05-04",
        "starts_at_1": "09:00:00",
        "ends_at_0": "2026-05-04",
        "ends_at_1": "11:00:00",
        "mode": "luring",
        "place": "Aula KPU",
        "online_link": "",
        "host_institution": "",
        "summary": "Ringkasan",
        "minutes": "<p>Notulen</p>",
    }
    for prefix in INLINES:
        data.update(management(prefix, 0))
    data.update(management("participants", len(participants)))
    for i, (name, role) in enumerate(participants):
        data.update(
            {
                f"participants-{i}-order": str(i),
                f"participants-{i}-name": name,
                f"participants-{i}-role": role,
                f"participants-{i}-present": "on",
            }
        )
    data.update(management("letters", len(letters)))
    for i, file in enumerate(letters):
        data.update(
            {
                f"letters-{i}-number": "170/2021",
                f"letters-{i}-date": "2021-03-01",
                f"letters-{i}-subject": "Undangan rapat",
                f"letters-{i}-file": file,
            }
        )
    data.update(overrides)
    return data


ADD_URL = reverse("admin:meetings_meeting_add")


def test_changelist_add_and_change_pages_render(admin_client):
    meeting = MeetingFactory(title="Rapat di daftar admin")
    ParticipantFactory.create_batch(3, meeting=meeting)
    assertContains(
        admin_client.get(reverse("admin:meetings_meeting_changelist")),
        "Rapat di daftar admin",
    )
    assert admin_client.get(ADD_URL).status_code == 200
    change = admin_client.get(
        reverse("admin:meetings_meeting_change", args=[meeting.pk])
    )
    assertContains(change, meeting.get_minutes_url())
    assertContains(change, meeting.get_attendance_url())
    assertContains(change, "Buat berita dari rapat")


def test_a_meeting_with_exactly_one_chair_is_saved(admin_client):
    response = admin_client.post(
        ADD_URL,
        meeting_form([("Ahmad", "pimpinan"), ("Sri", "peserta"), ("Rina", "notulis")]),
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.participants.count() == 3
    assert meeting.participants.get(role="pimpinan").name == "Ahmad"


def test_a_meeting_without_a_chair_is_refused_with_a_clear_message(admin_client):
    response = admin_client.post(
        ADD_URL, meeting_form([("Sri", "peserta"), ("Rina", "notulis")])
    )
    assert response.status_code == 200
    assertContains(response, "harus memiliki tepat satu pimpinan rapat")
    assert not Meeting.objects.exists()


def test_a_planned_meeting_is_saved_before_its_participants_are_known(admin_client):
    response = admin_client.post(
        ADD_URL, meeting_form(status="direncanakan", summary="", minutes="<p></p>")
    )
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.status == Meeting.Status.PLANNED
    assert not meeting.participants.exists()


def test_a_planned_meeting_with_minutes_needs_its_chair(admin_client):
    response = admin_client.post(
        ADD_URL, meeting_form([("Sri", "peserta")], status="direncanakan")
    )
    assert response.status_code == 200
    assertContains(response, "sudah bernotulen harus memiliki tepat satu pimpinan")
    assert not Meeting.objects.exists()


def test_marking_a_planned_meeting_held_asks_for_its_chair(admin_client):
    meeting = MeetingFactory(status="direncanakan", minutes="")
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = meeting_form([("Sri", "peserta")], slug=meeting.slug, minutes="")
    response = admin_client.post(url, data)
    assertContains(response, "sudah terlaksana atau sudah bernotulen harus memiliki")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.PLANNED


def test_a_meeting_with_two_chairs_is_refused(admin_client):
    response = admin_client.post(
        ADD_URL, meeting_form([("Ahmad", "pimpinan"), ("Bambang", "pimpinan")])
    )
    assert response.status_code == 200
    assertContains(response, "Hanya boleh ada satu pimpinan rapat")
    assertContains(response, "saat ini 2 peserta")
    assert not Participant.objects.exists()


def test_deleting_the_only_chair_is_refused(admin_client):
    meeting = MeetingFactory()
    chair = ParticipantFactory(meeting=meeting, role="pimpinan")
    data = meeting_form(slug=meeting.slug)
    data.update(management("participants", 1, initial=1))
    data.update(
        {
            "participants-0-id": str(chair.pk),
            "participants-0-meeting": str(meeting.pk),
            "participants-0-name": chair.name,
            "participants-0-role": "pimpinan",
            "participants-0-order": "0",
            "participants-0-DELETE": "on",
        }
    )
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    response = admin_client.post(url, data)
    assertContains(response, "harus memiliki tepat satu pimpinan rapat")
    assert Participant.objects.filter(pk=chair.pk).exists()


def test_a_letter_of_a_refused_meeting_is_named_to_choose_again(admin_client):
    response = admin_client.post(
        ADD_URL,
        meeting_form(
            [("Sri", "peserta")], letters=[upload(clean_pdf(), "undangan.pdf")]
        ),
    )
    assertContains(response, "harus memiliki tepat satu pimpinan rapat")
    assertContains(response, "Pilih lagi “undangan.pdf” sebelum menyimpan")
    assert not Meeting.objects.exists()


def test_end_before_start_is_refused_in_the_admin(admin_client):
    response = admin_client.post(
        ADD_URL,
        meeting_form([("Ahmad", "pimpinan")], ends_at_0="2026-05-03"),
    )
    assertContains(response, "Waktu selesai tidak boleh sebelum waktu mulai.")
    assert not Meeting.objects.exists()


def media_files(media_root):
    return (
        [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    )


def test_a_clean_pdf_letter_is_stored_under_a_random_pdf_name(admin_client, media_root):
    response = admin_client.post(
        ADD_URL,
        meeting_form([("Ahmad", "pimpinan")], letters=[upload(clean_pdf(), "x.php")]),
    )
    assert response.status_code == 302
    letter = ReferencedLetter.objects.get()
    assert letter.file.name.startswith("rapat/surat/")
    assert letter.file.name.endswith(".pdf")
    assert "x.php" not in letter.file.name
    assert len(media_files(media_root)) == 1


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"<?php echo 'gacor'; ?>", "surat.pdf", "bukan dokumen PDF"),
        (
            pdf_with(b"<< /S /JavaScript /JS (app.alert(1)) >>"),
            "surat.pdf",
            "konten aktif",
        ),
    ],
)
def test_bad_letter_files_are_refused_and_nothing_is_stored(
    admin_client, media_root, content, name, message
):
    response = admin_client.post(
        ADD_URL, meeting_form([("Ahmad", "pimpinan")], letters=[upload(content, name)])
    )
    assert response.status_code == 200
    assertContains(response, message)
    assert not Meeting.objects.exists()
    assert not ReferencedLetter.objects.exists()
    assert media_files(media_root) == []


def test_an_oversized_letter_is_refused(admin_client, media_root, monkeypatch):
    from meetings import validators

    monkeypatch.setattr(validators, "MAX_PDF_BYTES", 2048)
    big = clean_pdf().replace(b"%%EOF", b"%" + b"x" * 4096 + b"\n%%EOF")
    response = admin_client.post(
        ADD_URL, meeting_form([("Ahmad", "pimpinan")], letters=[upload(big)])
    )
    assertContains(response, "Ukuran berkas PDF maksimal")
    assert not ReferencedLetter.objects.exists()
    assert media_files(media_root) == []


BOARD_URL = reverse("admin:meetings_resolution_changelist")


@pytest.mark.any_hour
def test_follow_up_board_shows_unfinished_resolutions_overdue_first(admin_client):
    today = timezone.localdate()
    later = ResolutionFactory(
        text="Keputusan tenggat nanti", due_date=today + datetime.timedelta(days=30)
    )
    overdue = ResolutionFactory(
        text="Keputusan yang terlambat", due_date=today - datetime.timedelta(days=5)
    )
    ResolutionFactory(text="Keputusan sudah selesai", status="selesai")

    response = admin_client.get(BOARD_URL)

    assertContains(response, "Papan tindak lanjut keputusan rapat")
    assertNotContains(response, "Keputusan sudah selesai")
    page = response.content.decode()
    assert page.index(overdue.text) < page.index(later.text)
    assertContains(response, "Lewat 5 hari")
    assert list(response.context["cl"].result_list) == [overdue, later]


def test_follow_up_board_filters_by_unit_and_status(admin_client):
    humas = UnitFactory(name="Subbagian Humas", slug="humas")
    ResolutionFactory(text="Milik humas", responsible_unit=humas)
    ResolutionFactory(text="Milik unit lain")
    ResolutionFactory(text="Humas selesai", responsible_unit=humas, status="selesai")

    by_unit = admin_client.get(BOARD_URL, {"responsible_unit__id__exact": humas.pk})
    assert [r.text for r in by_unit.context["cl"].result_list] == ["Milik humas"]

    done = admin_client.get(BOARD_URL, {"tindak_lanjut": "selesai"})
    assert [r.text for r in done.context["cl"].result_list] == ["Humas selesai"]

    everything = admin_client.get(BOARD_URL, {"tindak_lanjut": "semua"})
    assert everything.context["cl"].result_count == 3


def test_follow_up_notes_are_added_inline_with_their_author(admin_client, admin_user):
    resolution = ResolutionFactory()
    FollowUpFactory(resolution=resolution, note="Catatan lama")
    url = reverse("admin:meetings_resolution_change", args=[resolution.pk])
    assertContains(admin_client.get(url), "Catatan lama")
    old = resolution.follow_ups.get()
    data = {
        "meeting": str(resolution.meeting_id),
        "order": "0",
        "text": resolution.text,
        "responsible_unit": str(resolution.responsible_unit_id),
        "responsible_person": "",
        "due_date": resolution.due_date.isoformat(),
        "status": "berjalan",
        **management("follow_ups", 2, initial=1),
        "follow_ups-0-id": str(old.pk),
        "follow_ups-0-resolution": str(resolution.pk),
        "follow_ups-0-date": old.date.isoformat(),
        "follow_ups-0-note": old.note,
        "follow_ups-1-resolution": str(resolution.pk),
        "follow_ups-1-date": "2026-05-06",
        "follow_ups-1-note": "Draf sudah dikirim ke Ketua.",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    new = FollowUp.objects.get(note="Draf sudah dikirim ke Ketua.")
    assert new.author == admin_user
    resolution.refresh_from_db()
    assert resolution.status == "berjalan"


def test_board_changelist_runs_a_constant_number_of_queries(
    admin_client, django_assert_max_num_queries
):
    for _ in range(5):
        resolution = ResolutionFactory()
        FollowUpFactory.create_batch(2, resolution=resolution)
    # session, user, count, full count, page rows (meeting and unit joined,
    # last follow-up annotated), unit filter choices, kind filter, savepoints.
    with django_assert_max_num_queries(12):
        response = admin_client.get(BOARD_URL)
    assert response.context["cl"].result_count == 5


def test_an_editor_records_a_meeting_with_a_linked_staff_account(client):
    from humas_site.roles import EDITOR, sync_roles

    editor = StaffFactory(username="redaktur")
    editor.groups.add(sync_roles()[EDITOR])
    outsider = UserFactory(username="bukan-staf")
    client.force_login(editor)
    add_page = client.get(ADD_URL)
    assert add_page.status_code == 200
    assertContains(add_page, "redaktur")
    assertNotContains(add_page, "bukan-staf")
    data = meeting_form([("Ahmad", "pimpinan"), ("Rina", "notulis")])
    data["participants-1-user"] = str(editor.pk)
    assert client.post(ADD_URL, data).status_code == 302
    assert Participant.objects.get(name="Rina").user == editor
    data["participants-1-user"] = str(outsider.pk)
    data["slug"] = "rapat-kedua"
    response = client.post(ADD_URL, data)
    assert response.status_code == 200  # only staff accounts can be linked


def test_leaders_read_meetings_and_print_pages_without_editing(client):
    from humas_site.roles import LEADER, sync_roles

    leader = StaffFactory(username="ketua")
    leader.groups.add(sync_roles()[LEADER])
    meeting = MeetingFactory(is_public=False)
    ParticipantFactory(meeting=meeting, role="pimpinan")
    client.force_login(leader)
    change = client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))
    assert change.status_code == 200
    assertNotContains(change, 'name="_save"')
    assertNotContains(change, "Buat berita dari rapat")
    assert client.get(meeting.get_minutes_url()).status_code == 200
    assert client.get(meeting.get_attendance_url()).status_code == 200
    assert client.get(BOARD_URL).status_code == 200
