"""The admin's first page shows each role what it needs, in constant queries."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from humas_site.management.commands.check_integrity import LAST_RESULT_KEY
from humas_site.models import StaffProfile
from humas_site.roles import CONTRIBUTOR, EDITOR, LEADER
from news.models import Article, ArticleComment, ArticleDailyView
from tests.factories import (
    ArticleFactory,
    EventFactory,
    ResolutionFactory,
    StaffFactory,
    UnitFactory,
)

# any_hour: dates in the office's time zone and UTC's differ part of every day.
pytestmark = [pytest.mark.django_db, pytest.mark.any_hour]


def staff(role, unit=None):
    user = StaffFactory()
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user, unit=unit, must_change_password=False)
    return user


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response


def content(units=1, per_unit=1):
    """Articles in every state, agenda, follow-ups and comments."""
    now = timezone.now()
    writer = StaffFactory()
    for index in range(units):
        unit = UnitFactory()
        for number in range(per_unit):
            live = ArticleFactory(unit=unit, title=f"Terbit {index}-{number}")
            ArticleDailyView.objects.create(
                article=live, date=timezone.localdate(), views=5 + number
            )
            ArticleFactory(
                unit=unit,
                status=Article.Status.REVIEW,
                created_by=writer,
                submitted_at=now - datetime.timedelta(hours=number + 1),
            )
            ArticleFactory(unit=unit, published_at=now + datetime.timedelta(days=2))
            ArticleFactory(unit=unit, status=Article.Status.DRAFT, created_by=writer)
            EventFactory(
                unit=unit,
                starts_at=now + datetime.timedelta(days=number + 1),
                ends_at=now + datetime.timedelta(days=number + 1, hours=2),
            )
            ResolutionFactory(
                responsible_unit=unit,
                due_date=timezone.localdate() - datetime.timedelta(days=3),
            )
            ArticleComment.objects.create(
                content_type=ContentType.objects.get_for_model(Article),
                object_pk=str(live.pk),
                site_id=1,
                user_name="Pembaca",
                comment="Terima kasih infonya.",
                is_public=False,
            )


def test_contributor_sees_own_drafts_and_what_was_sent_back(client):
    unit = UnitFactory()
    writer = staff(CONTRIBUTOR, unit)
    ArticleFactory(title="Draf rapat pleno", status="draft", created_by=writer)
    ArticleFactory(
        title="Draf sosialisasi",
        status="draft",
        created_by=writer,
        review_note="Tambahkan nama narasumber.",
    )
    ArticleFactory(title="Draf orang lain", status="draft", unit=unit)
    response = dashboard(client, writer)
    assertContains(response, "Draf rapat pleno")
    assertContains(response, "Dikembalikan kepada saya")
    assertContains(response, "Tambahkan nama narasumber.")
    assertContains(response, reverse("admin:news_article_write"))
    assertNotContains(response, "Draf orang lain")
    assertNotContains(response, "Antrean tinjauan")
    assertNotContains(response, "Publikasi per unit kerja")


def test_editor_sees_queue_scheduled_comments_agenda_and_overdue_follow_ups(client):
    content(units=1, per_unit=2)
    response = dashboard(client, staff(EDITOR))
    assertContains(response, "Antrean tinjauan (2)")
    assertContains(response, "Terjadwal terbit")
    assertContains(response, "Komentar menunggu moderasi")
    assertContains(response, "Sosialisasi Tahapan Pemilihan")
    assertContains(response, "Tindak lanjut rapat terlambat (2)")
    assertNotContains(response, "Publikasi per unit kerja")
    queue = response.context["review_queue"]
    assert [a.submitted_at for a in queue] == sorted(a.submitted_at for a in queue)


def test_leader_sees_publishing_per_unit_with_silent_units_and_a_chart(client):
    active = UnitFactory(name="Divisi Rajin")
    UnitFactory(name="Divisi Senyap")
    article = ArticleFactory(unit=active, title="Berita paling dibaca")
    ArticleDailyView.objects.create(
        article=article, date=timezone.localdate(), views=40
    )
    response = dashboard(client, staff(LEADER))
    assertContains(response, "Publikasi per unit kerja")
    assertContains(response, 'role="img"', count=1)
    assertContains(response, 'class="humas-bar-30"')
    assertContains(
        response,
        '<tr class="humas-silent"><th scope="row">Divisi Senyap '
        '<span class="humas-badge">belum terbit 30 hari</span></th>'
        "<td>0</td><td>0</td><td>—</td></tr>",
        html=True,
    )
    assertContains(response, "belum terbit 30 hari")
    assertContains(response, "Berita paling dibaca")
    assertContains(response, "Log audit terbaru")
    assertNotContains(response, "Antrean tinjauan")
    assertNotContains(response, "Draf saya")
    units = {u.name: u for u in response.context["units"]}
    assert units["Divisi Rajin"].published_30 == 1
    assert units["Divisi Senyap"].published_90 == 0


def test_integrity_findings_warn_editors(client):
    cache.set(
        LAST_RESULT_KEY,
        {"at": timezone.now(), "findings": ["Berita X: kata judi online"]},
    )
    response = dashboard(client, staff(EDITOR))
    assertContains(response, "Peringatan pemeriksaan integritas konten")
    assertContains(response, "Berita X: kata judi online")


def test_no_warning_when_the_last_check_was_clean(client):
    cache.set(LAST_RESULT_KEY, {"at": timezone.now(), "findings": []})
    assertNotContains(dashboard(client, staff(EDITOR)), "Peringatan pemeriksaan")


def count_dashboard_queries(client, user):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("admin:index")).status_code == 200
    return len(queries)


def test_dashboard_query_count_does_not_grow_with_content(
    client, admin_user, django_assert_max_num_queries
):
    client.force_login(admin_user)
    content(units=1, per_unit=1)
    client.get(reverse("admin:index"))  # profile and navigation now cached
    few = count_dashboard_queries(client, admin_user)
    content(units=4, per_unit=3)
    many = count_dashboard_queries(client, admin_user)
    assert many == few
    # session + user, permissions, institution profile, my drafts, sent back,
    # mine in review, queue + count, scheduled, pending comments, agenda
    # (events + exceptions), overdue follow-ups + count, units per 30/90 days,
    # most read, audit events, admin app list.
    with django_assert_max_num_queries(24):
        client.get(reverse("admin:index"))
