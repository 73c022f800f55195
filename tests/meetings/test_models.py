import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from meetings.models import Meeting, Resolution
from tests.factories import (
    MeetingFactory,
    ParticipantFactory,
    ParticipantGroupFactory,
    ResolutionFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 5, 4, 10, 0, tzinfo=datetime.UTC)


def test_public_excludes_internal_meetings():
    public = MeetingFactory(is_public=True)
    MeetingFactory(is_public=False)
    assert list(Meeting.objects.public()) == [public]


def test_held_and_upcoming():
    with time_machine.travel(NOW, tick=False):
        held = MeetingFactory(status=Meeting.Status.HELD)
        soon = MeetingFactory(
            status=Meeting.Status.PLANNED, starts_at=NOW + datetime.timedelta(days=2)
        )
        later = MeetingFactory(
            status=Meeting.Status.PLANNED, starts_at=NOW + datetime.timedelta(days=9)
        )
        MeetingFactory(  # planned but already past: not upcoming
            status=Meeting.Status.PLANNED, starts_at=NOW - datetime.timedelta(days=1)
        )
        MeetingFactory(
            status=Meeting.Status.CANCELLED, starts_at=NOW + datetime.timedelta(days=3)
        )
        assert list(Meeting.objects.held()) == [held]
        assert list(Meeting.objects.upcoming()) == [soon, later]


def test_attendance_totals_add_present_people_and_group_counts():
    meeting = MeetingFactory()
    ParticipantFactory.create_batch(3, meeting=meeting, present=True)
    ParticipantFactory(meeting=meeting, present=False)
    ParticipantGroupFactory(meeting=meeting, label="KPU Provinsi", count=34)
    ParticipantGroupFactory(meeting=meeting, label="KPU Kabupaten/Kota", count=514)
    empty = MeetingFactory()

    rows = {m.pk: m for m in Meeting.objects.with_attendance()}

    # Two groups and four participants must not multiply each other (no join).
    assert rows[meeting.pk].present_count == 3
    assert rows[meeting.pk].group_count == 548
    assert rows[meeting.pk].attendee_total == 551
    assert rows[empty.pk].attendee_total == 0


def test_end_before_start_is_a_validation_error_and_a_database_constraint():
    meeting = MeetingFactory.build(
        starts_at=NOW, ends_at=NOW - datetime.timedelta(hours=1), organiser_unit=None
    )
    with pytest.raises(ValidationError) as info:
        meeting.full_clean()
    assert "ends_at" in info.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        meeting.save()


def test_slug_is_derived_from_title_and_date_when_empty():
    meeting = MeetingFactory(
        slug="", title="Rapat Pleno Terbuka", starts_at=NOW, organiser_unit=None
    )
    assert meeting.slug == "rapat-pleno-terbuka-2026-05-04"
    assert meeting.get_absolute_url() == "/rapat/rapat-pleno-terbuka-2026-05-04/"


def test_roles_are_read_from_participants():
    meeting = MeetingFactory()
    chair = ParticipantFactory(meeting=meeting, role="pimpinan", name="Ketua")
    speaker = ParticipantFactory(meeting=meeting, role="narasumber")
    moderator = ParticipantFactory(meeting=meeting, role="moderator")
    meeting = Meeting.objects.with_details().get()
    assert meeting.chair == chair
    assert meeting.speakers == [speaker]
    assert meeting.moderators == [moderator]


def test_follow_up_board_lists_unfinished_overdue_first():
    today = datetime.date(2026, 5, 4)
    no_due = ResolutionFactory(due_date=None)
    later = ResolutionFactory(due_date=today + datetime.timedelta(days=10))
    overdue_long = ResolutionFactory(due_date=today - datetime.timedelta(days=9))
    overdue = ResolutionFactory(
        due_date=today - datetime.timedelta(days=1),
        status=Resolution.Status.IN_PROGRESS,
    )
    soon = ResolutionFactory(due_date=today + datetime.timedelta(days=1))
    ResolutionFactory(
        due_date=today - datetime.timedelta(days=20), status=Resolution.Status.DONE
    )

    board = list(Resolution.objects.for_board(today))

    assert board == [overdue_long, overdue, soon, later, no_due]
    assert [r.overdue_rank for r in board] == [0, 0, 1, 1, 2]
    assert set(Resolution.objects.overdue(today)) == {overdue_long, overdue}
    assert overdue.is_overdue(today) and not soon.is_overdue(today)


def test_responsible_combines_unit_and_person():
    resolution = ResolutionFactory(
        responsible_unit__name="Sekretariat", responsible_person="Larasati"
    )
    assert resolution.responsible == "Sekretariat / Larasati"
    resolution.responsible_unit = None
    assert resolution.responsible == "Larasati"
