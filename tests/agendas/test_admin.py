"""The agenda in the admin: validation messages, wall-clock times, actions."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains

from agendas.models import Event, EventException
from tests.factories import EventCategoryFactory, EventFactory, UnitFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:agendas_event_add")


def event_form_data(**overrides):
    data = {
        "title": "Sosialisasi Pemilih Pemula",
        "slug": "sosialisasi-pemilih-pemula",
        "summary": "Untuk siswa kelas XII.",
        "description": "<p>Terbuka.</p>",
        "category": EventCategoryFactory(slug="sosialisasi").pk,
        "unit": UnitFactory(slug="sosdiklih").pk,
        "starts_at_0": "2026-05-04",
        "starts_at_1": "10:00",
        "ends_at_0": "2026-05-04",
        "ends_at_1": "12:00",
        "time_zone": "Asia/Jakarta",
        "place": "Aula SMA Negeri 1",
        "online_url": "",
        "is_public": "on",
        "status": "terjadwal",
        "status_note": "",
        "recurrence_frequency": "",
        "recurrence_interval": "1",
        "recurrence_week_of_month": "",
        "recurrence_until": "",
        "recurrence_count": "",
        "exceptions-TOTAL_FORMS": "0",
        "exceptions-INITIAL_FORMS": "0",
        "exceptions-MIN_NUM_FORMS": "0",
        "exceptions-MAX_NUM_FORMS": "1000",
    }
    data.update(overrides)
    return data


def test_changelist_and_add_page_render(admin_client):
    EventFactory(title="Uji Publik di Daftar Admin")
    changelist = admin_client.get(reverse("admin:agendas_event_changelist"))
    assertContains(changelist, "Uji Publik di Daftar Admin")
    assertContains(changelist, "Senin, 4 Mei 2026 · 10.00 WIB")
    add = admin_client.get(ADD_URL)
    assertContains(add, "Pengulangan")
    assertContains(add, "Tanggal yang ditiadakan")


def test_add_event_through_the_admin(admin_client):
    response = admin_client.post(ADD_URL, event_form_data())
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="sosialisasi-pemilih-pemula")
    assert event.starts_at == datetime.datetime(2026, 5, 4, 3, tzinfo=datetime.UTC)


def test_times_are_typed_in_the_events_own_zone(admin_client):
    data = event_form_data(time_zone="Asia/Makassar")
    assert admin_client.post(ADD_URL, data).status_code == 302
    event = Event.objects.get()
    # 10.00 typed for a WITA event is 10.00 WITA (02.00 UTC), not 10.00 WIB.
    assert event.local_start.hour == 10
    assert event.starts_at.astimezone(datetime.UTC).hour == 2
    change = admin_client.get(reverse("admin:agendas_event_change", args=[event.pk]))
    assertContains(change, 'name="starts_at_1" value="10.00.00"')


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"ends_at_1": "09:00"},
            "Waktu selesai harus setelah waktu mulai.",
        ),
        (
            {"online_url": "ftp://contoh.example/rapat"},
            "Tautan daring harus berupa alamat web lengkap yang diawali http:// "
            "atau https://.",
        ),
        (
            {"recurrence_frequency": "WEEKLY"},
            "Pengulangan harus berakhir: isi tanggal akhir atau jumlah kejadian.",
        ),
        (
            {
                "recurrence_frequency": "WEEKLY",
                "recurrence_until": "2026-06-30",
                "recurrence_count": "5",
            },
            "Isi salah satu saja: tanggal akhir atau jumlah kejadian.",
        ),
        (
            {
                # Monday 4 May is not the first Friday of May.
                "recurrence_frequency": "MONTHLY",
                "recurrence_weekdays": ["FR"],
                "recurrence_week_of_month": "1",
                "recurrence_count": "3",
            },
            "Tanggal mulai harus jatuh pada pola pengulangan",
        ),
        (
            {"slug": "lalu"},
            "Slug ini dipakai oleh halaman agenda; pilih yang lain.",
        ),
    ],
)
def test_validation_messages_in_indonesian(admin_client, overrides, message):
    response = admin_client.post(ADD_URL, event_form_data(**overrides))
    assert response.status_code == 200
    assertContains(response, message)
    assert not Event.objects.exists()


def test_recurring_event_with_a_cancelled_date(admin_client):
    data = event_form_data(
        starts_at_0="2026-05-01",
        starts_at_1="14:00",
        ends_at_0="2026-05-01",
        ends_at_1="15:30",
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["FR"],
        recurrence_week_of_month="1",
        recurrence_count="6",
        **{
            "exceptions-TOTAL_FORMS": "1",
            "exceptions-0-original_date": "2026-06-05",
            "exceptions-0-note": "Cuti bersama",
        },
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302
    event = Event.objects.get()
    assert event.weekday_codes == ["FR"]
    assert list(EventException.objects.values_list("original_date", flat=True)) == [
        datetime.date(2026, 6, 5)
    ]


def test_cancelled_date_outside_the_rule_is_refused(admin_client):
    data = event_form_data(
        starts_at_0="2026-05-01",
        starts_at_1="14:00",
        ends_at_0="2026-05-01",
        ends_at_1="15:30",
        recurrence_frequency="MONTHLY",
        recurrence_weekdays=["FR"],
        recurrence_week_of_month="1",
        recurrence_count="6",
        **{
            "exceptions-TOTAL_FORMS": "1",
            "exceptions-0-original_date": "2026-06-06",
            "exceptions-0-note": "",
        },
    )
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 200
    assertContains(response, "Tanggal ini bukan salah satu jadwal acara berulang ini.")
    assert not Event.objects.exists()


def test_all_day_event_ignores_the_typed_times(admin_client):
    data = event_form_data(
        all_day="on", starts_at_1="15:00", ends_at_0="2026-05-05", ends_at_1="08:00"
    )
    assert admin_client.post(ADD_URL, data).status_code == 302
    event = Event.objects.get()
    zone = ZoneInfo("Asia/Jakarta")
    assert event.starts_at == datetime.datetime(2026, 5, 4, tzinfo=zone)
    assert event.ends_at == datetime.datetime(2026, 5, 5, tzinfo=zone)


def test_bulk_actions_change_status_and_visibility(admin_client):
    first, second = EventFactory(), EventFactory()
    changelist = reverse("admin:agendas_event_changelist")
    response = admin_client.post(
        changelist,
        {"action": "mark_cancelled", "_selected_action": [first.pk, second.pk]},
        follow=True,
    )
    assertContains(response, "2 agenda ditandai dibatalkan.")
    assert set(Event.objects.values_list("status", flat=True)) == {"dibatalkan"}
    admin_client.post(
        changelist, {"action": "make_internal", "_selected_action": [first.pk]}
    )
    first.refresh_from_db()
    assert not first.is_public
