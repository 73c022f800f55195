"""Read-side rules of the agenda: which events are public and when they occur.

Kept apart from models.py (house style: QuerySets move out past ~400 lines).
``Occurrence`` is one computed date of an event; nothing here writes.
"""

import calendar
import datetime
from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db import models
from django.db.models import Q
from django.utils import timezone

ONE_DAY = datetime.timedelta(days=1)
# How far the public lists look ahead and back.
UPCOMING_HORIZON = datetime.timedelta(days=366)
PAST_HORIZON = datetime.timedelta(days=366)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One computed date of an event; ``start``/``end`` are in the event's zone.

    For all-day events ``end`` is the midnight after the last day (exclusive,
    as in iCalendar).
    """

    event: models.Model  # agendas.models.Event
    start: datetime.datetime
    end: datetime.datetime
    cancelled: bool = False
    note: str = ""

    @property
    def date(self):
        return self.start.date()

    @property
    def all_day(self):
        return self.event.all_day

    @property
    def last_day(self):
        """The last calendar day the occurrence covers (inclusive)."""
        if self.all_day:
            return (self.end - ONE_DAY).date()
        # Ending at midnight does not make the next day part of it.
        return max(self.date, (self.end - datetime.timedelta(microseconds=1)).date())

    @property
    def is_multi_day(self):
        return self.last_day != self.date

    @property
    def status(self):
        return self.event.Status.CANCELLED if self.cancelled else self.event.status

    @property
    def status_label(self):
        return self.event.Status(self.status).label

    @property
    def is_cancelled(self):
        return self.status == self.event.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.event.Status.POSTPONED

    @property
    def is_done(self):
        return self.status == self.event.Status.DONE

    def get_absolute_url(self):
        url = self.event.get_absolute_url()
        if self.event.is_recurring:
            url += "?" + urlencode({"tanggal": self.date.isoformat()})
        return url


@dataclass(frozen=True, slots=True)
class CalendarDay:
    """A cell of the month view."""

    date: datetime.date
    occurrences: list
    in_month: bool


class EventQuerySet(models.QuerySet):
    def published(self):
        """Events shown on the public site; internal events never are."""
        return self.filter(is_public=True)

    def with_related(self):
        """What lists and pages show, in a constant number of queries:
        category and unit joined, cancelled occurrences prefetched."""
        return self.select_related("category", "unit").prefetch_related("exceptions")

    def with_links(self):
        """The linked meeting and article, only when the public may see them
        (their own QuerySets decide); otherwise the attribute is None."""
        from meetings.models import Meeting
        from news.models import Article

        return self.prefetch_related(
            models.Prefetch("meeting", queryset=Meeting.objects.public()),
            models.Prefetch("article", queryset=Article.objects.published()),
        )

    def in_category(self, category):
        return self.filter(category=category)

    def by_unit(self, unit):
        return self.filter(unit=unit)

    def overlapping(self, start, end):
        """Events that may have an occurrence in [start, end).

        A cheap SQL pre-filter (a day of slack for all-day events, rules
        limited by a count are always kept); ``Event.occurrences_between``
        decides exactly.
        """
        one_off = Q(
            recurrence_frequency="", starts_at__lt=end, ends_at__gt=start - ONE_DAY
        )
        recurring = (
            ~Q(recurrence_frequency="")
            & Q(starts_at__lt=end)
            & (
                Q(recurrence_until__isnull=True)
                | Q(recurrence_until__gte=(start - ONE_DAY).date())
            )
        )
        return self.filter(one_off | recurring)

    def upcoming(self, now=None):
        """Events that may still have an occurrence ending after ``now``."""
        now = now or timezone.now()
        return self.overlapping(now, datetime.datetime.max.replace(tzinfo=datetime.UTC))

    def occurrences_between(self, start, end):
        """The occurrences of these events overlapping [start, end), by start.

        Two queries whatever the number of events: the events (with category
        and unit) and their cancelled occurrences.
        """
        occurrences = [
            occurrence
            for event in self.overlapping(start, end).with_related()
            for occurrence in event.occurrences_between(start, end)
        ]
        return sorted(occurrences, key=lambda o: (o.start, o.event.title, o.event.pk))

    def upcoming_occurrences(self, now=None, horizon=UPCOMING_HORIZON):
        """Occurrences not yet ended, soonest first, within ``horizon``."""
        now = now or timezone.now()
        return self.occurrences_between(now, now + horizon)

    def past_occurrences(self, now=None, horizon=PAST_HORIZON):
        """Occurrences that have ended, latest first, within ``horizon``."""
        now = now or timezone.now()
        occurrences = self.occurrences_between(now - horizon, now)
        return [o for o in reversed(occurrences) if o.end <= now]

    def month_calendar(self, year, month):
        """The weeks (Monday first) of a month as lists of ``CalendarDay``.

        An occurrence is listed on every day it covers, by its local date.
        """
        weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
        # A day of slack each side: events in other zones may fall on the
        # grid's first or last day in their own local date.
        midnight = datetime.time(tzinfo=datetime.UTC)
        start = datetime.datetime.combine(weeks[0][0] - ONE_DAY, midnight)
        end = datetime.datetime.combine(weeks[-1][-1] + 2 * ONE_DAY, midnight)
        by_day = defaultdict(list)
        for occurrence in self.occurrences_between(start, end):
            day = occurrence.date
            while day <= occurrence.last_day:
                by_day[day].append(occurrence)
                day += ONE_DAY
        return [
            [CalendarDay(day, by_day.get(day, []), day.month == month) for day in week]
            for week in weeks
        ]
