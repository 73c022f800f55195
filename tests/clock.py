"""Instants for tests: the office's time zones and an ``at()`` shorthand.

Stop the clock with ``pytest.mark.frozen_at(instant)`` (tests/conftest.py).
"""

import datetime
from zoneinfo import ZoneInfo

WIB = ZoneInfo("Asia/Jakarta")
WITA = ZoneInfo("Asia/Makassar")
WIT = ZoneInfo("Asia/Jayapura")


def at(year, month, day, hour=0, minute=0, zone=WIB):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=zone)
