import pytest
from django.template import Context, Template

from tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def render():
    return Template("{% load meetings_tags %}{% latest_meetings 2 %}").render(Context())


def test_latest_meetings_widget_lists_held_public_meetings_only(
    django_assert_max_num_queries,
):
    MeetingFactory(title="Rapat internal rahasia", is_public=False)
    MeetingFactory(title="Rapat yang direncanakan", status="direncanakan")
    for n in range(3):
        MeetingFactory(title=f"Rakor terlaksana {n}")
    # institution profile (for the date's time zone), the meetings.
    with django_assert_max_num_queries(2):
        html = render()
    assert html.count("<li>") == 2
    assert "rahasia" not in html
    assert "direncanakan" not in html
    assert "/rapat/" in html
