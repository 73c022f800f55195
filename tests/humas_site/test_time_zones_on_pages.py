"""Times in WITA or WIT also show the WIB time for readers across the country."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.factories import (
    ArticleFactory,
    EventFactory,
    InstitutionProfileFactory,
    MeetingFactory,
)

pytestmark = pytest.mark.django_db
WITA = ZoneInfo("Asia/Makassar")
NOW = datetime.datetime(2026, 5, 1, 3, 0, tzinfo=datetime.UTC)


@time_machine.travel(NOW, tick=False)
def test_an_office_in_wita_gives_the_wib_time_on_its_pages(client):
    InstitutionProfileFactory(time_zone="Asia/Makassar")
    event = EventFactory(time_zone="Asia/Makassar")  # 10.00–12.00 WITA, 4 May
    meeting = MeetingFactory(
        starts_at=datetime.datetime(2026, 4, 28, 9, tzinfo=WITA),
        ends_at=datetime.datetime(2026, 4, 28, 11, 30, tzinfo=WITA),
    )
    article = ArticleFactory(
        published_at=datetime.datetime(2026, 4, 30, 14, 15, tzinfo=WITA)
    )

    event_page = client.get(event.get_absolute_url()).content.decode()
    assert "10.00 WITA / 09.00 WIB" in event_page
    assert "12.00 WITA / 11.00 WIB" in event_page
    assert "10.00 WITA / 09.00 WIB" in client.get("/agenda/").content.decode()
    meeting_page = client.get(meeting.get_absolute_url()).content.decode()
    assert "09.00 WITA / 08.00 WIB" in meeting_page
    assert "11.30 WITA / 10.30 WIB" in meeting_page
    article_page = client.get(article.get_absolute_url()).content.decode()
    assert "14.15 WITA / 13.15 WIB" in article_page


@time_machine.travel(NOW, tick=False)
def test_an_office_in_wib_shows_only_wib(client):
    InstitutionProfileFactory(time_zone="Asia/Jakarta")
    event = EventFactory()
    page = client.get(event.get_absolute_url()).content.decode()
    assert "10.00 WIB" in page
    assert "WIB / " not in page and "/ 10.00 WIB" not in page
