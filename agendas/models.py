"""The public agenda: events, their recurrence and cancelled occurrences.

Recurring events are stored once, with their rule; occurrences are computed
with dateutil's rrule for the window a page shows, never stored one row each.
Recurrence is expanded in the event's own wall-clock time (WIB, WITA or WIT),
so "every first Friday at 14.00 WITA" stays at 14.00 WITA.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from icalendar import vRecur

from humas_site.models import (
    TIME_ZONE_ABBREVIATIONS,
    InstitutionProfile,
    TimeStampedModel,
)
from humas_site.richtext import RichTextField

from .querysets import EventQuerySet
from .recurrence import MAX_RECURRENCE_COUNT, Recurrence, Weekday  # noqa: F401

# Slugs that would collide with the agenda's own URLs.
RESERVED_SLUGS = {"lalu", "feed", "feed.ics"}


def default_time_zone():
    """New events take the institution's zone (WIB, WITA or WIT)."""
    return InstitutionProfile.objects.current().time_zone


class TimeZone(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Asia/Jakarta)")
    WITA = "Asia/Makassar", _("WITA (Asia/Makassar)")
    WIT = "Asia/Jayapura", _("WIT (Asia/Jayapura)")


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


class Event(Recurrence, TimeStampedModel):
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
    def plain_description(self):
        return Truncator(strip_tags(self.description)).words(60)

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
