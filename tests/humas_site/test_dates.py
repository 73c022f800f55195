from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from humas_site.templatetags.humas_tags import (
    angka,
    dilihat,
    jam,
    tanggal,
    tanggal_jam,
)
from tests.factories import InstitutionProfileFactory

# 03:00 UTC = 10.00 WIB = 11.00 WITA = 12.00 WIT
MOMENT = datetime(2021, 5, 4, 3, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def indonesian():
    with translation.override("id"):
        yield


@pytest.mark.django_db
def test_dates_use_indonesian_day_and_month_names():
    assert tanggal(MOMENT) == "Selasa, 4 Mei 2021"
    assert tanggal(date(2021, 8, 17)) == "Selasa, 17 Agustus 2021"


@pytest.mark.django_db
def test_times_carry_the_institutions_zone():
    assert jam(MOMENT) == "10.00 WIB"
    InstitutionProfileFactory(time_zone="Asia/Makassar")
    assert jam(MOMENT).startswith("11.00 WITA")


@pytest.mark.django_db
def test_explicit_zone_overrides_the_institutions():
    assert tanggal_jam(MOMENT, "Asia/Jayapura").startswith(
        "Selasa, 4 Mei 2021 · 12.00 WIT"
    )


def test_numbers_use_indonesian_grouping():
    assert angka(1216) == "1.216"
    assert angka(1234567) == "1.234.567"


@pytest.mark.django_db
def test_times_in_wita_or_wit_also_give_the_wib_time_for_national_readers():
    assert jam(MOMENT, "Asia/Makassar") == "11.00 WITA / 10.00 WIB"
    assert tanggal_jam(MOMENT, "Asia/Jayapura") == (
        "Selasa, 4 Mei 2021 · 12.00 WIT / 10.00 WIB"
    )
    InstitutionProfileFactory(time_zone="Asia/Makassar")
    assert jam(MOMENT) == "11.00 WITA / 10.00 WIB"
    # An office in WIB shows only WIB.
    assert jam(MOMENT, "Asia/Jakarta") == "10.00 WIB"
    assert jam(MOMENT, "Asia/Pontianak") == "10.00 WIB"


def test_view_counts_read_the_same_everywhere():
    assert dilihat(1216) == "Dilihat 1.216 kali"
    assert dilihat(0) == "Dilihat 0 kali"
