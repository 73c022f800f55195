"""The public agenda: events, their recurrence and cancelled occurrences.

Recurring events are stored once, with their rule; occurrences are computed
with dateutil's rrule for the window a page shows, never stored one row each.
Recurrence is expanded in the event's own wall-clock time (WIB, WITA or WIT),
so "every first Friday at 14.00 WITA" stays at 14.00 WITA.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

from humas_site.models import TIME_ZONE_ABBREVIATIONS, InstitutionProfile
from humas_site.richtext import RichTextField

from .querysets import EventQuerySet, Occurrence

# Upper bounds that keep every expansion cheap: a rule ends within five years
# or after at most 500 occurrences.
MAX_RECURRENCE_COUNT = 500
MAX_RECURRENCE_YEARS = 5
# Slugs that would collide with the agenda's own URLs.
RESERVED_SLUGS = {"lalu", "feed", "feed.ics"}


def default_time_zone():
    """New events take the institution's zone (WIB, WITA or WIT)."""
    return InstitutionProfile.objects.current().time_zone


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
    WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
    WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")


class Weekday(models.TextChoices):
    MONDAY = "MO", _("Senin")
    TUESDAY = "TU", _("Selasa")
    WEDNESDAY = "WE", _("Rabu")
    THURSDAY = "TH", _("Kamis")
    FRIDAY = "FR", _("Jumat")
    SATURDAY = "SA", _("Sabtu")
    SUNDAY = "SU", _("Minggu")


