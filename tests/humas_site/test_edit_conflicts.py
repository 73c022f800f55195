"""Two editors on one record: the second save is refused, nothing is lost."""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from agendas.models import Event
from humas_site.roles import EDITOR
from meetings.models import Meeting
from tests.factories import (
    EventFactory,
    MeetingFactory,
    ParticipantFactory,
    StaffFactory,
)


class FormFields(HTMLParser):
    """The values a browser would submit from the admin change form."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = [], None, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if (
            tag == "input"
            and name
            and attrs.get("type") not in ("submit", "button", "file")
        ):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if checkable and "checked" not in attrs:
                return
            self.data.append((name, attrs.get("value", "on" if checkable else "")))
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data.append((self._select, attrs.get("value", "")))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data.append((name, ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            name, value = self.data.pop()
            self.data.append((name, value + data))


def submitted_form(response):
    parser = FormFields()
    parser.feed(response.content.decode())
    data = {}
    for name, value in parser.data:
        data.setdefault(name, []).append(value)
    return data


def edit_twice(admin_client, url, field, first, second):
    """Open the form twice, save the first copy, then try to save the second."""
    form_a = submitted_form(admin_client.get(url))
    form_b = submitted_form(admin_client.get(url))
    form_a[field] = [first]
    assert admin_client.post(url, form_a).status_code == 302
    form_b[field] = [second]
    return admin_client.post(url, form_b)


@pytest.mark.django_db
def test_second_save_of_a_meeting_is_refused_with_a_clear_message(admin_client):
    meeting = MeetingFactory(title="Rapat internal November")
    ParticipantFactory(meeting=meeting, role="pimpinan")
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    response = edit_twice(admin_client, url, "title", "Rapat A", "Rapat B")
    assert response.status_code == 200
    assert "belum disimpan" in response.content.decode()
    assert 'value="Rapat B"' in response.content.decode()  # the input is kept
    assert Meeting.objects.get(pk=meeting.pk).title == "Rapat A"


@pytest.mark.django_db
def test_second_save_of_an_event_is_refused(admin_client):
    event = EventFactory(
        title="Sosialisasi pemilih pemula",
        starts_at=timezone.now() + timedelta(days=3),
    )
    url = f"/admin/agendas/event/{event.pk}/change/"
    response = edit_twice(admin_client, url, "title", "Sosialisasi A", "Sosialisasi B")
    assert "belum disimpan" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Sosialisasi A"


@pytest.mark.django_db
def test_saving_again_after_reloading_works(admin_client):
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, role="pimpinan")
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    for title in ("Rapat pertama", "Rapat kedua"):
        form = submitted_form(admin_client.get(url))
        form["title"] = [title]
        assert admin_client.post(url, form).status_code == 302
    assert Meeting.objects.get(pk=meeting.pk).title == "Rapat kedua"


@pytest.mark.django_db
def test_second_save_of_an_article_is_refused(admin_client):
    from news.models import Article
    from tests.factories import ArticleFactory

    article = ArticleFactory(title="Bimtek Pantarlih")
    url = f"/admin/news/article/{article.pk}/change/"
    response = edit_twice(admin_client, url, "title", "Bimtek A", "Bimtek B")
    assert "belum disimpan" in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "Bimtek A"


def editor_client(username, first_name):
    user = StaffFactory(username=username, first_name=first_name, last_name="")
    user.groups.add(Group.objects.get(name=EDITOR))
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["article", "meeting"])
def test_conflict_message_names_who_changed_it_and_when(kind):
    from tests.factories import ArticleFactory

    if kind == "article":
        obj = ArticleFactory(title="Bimtek Pantarlih")
        url = f"/admin/news/article/{obj.pk}/change/"
    else:
        obj = MeetingFactory(title="Rapat internal November")
        ParticipantFactory(meeting=obj, role="pimpinan")
        url = f"/admin/meetings/meeting/{obj.pk}/change/"
    rina, budi = editor_client("rina", "Rina"), editor_client("budi", "Budi")
    form_budi = submitted_form(budi.get(url))
    form_rina = submitted_form(rina.get(url))
    form_rina["title"] = ["Judul dari Rina"]
    # 02:30 UTC is 09.30 in the office (WIB).
    with time_machine.travel("2026-11-03 02:30:00+00:00", tick=False):
        assert rina.post(url, form_rina).status_code == 302
    form_budi["title"] = ["Judul dari Budi"]
    page = budi.post(url, form_budi).content.decode()
    assert "sudah diubah oleh Rina pada Selasa, 3 November 2026 · 09.30 WIB" in page
    assert 'value="Judul dari Budi"' in page


@pytest.mark.django_db
def test_conflict_with_oneself_in_another_tab_says_so(admin_client):
    meeting = MeetingFactory()
    ParticipantFactory(meeting=meeting, role="pimpinan")
    url = f"/admin/meetings/meeting/{meeting.pk}/change/"
    response = edit_twice(admin_client, url, "title", "Rapat A", "Rapat B")
    assert "sudah Anda ubah sendiri di tab atau jendela lain" in (
        response.content.decode()
    )
