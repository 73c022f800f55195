"""Referenced letters download as attachments, within the meeting's visibility."""

import pytest
from django.core.files.base import ContentFile

from tests.factories import MeetingFactory, ReferencedLetterFactory, StaffFactory
from tests.meetings.pdfs import clean_pdf


def letter_for(**meeting_fields):
    letter = ReferencedLetterFactory(meeting=MeetingFactory(**meeting_fields))
    letter.file.save("surat.pdf", ContentFile(clean_pdf()), save=True)
    return letter


def download_url(letter):
    return f"/rapat/{letter.meeting.slug}/surat/{letter.pk}/"


@pytest.mark.django_db
def test_public_meeting_letter_downloads_as_attachment(client):
    letter = letter_for(is_public=True)
    response = client.get(download_url(letter))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.django_db
def test_internal_meeting_letter_is_hidden_from_the_public(client):
    letter = letter_for(is_public=False)
    assert client.get(download_url(letter)).status_code == 404
    client.force_login(StaffFactory(is_superuser=True))
    response = client.get(download_url(letter))
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_letter_of_another_meeting_is_not_found(client):
    letter = letter_for(is_public=True)
    other = MeetingFactory(is_public=True)
    assert client.get(f"/rapat/{other.slug}/surat/{letter.pk}/").status_code == 404