class EventCategory(models.Model):
    """A kind of agenda item readers can filter on (Sosialisasi, Uji publik …)."""

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    order = models.PositiveSmallIntegerField(
        _("urutan"), default=0, help_text=_("Angka kecil tampil lebih dulu.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kategori agenda")
        verbose_name_plural = _("kategori agenda")

    def __str__(self):
        return self.name


class Event(models.Model):
    """An item of the agenda: a single or recurring activity of the institution."""

    class Status(models.TextChoices):
        SCHEDULED = "terjadwal", _("Terjadwal")
        POSTPONED = "ditunda", _("Ditunda")
        CANCELLED = "dibatalkan", _("Dibatalkan")
        DONE = "selesai", _("Selesai")

    class Frequency(models.TextChoices):
        NONE = "", _("Tidak berulang")
        DAILY = "DAILY", _("Setiap hari")
        WEEKLY = "WEEKLY", _("Setiap minggu")
        MONTHLY = "MONTHLY", _("Setiap bulan")
        YEARLY = "YEARLY", _("Setiap tahun")

    class WeekOfMonth(models.IntegerChoices):
        FIRST = 1, _("pertama")
        SECOND = 2, _("kedua")
        THIRD = 3, _("ketiga")
        FOURTH = 4, _("keempat")
        LAST = -1, _("terakhir")

    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        help_text=_("Bagian alamat halaman, terisi otomatis dari judul."),
    )
    summary = models.CharField(
        _("ringkasan"),
        max_length=300,
        blank=True,
        help_text=_("Satu atau dua kalimat untuk daftar agenda dan kalender."),
    )
    description = RichTextField(_("deskripsi"))
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    unit = models.ForeignKey(
        "humas_site.Unit",
        verbose_name=_("unit penyelenggara"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    starts_at = models.DateTimeField(
        _("mulai"),
        help_text=_(
            "Tanggal dan jam menurut zona waktu acara. Untuk acara berulang: "
            "kejadian pertama."
        ),
    )
    ends_at = models.DateTimeField(
        _("selesai"),
        help_text=_("Untuk acara sepanjang hari cukup tanggal hari terakhir."),
    )
    all_day = models.BooleanField(
        _("sepanjang hari"),
        default=False,
        help_text=_("Jam diabaikan; misalnya batas akhir pendaftaran atau pameran."),
    )
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=40,
        choices=TimeZone.choices,
        default=default_time_zone,
        help_text=_("Zona waktu tempat acara; jam ditampilkan dengan WIB/WITA/WIT."),
    )
    place = models.CharField(
        _("tempat"),
        max_length=250,
        blank=True,
        help_text=_("Nama ruang atau gedung dan alamatnya."),
    )
    online_url = models.URLField(
        _("tautan daring"),
        max_length=500,
        blank=True,
        validators=[
            URLValidator(
                schemes=["http", "https"],
                # Its own code, so a form's generic "invalid" message does not
                # replace this one.
                code="invalid_scheme",
                message=_(
                    "Tautan daring harus berupa alamat web lengkap yang diawali "
                    "http:// atau https://."
                ),
            )
        ],
        help_text=_("Tautan Zoom, Meet atau siaran YouTube untuk acara daring."),
    )
    is_public = models.BooleanField(
        _("tampil untuk publik"),
        default=True,
        help_text=_(
            "Acara internal hanya terlihat di panel admin, tidak di situs, "
            "kalender iCal, atau peta situs."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    status_note = models.CharField(
        _("keterangan status"),
        max_length=250,
        blank=True,
        help_text=_("Misalnya alasan penundaan atau jadwal pengganti."),
    )
    recurrence_frequency = models.CharField(
        _("pengulangan"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.NONE,
        blank=True,
    )
    recurrence_interval = models.PositiveSmallIntegerField(
        _("setiap"),
        default=1,
        help_text=_("1 = setiap minggu/bulan, 2 = dua minggu/bulan sekali, dst."),
    )
    recurrence_weekdays = models.CharField(
        _("hari"),
        max_length=30,
        blank=True,
        help_text=_("Kosongkan untuk memakai hari dari tanggal mulai."),
    )
    recurrence_week_of_month = models.SmallIntegerField(
        _("minggu ke-"),
        choices=WeekOfMonth.choices,
        null=True,
        blank=True,
        help_text=_(
            "Untuk pengulangan bulanan, misalnya Senin pertama atau Jumat terakhir."
        ),
    )
    recurrence_until = models.DateField(
        _("berulang sampai"),
        null=True,
        blank=True,
        help_text=_("Tanggal terakhir pengulangan (termasuk tanggal itu)."),
    )
    recurrence_count = models.PositiveSmallIntegerField(
        _("jumlah kejadian"),
        null=True,
        blank=True,
        help_text=_("Atau: berhenti setelah sekian kali."),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("rapat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Catatan rapat dari kegiatan ini; tampil bila rapatnya publik."),
    )
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("berita"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Berita tentang kegiatan ini; tampil bila sudah terbit."),
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "title"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")),
                name="agendas_event_ends_after_start",
                violation_error_message=_("Waktu selesai harus setelah waktu mulai."),
            ),
        ]
        indexes = [models.Index(fields=["is_public", "starts_at"])]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("agendas:event_detail", kwargs={"slug": self.slug})

    def get_ical_url(self):
        return reverse("agendas:event_ical", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Slug ini dipakai oleh halaman agenda; pilih yang lain.")
        if self.starts_at and self.ends_at:
            if self.all_day:
                # All-day events are stored at local midnight of the first
                # and the last day, whatever time was typed.
                self.starts_at = self._local_midnight(self.starts_at)
                self.ends_at = self._local_midnight(self.ends_at)
                if self.ends_at < self.starts_at:
                    errors["ends_at"] = _(
                        "Hari terakhir tidak boleh sebelum hari pertama."
                    )
            elif self.ends_at <= self.starts_at:
                errors["ends_at"] = _("Waktu selesai harus setelah waktu mulai.")
        errors.update(self._recurrence_errors())
        if errors:
            raise ValidationError(errors)

    def _recurrence_errors(self):
        if not self.recurrence_frequency:
            return {}
        errors = {}
        weekdays = self.weekday_codes
        unknown = set(weekdays) - set(Weekday.values)
        if unknown:
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
        if self.recurrence_interval < 1:
            errors["recurrence_interval"] = _("Isi angka 1 atau lebih.")
        if self.recurrence_week_of_month is not None:
            if self.recurrence_frequency != self.Frequency.MONTHLY:
                errors["recurrence_week_of_month"] = _(
                    "Minggu ke- hanya untuk pengulangan bulanan."
                )
            elif len(weekdays) != 1:
                errors["recurrence_weekdays"] = _(
                    "Pilih tepat satu hari, misalnya Senin untuk “Senin pertama”."
                )
        if self.starts_at and self.recurrence_until is not None:
            first_day = self.starts_at.astimezone(self.zone).date()
            if self.recurrence_until < first_day:
                errors["recurrence_until"] = _(
                    "Tanggal akhir pengulangan tidak boleh sebelum tanggal mulai."
                )
            elif (self.recurrence_until - first_day).days > MAX_RECURRENCE_YEARS * 366:
                errors["recurrence_until"] = _(
                    "Pengulangan paling lama %(years)d tahun."
                ) % {"years": MAX_RECURRENCE_YEARS}
        if not errors and self.starts_at and self.ends_at:
            # RFC 5545 leaves a start outside the rule undefined and dateutil
            # would silently skip it: the start must be the first occurrence.
            local_start = self.starts_at.astimezone(self.zone)
            first = next(iter(self.rrule()), None)
            if first is None or first != local_start.replace(tzinfo=None):
                errors["starts_at"] = _(
                    "Tanggal mulai harus jatuh pada pola pengulangan (misalnya "
                    "Jumat pertama bulan itu), karena tanggal mulai adalah "
                    "kejadian pertama."
                )
        return errors

    def _local_midnight(self, value):
        local = value.astimezone(self.zone)
        return datetime.datetime.combine(local.date(), datetime.time(), self.zone)

    @property
    def zone(self):
        return ZoneInfo(self.time_zone or default_time_zone())

    @property
    def time_zone_abbreviation(self):
        return TIME_ZONE_ABBREVIATIONS.get(self.time_zone, self.time_zone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.zone)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.zone)

    @property
    def duration(self):
        """Length of one occurrence (whole days, end exclusive, if all-day)."""
        if self.all_day:
            days = (self.local_end.date() - self.local_start.date()).days + 1
            return datetime.timedelta(days=days)
        return self.ends_at - self.starts_at

    @property
    def is_recurring(self):
        return bool(self.recurrence_frequency)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def is_postponed(self):
        return self.status == self.Status.POSTPONED

    @property
    def weekday_codes(self):
        return [
            code.strip().upper()
            for code in self.recurrence_weekdays.split(",")
            if code.strip()
        ]

    @property
    def plain_description(self):
        return Truncator(strip_tags(self.description)).words(60)

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

    def schema_org(self, occurrence, *, base_url):
        """schema.org Event data of one occurrence (for an ld+json block)."""
        status = (
            "EventCancelled"
            if occurrence.is_cancelled
            else {
                self.Status.POSTPONED: "EventPostponed",
            }.get(self.status, "EventScheduled")
        )
        if occurrence.all_day:
            start = occurrence.date.isoformat()
            end = occurrence.last_day.isoformat()
        else:
            start, end = occurrence.start.isoformat(), occurrence.end.isoformat()
        locations = []
        if self.place:
            locations.append(
                {"@type": "Place", "name": self.place, "address": self.place}
            )
        if self.online_url:
            locations.append({"@type": "VirtualLocation", "url": self.online_url})
        mode = (
            "MixedEventAttendanceMode"
            if len(locations) == 2
            else "OnlineEventAttendanceMode"
            if self.online_url
            else "OfflineEventAttendanceMode"
        )
        institution = InstitutionProfile.objects.current()
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": start,
            "endDate": end,
            "eventStatus": f"https://schema.org/{status}",
            "eventAttendanceMode": f"https://schema.org/{mode}",
            "description": self.summary or self.plain_description,
            "url": base_url + occurrence.get_absolute_url(),
            "organizer": {"@type": "Organization", "name": institution.name},
        }
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        return data

    def google_calendar_url(self):
        """An "add to Google Calendar" link (a plain URL, no script)."""
        if self.all_day:
            start = self.local_start.strftime("%Y%m%d")
            end = (self.local_start.date() + self.duration).strftime("%Y%m%d")
        else:
            start = self.starts_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
            end = self.ends_at.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
        details = self.summary or self.plain_description
        if self.online_url:
            details = f"{details}\n\n{self.online_url}".strip()
        params = {
            "action": "TEMPLATE",
            "text": self.title,
            "dates": f"{start}/{end}",
            "details": details,
            "location": self.place or self.online_url,
            "ctz": self.time_zone,
        }
        if self.is_recurring:
            params["recur"] = "RRULE:" + vRecur(self.ical_rrule()).to_ical().decode()
        return "https://calendar.google.com/calendar/render?" + urlencode(params)


class EventException(models.Model):
    """A cancelled occurrence of a recurring event (an iCalendar EXDATE)."""

    event = models.ForeignKey(
        Event,
        verbose_name=_("agenda"),
        on_delete=models.CASCADE,
        related_name="exceptions",
    )
    original_date = models.DateField(
        _("tanggal yang ditiadakan"),
        help_text=_("Tanggal kejadian yang batal, menurut zona waktu acara."),
    )
    note = models.CharField(
        _("keterangan"),
        max_length=250,
        blank=True,
        help_text=_("Misalnya: bertepatan dengan hari libur nasional."),
    )

    class Meta:
        ordering = ["original_date"]
        verbose_name = _("kejadian yang ditiadakan")
        verbose_name_plural = _("kejadian yang ditiadakan")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_date"],
                name="agendas_exception_unique_date",
                violation_error_message=_("Tanggal ini sudah ditiadakan."),
            )
        ]

    def __str__(self):
        return f"{self.event} – {self.original_date:%Y-%m-%d}"

    def clean(self):
        event = getattr(self, "event", None)
        if event is None or self.original_date is None or not event.starts_at:
            return
        if not event.is_recurring:
            raise ValidationError(
                _("Hanya acara berulang yang dapat ditiadakan per tanggal.")
            )
        starts = {start.date() for start in event.occurrence_starts()}
        if self.original_date not in starts:
            raise ValidationError(
                {
                    "original_date": _(
                        "Tanggal ini bukan salah satu jadwal acara berulang ini."
                    )
                }
            )
