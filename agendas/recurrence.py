"""The recurrence rules of agenda events: validation, expansion with
dateutil's rrule in the event's wall-clock time, the iCalendar RRULE and the
rule in words. ``Event`` inherits them (``agendas.models``)."""

import datetime

from dateutil import rrule
from django.db import models
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _

from .querysets import Occurrence

# Upper bounds that keep every expansion cheap: a rule ends within five years
# or after at most 500 occurrences.
MAX_RECURRENCE_COUNT = 500
MAX_RECURRENCE_YEARS = 5


class Weekday(models.TextChoices):
    MONDAY = "MO", _("Senin")
    TUESDAY = "TU", _("Selasa")
    WEDNESDAY = "WE", _("Rabu")
    THURSDAY = "TH", _("Kamis")
    FRIDAY = "FR", _("Jumat")
    SATURDAY = "SA", _("Sabtu")
    SUNDAY = "SU", _("Minggu")


class Recurrence:
    """Recurrence of an ``Event``: its ``recurrence_*`` fields, ``zone``,
    ``local_start``, ``duration`` and ``exceptions``."""

    @property
    def weekday_codes(self):
        return [
            code.strip().upper()
            for code in self.recurrence_weekdays.split(",")
            if code.strip()
        ]

    def _recurrence_errors(self):
        """The problems of the recurrence rule, by field (for ``clean()``)."""
        if not self.recurrence_frequency:
            return {}
        errors = {}
        # In this order: a later check's message for a field replaces an
        # earlier one's.
        for check in (
            self._ending_errors,
            self._pattern_errors,
            self._until_errors,
        ):
            errors.update(check())
        if not errors and self.starts_at and self.ends_at:
            errors.update(self._start_errors())
        return errors

    def _ending_errors(self):
        errors = {}
        if set(self.weekday_codes) - set(Weekday.values):
            errors["recurrence_weekdays"] = _("Hari tidak dikenal.")
        if self.recurrence_until is None and self.recurrence_count is None:
            errors["recurrence_until"] = _(
                "Pengulangan harus berakhir: isi tanggal akhir atau jumlah kejadian."
            )
        elif self.recurrence_until is not None and self.recurrence_count is not None:
            errors["recurrence_count"] = _(
                "Isi salah satu saja: tanggal akhir atau jumlah kejadian."
            )
        if self.recurrence_count is not None and not (
            1 <= self.recurrence_count <= MAX_RECURRENCE_COUNT
        ):
            errors["recurrence_count"] = _("Jumlah kejadian antara 1 dan %(max)d.") % {
                "max": MAX_RECURRENCE_COUNT
            }
        return errors

    def _pattern_errors(self):
        errors = {}
        if self.recurrence_interval < 1:
            errors["recurrence_interval"] = _("Isi angka 1 atau lebih.")
        if self.recurrence_week_of_month is not None:
            if self.recurrence_frequency != self.Frequency.MONTHLY:
                errors["recurrence_week_of_month"] = _(
                    "Minggu ke- hanya untuk pengulangan bulanan."
                )
            elif len(self.weekday_codes) != 1:
                errors["recurrence_weekdays"] = _(
                    "Pilih tepat satu hari, misalnya Senin untuk “Senin pertama”."
                )
        return errors

    def _until_errors(self):
        if not (self.starts_at and self.recurrence_until is not None):
            return {}
        first_day = self.starts_at.astimezone(self.zone).date()
        if self.recurrence_until < first_day:
            return {
                "recurrence_until": _(
                    "Tanggal akhir pengulangan tidak boleh sebelum tanggal mulai."
                )
            }
        if (self.recurrence_until - first_day).days > MAX_RECURRENCE_YEARS * 366:
            return {
                "recurrence_until": _("Pengulangan paling lama %(years)d tahun.")
                % {"years": MAX_RECURRENCE_YEARS}
            }
        return {}

    def _start_errors(self):
        # RFC 5545 leaves a start outside the rule undefined and dateutil
        # would silently skip it: the start must be the first occurrence.
        local_start = self.starts_at.astimezone(self.zone)
        first = next(iter(self.rrule()), None)
        if first is None or first != local_start.replace(tzinfo=None):
            return {
                "starts_at": _(
                    "Tanggal mulai harus jatuh pada pola pengulangan (misalnya "
                    "Jumat pertama bulan itu), karena tanggal mulai adalah "
                    "kejadian pertama."
                )
            }
        return {}

    def rrule(self):
        """The dateutil rule over naive datetimes in the event's wall-clock time."""
        weekdays = [
            getattr(rrule, code)
            for code in self.weekday_codes
            if code in Weekday.values
        ]
        if weekdays and self.recurrence_week_of_month:
            weekdays = [day(self.recurrence_week_of_month) for day in weekdays]
        until = None
        if self.recurrence_until:
            until = datetime.datetime.combine(self.recurrence_until, datetime.time.max)
        count = self.recurrence_count
        if until is None and count is None:
            # Never infinite, even before validation has run.
            count = MAX_RECURRENCE_COUNT
        start = self.local_start.replace(tzinfo=None)
        if self.all_day:
            start = start.replace(hour=0, minute=0, second=0, microsecond=0)
        return rrule.rrule(
            getattr(rrule, self.recurrence_frequency),
            dtstart=start,
            interval=self.recurrence_interval or 1,
            byweekday=weekdays or None,
            until=until,
            count=count,
        )

    def ical_rrule(self):
        """The rule as iCalendar RRULE parts (UNTIL in UTC, or a date if all-day)."""
        parts = {"FREQ": self.recurrence_frequency}
        if self.recurrence_interval > 1:
            parts["INTERVAL"] = self.recurrence_interval
        if self.weekday_codes:
            prefix = str(self.recurrence_week_of_month or "")
            parts["BYDAY"] = [prefix + code for code in self.weekday_codes]
        if self.recurrence_until:
            if self.all_day:
                parts["UNTIL"] = self.recurrence_until
            else:
                last_moment = datetime.datetime.combine(
                    self.recurrence_until, datetime.time(23, 59, 59), self.zone
                )
                parts["UNTIL"] = last_moment.astimezone(datetime.UTC)
        if self.recurrence_count:
            parts["COUNT"] = self.recurrence_count
        return parts

    def recurrence_text(self):
        """The rule in words: "Setiap bulan pada Jumat pertama, sampai …"."""
        if not self.is_recurring:
            return ""
        units = {
            "DAILY": _("hari"),
            "WEEKLY": _("minggu"),
            "MONTHLY": _("bulan"),
            "YEARLY": _("tahun"),
        }
        if self.recurrence_interval > 1:
            text = _("Setiap %(n)d %(unit)s") % {
                "n": self.recurrence_interval,
                "unit": units[self.recurrence_frequency],
            }
        else:
            text = str(self.Frequency(self.recurrence_frequency).label)
        days = [str(Weekday(code).label) for code in self.weekday_codes]
        if days:
            day_text = ", ".join(days)
            if self.recurrence_week_of_month:
                # "Jumat pertama" / "the first Friday": the order is the language's.
                day_text = str(
                    _("%(weekday)s %(week)s")
                    % {
                        "weekday": day_text,
                        "week": self.WeekOfMonth(self.recurrence_week_of_month).label,
                    }
                )
            text += " " + str(_("pada %(days)s") % {"days": day_text})
        if self.recurrence_until:
            text += ", " + str(
                _("sampai %(date)s")
                % {"date": format_date(self.recurrence_until, "j F Y")}
            )
        elif self.recurrence_count:
            text += ", " + str(_("%(n)d kali") % {"n": self.recurrence_count})
        return text

    def _occurrence(self, start, cancelled_notes):
        note = cancelled_notes.get(start.date())
        return Occurrence(
            event=self,
            start=start,
            end=start + self.duration,
            cancelled=note is not None,
            note=note or "",
        )

    def _cancelled_notes(self):
        # Uses the prefetched exceptions when the QuerySet asked for them.
        return {e.original_date: e.note for e in self.exceptions.all()}

    def occurrence_starts(self):
        """Every start of the event (aware, in its zone); finite by validation."""
        if not self.is_recurring:
            start = self.local_start
            if self.all_day:
                start = self._local_midnight(start)
            return [start]
        return [start.replace(tzinfo=self.zone) for start in self.rrule()]

    def occurrences_between(self, start, end):
        """Occurrences overlapping [start, end), sorted, cancelled ones marked."""
        notes = self._cancelled_notes() if self.is_recurring else {}
        if not self.is_recurring:
            candidates = self.occurrence_starts()
        else:
            zone = self.zone
            # The rule runs in naive wall-clock time; the window is converted
            # to the same, widened by one occurrence so overlaps are found.
            after = (start.astimezone(zone) - self.duration).replace(tzinfo=None)
            before = end.astimezone(zone).replace(tzinfo=None)
            candidates = [
                moment.replace(tzinfo=zone)
                for moment in self.rrule().between(after, before, inc=True)
            ]
        occurrences = (self._occurrence(moment, notes) for moment in candidates)
        return [o for o in occurrences if o.start < end and o.end > start]

    def occurrence_on(self, day):
        """The occurrence starting on ``day`` (local date), or None."""
        notes = self._cancelled_notes() if self.is_recurring else {}
        for start in self.occurrence_starts():
            if start.date() == day:
                return self._occurrence(start, notes)
        return None

    def next_occurrences(self, now=None, limit=6):
        """The next occurrences still to end after ``now``."""
        now = now or timezone.now()
        notes = self._cancelled_notes() if self.is_recurring else {}
        upcoming = []
        for start in self.occurrence_starts():
            occurrence = self._occurrence(start, notes)
            if occurrence.end > now:
                upcoming.append(occurrence)
                if len(upcoming) == limit:
                    break
        return upcoming

    def display_occurrence(self, day=None, now=None):
        """The occurrence a page leads with: the requested day, else the next
        one not cancelled on its own, else the last one."""
        if day is not None:
            occurrence = self.occurrence_on(day)
            if occurrence is not None:
                return occurrence
        upcoming = self.next_occurrences(now=now, limit=MAX_RECURRENCE_COUNT)
        # A single cancelled date does not headline a series that goes on.
        going_ahead = [o for o in upcoming if not o.cancelled]
        if going_ahead or upcoming:
            return (going_ahead or upcoming)[0]
        notes = self._cancelled_notes() if self.is_recurring else {}
        return self._occurrence(self.occurrence_starts()[-1], notes)
