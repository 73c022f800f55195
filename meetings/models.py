"""Meeting records: participants, agenda, resolutions and their follow-ups."""

import re

from django.conf import settings
from django.db import models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from humas_site.models import InstitutionProfile, TimeStampedModel
from humas_site.richtext import RichTextField

from .validators import letter_upload_path, validate_pdf

# Abbreviations staff write in institution names ("KPU Kab. Sukamaju").
_ABBREVIATIONS = {"kab": "kabupaten", "prov": "provinsi", "kec": "kecamatan"}


def _institution_key(name):
    """An institution name compared without case, punctuation or abbreviations."""
    words = re.findall(r"\w+", name.casefold())
    return " ".join(_ABBREVIATIONS.get(word, word) for word in words)


class MeetingQuerySet(models.QuerySet):
    def public(self):
        """Meetings anyone may see; internal meetings never appear."""
        return self.filter(is_public=True)

    def held(self):
        return self.filter(status=Meeting.Status.HELD)

    def upcoming(self, now=None):
        """Planned meetings that have not started yet, soonest first."""
        now = now or timezone.now()
        return self.filter(status=Meeting.Status.PLANNED, starts_at__gte=now).order_by(
            "starts_at"
        )

    def in_year(self, year):
        return self.filter(starts_at__year=year)

    def with_attendance(self):
        """Annotate present individuals, group counts and their total.

        Subqueries rather than joins: counting participants and summing groups
        over two joined relations would multiply the rows.
        """
        present = (
            Participant.objects.filter(meeting=OuterRef("pk"), present=True)
            .order_by()
            .values("meeting")
            .annotate(n=Count("pk"))
            .values("n")
        )
        groups = (
            ParticipantGroup.objects.filter(meeting=OuterRef("pk"))
            .order_by()
            .values("meeting")
            .annotate(n=Sum("count"))
            .values("n")
        )
        return self.annotate(
            present_count=Coalesce(
                Subquery(present, output_field=IntegerField()), Value(0)
            ),
            group_count=Coalesce(
                Subquery(groups, output_field=IntegerField()), Value(0)
            ),
        ).annotate(attendee_total=F("present_count") + F("group_count"))

    def for_listing(self):
        """List rows: unit, attendance totals, and the chair and speakers."""
        leaders = Participant.objects.filter(
            role__in=[Participant.Role.CHAIR, Participant.Role.SPEAKER]
        )
        return (
            self.select_related("organiser_unit")
            .with_attendance()
            .prefetch_related(Prefetch("participants", leaders, to_attr="leaders"))
        )

    def with_details(self):
        """Everything a detail or print page shows, in a fixed number of queries."""
        return (
            self.select_related("organiser_unit")
            .with_attendance()
            .prefetch_related(
                "participants",
                "participant_groups",
                "agenda_items",
                Prefetch(
                    "resolutions",
                    Resolution.objects.select_related("responsible_unit"),
                ),
                "letters",
            )
        )

    def with_articles(self):
        """Prefetch the published news written from each meeting (``news``)."""
        from news.models import Article

        return self.prefetch_related(
            Prefetch(
                "articles",
                Article.objects.published().order_by("-published_at"),
                to_attr="published_articles",
            )
        )


class Meeting(TimeStampedModel):
    """A meeting the institution held or attended."""

    class Kind(models.TextChoices):
        COORDINATION = "rapat-koordinasi", _("Rapat koordinasi")
        INTERNAL = "rapat-internal", _("Rapat internal")
        PLENARY = "rapat-pleno", _("Rapat pleno")
        WORKSHOP = "workshop", _("Workshop")
        TRAINING = "bimtek", _("Bimbingan teknis (bimtek)")
        WEBINAR = "webinar", _("Webinar")
        OUTREACH = "sosialisasi", _("Sosialisasi")
        AUDIENCE = "audiensi", _("Audiensi")
        OTHER = "lainnya", _("Lainnya")

    class Mode(models.TextChoices):
        OFFLINE = "luring", _("Luring (tatap muka)")
        ONLINE = "daring", _("Daring (online)")
        HYBRID = "hybrid", _("Hybrid (luring dan daring)")

    class Status(models.TextChoices):
        PLANNED = "direncanakan", _("Direncanakan")
        HELD = "terlaksana", _("Terlaksana")
        CANCELLED = "dibatalkan", _("Dibatalkan")

    title = models.CharField(_("judul"), max_length=250)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        unique=True,
        help_text=_("Bagian alamat halaman, terisi otomatis dari judul."),
    )
    kind = models.CharField(
        _("jenis rapat"), max_length=30, choices=Kind.choices, default=Kind.INTERNAL
    )
    starts_at = models.DateTimeField(_("mulai"))
    ends_at = models.DateTimeField(
        _("selesai"), null=True, blank=True, help_text=_("Kosongkan bila belum pasti.")
    )
    mode = models.CharField(
        _("cara pelaksanaan"), max_length=10, choices=Mode.choices, default=Mode.OFFLINE
    )
    place = models.CharField(
        _("tempat"),
        max_length=250,
        blank=True,
        help_text=_("Ruang dan alamat untuk rapat luring atau hybrid."),
    )
    online_link = models.URLField(
        _("tautan rapat daring"),
        blank=True,
        help_text=_("Tautan Zoom/Meet. Tidak ditampilkan di halaman publik."),
    )
    organiser_unit = models.ForeignKey(
        "humas_site.Unit",
        verbose_name=_("unit penyelenggara"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        help_text=_("Unit kerja yang menyelenggarakan atau mewakili lembaga."),
    )
    host_institution = models.CharField(
        _("lembaga penyelenggara"),
        max_length=250,
        blank=True,
        help_text=_(
            "Isi bila rapat diselenggarakan lembaga lain, misalnya KPU Provinsi."
        ),
    )
    summary = models.TextField(
        _("ringkasan pembahasan"),
        blank=True,
        help_text=_("Beberapa paragraf pokok pembahasan, juga dipakai untuk berita."),
    )
    minutes = RichTextField(
        _("notulen"), help_text=_("Catatan lengkap jalannya rapat.")
    )
    is_public = models.BooleanField(
        _("publik"),
        default=False,
        help_text=_(
            "Rapat publik tampil di situs. Rapat internal hanya terlihat oleh staf."
        ),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("rapat")
        verbose_name_plural = _("rapat")
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__isnull=True) | Q(ends_at__gte=F("starts_at")),
                name="meetings_meeting_ends_after_start",
                violation_error_message=_(
                    "Waktu selesai tidak boleh sebelum waktu mulai."
                ),
            ),
        ]
        indexes = [models.Index(fields=["is_public", "-starts_at"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            day = timezone.localdate(self.starts_at) if self.starts_at else None
            self.slug = slugify(f"{self.title} {day or ''}")[:255]
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("meetings:meeting_detail", kwargs={"slug": self.slug})

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("Waktu selesai tidak boleh sebelum waktu mulai.")}
            )

    def get_minutes_url(self):
        return reverse("meetings:meeting_minutes", kwargs={"slug": self.slug})

    def get_attendance_url(self):
        return reverse("meetings:meeting_attendance", kwargs={"slug": self.slug})

    # The helpers below read the prefetched participants (with_details()), so
    # templates can ask for the chair without a query per call.
    def _with_role(self, role):
        # for_listing() prefetches only chairs and speakers, as ``leaders``.
        people = getattr(self, "leaders", None)
        if people is None:
            people = self.participants.all()
        return [p for p in people if p.role == role]

    @property
    def chair(self):
        chairs = self._with_role(Participant.Role.CHAIR)
        return chairs[0] if chairs else None

    @property
    def moderators(self):
        return self._with_role(Participant.Role.MODERATOR)

    @property
    def speakers(self):
        return self._with_role(Participant.Role.SPEAKER)

    @property
    def note_takers(self):
        return self._with_role(Participant.Role.NOTE_TAKER)

    @property
    def is_hosted_by_office(self):
        """Whether the office running this site hosted the meeting.

        Every unit belongs to the office, so the organiser unit cannot tell;
        ``host_institution`` can: it is left empty for the office's own
        meetings, and staff often type the office's own name there anyway.
        """
        if not self.host_institution.strip():
            return True
        office = InstitutionProfile.objects.current()
        own_names = {_institution_key(office.name), _institution_key(office.short_name)}
        return _institution_key(self.host_institution) in own_names - {""}

    @property
    def has_minutes(self):
        """Whether minutes were written (an empty editor leaves bare tags)."""
        return bool(strip_tags(self.minutes or "").strip())

    @property
    def needs_chair(self):
        """A held meeting, or one with minutes, names its chair; a planned one
        may be recorded before anyone knows who will chair it."""
        return self.status == self.Status.HELD or self.has_minutes

    @property
    def is_internal(self):
        return not self.is_public


class Participant(models.Model):
    """A person invited to a meeting, with their role and attendance."""

    class Role(models.TextChoices):
        CHAIR = "pimpinan", _("Pimpinan rapat")
        MODERATOR = "moderator", _("Moderator")
        SPEAKER = "narasumber", _("Narasumber")
        PARTICIPANT = "peserta", _("Peserta")
        NOTE_TAKER = "notulis", _("Notulis")

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("rapat"),
        on_delete=models.CASCADE,
        related_name="participants",
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    name = models.CharField(_("nama"), max_length=150)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    organisation = models.CharField(_("instansi"), max_length=200, blank=True)
    role = models.CharField(
        _("peran"), max_length=20, choices=Role.choices, default=Role.PARTICIPANT
    )
    present = models.BooleanField(_("hadir"), default=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun staf"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_participations",
        help_text=_("Opsional: hubungkan dengan akun staf."),
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("peserta")
        verbose_name_plural = _("peserta")

    def __str__(self):
        return self.name


class ParticipantGroup(models.Model):
    """A block of participants counted, not named ("34 KPU Provinsi")."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("rapat"),
        on_delete=models.CASCADE,
        related_name="participant_groups",
    )
    label = models.CharField(
        _("kelompok"),
        max_length=200,
        help_text=_("Misalnya: KPU Provinsi se-Indonesia."),
    )
    count = models.PositiveIntegerField(_("jumlah"))
    mode = models.CharField(
        _("kehadiran"),
        max_length=10,
        choices=[
            (Meeting.Mode.OFFLINE.value, _("Luring (hadir di tempat)")),
            (Meeting.Mode.ONLINE.value, _("Daring (online)")),
        ],
        blank=True,
        help_text=_(
            "Untuk rapat hybrid: hadir di tempat atau daring. Kosongkan bila "
            "sama dengan cara pelaksanaan rapat."
        ),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("kelompok peserta")
        verbose_name_plural = _("kelompok peserta")

    def __str__(self):
        return f"{self.count} {self.label}"

    @property
    def attendance_mode(self):
        """ "luring" or "daring" as far as the records tell, else "".

        A group of a hybrid meeting may have joined either way: only its own
        ``mode`` says which.
        """
        if self.mode:
            return self.mode
        if self.meeting.mode == Meeting.Mode.HYBRID:
            return ""
        return self.meeting.mode


class AgendaItem(models.Model):
    """One item on a meeting's agenda."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("rapat"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    topic = models.CharField(_("pokok bahasan"), max_length=250)
    presenter = models.CharField(_("penyaji"), max_length=150, blank=True)
    notes = models.TextField(_("catatan"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("acara rapat")
        verbose_name_plural = _("acara rapat")

    def __str__(self):
        return self.topic


# The follow-up board's order (``for_board`` and the admin's board): overdue
# first, then by due date, then by meeting.
BOARD_ORDERING = ["overdue_rank", "due_date", "meeting__starts_at"]


class ResolutionQuerySet(models.QuerySet):
    def unfinished(self):
        """Open and in-progress resolutions."""
        return self.exclude(status=Resolution.Status.DONE)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.unfinished().filter(due_date__lt=today)

    def with_urgency(self, today=None):
        """Annotate ``overdue_rank``: 0 overdue, 1 due later, 2 without a due date.

        Done resolutions are never overdue.
        """
        today = today or timezone.localdate()
        return self.annotate(
            overdue_rank=Case(
                When(status=Resolution.Status.DONE, then=Value(1)),
                When(due_date__lt=today, then=Value(0)),
                When(due_date__isnull=False, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
        )

    def for_board(self, today=None):
        """The follow-up board: unfinished, overdue first, then by due date."""
        return (
            self.unfinished()
            .with_urgency(today)
            .select_related("meeting", "responsible_unit")
            .order_by(*BOARD_ORDERING, "pk")
        )


class Resolution(models.Model):
    """A decision adopted at a meeting, followed up until it is done."""

    class Status(models.TextChoices):
        OPEN = "terbuka", _("Belum dikerjakan")
        IN_PROGRESS = "berjalan", _("Sedang dikerjakan")
        DONE = "selesai", _("Selesai")

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("rapat"),
        on_delete=models.CASCADE,
        related_name="resolutions",
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    text = models.TextField(_("keputusan / tindak lanjut"))
    responsible_unit = models.ForeignKey(
        "humas_site.Unit",
        verbose_name=_("unit penanggung jawab"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_resolutions",
    )
    responsible_person = models.CharField(
        _("penanggung jawab"),
        max_length=150,
        blank=True,
        help_text=_("Nama orang bila tanggung jawabnya perorangan."),
    )
    due_date = models.DateField(_("tenggat"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("keputusan rapat")
        verbose_name_plural = _("keputusan rapat")

    def __str__(self):
        return self.text[:80]

    @property
    def responsible(self):
        """Unit and/or person, as printed in the resolutions table."""
        parts = [str(self.responsible_unit or ""), self.responsible_person]
        return " / ".join(part for part in parts if part)

    def is_overdue(self, today=None):
        today = today or timezone.localdate()
        return (
            self.status != self.Status.DONE
            and self.due_date is not None
            and self.due_date < today
        )


class FollowUp(models.Model):
    """A dated progress note on a resolution."""

    resolution = models.ForeignKey(
        Resolution,
        verbose_name=_("keputusan"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    note = models.TextField(_("catatan tindak lanjut"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dicatat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meeting_follow_ups",
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("catatan tindak lanjut")
        verbose_name_plural = _("catatan tindak lanjut")

    def __str__(self):
        return f"{self.date:%d-%m-%Y}: {self.note[:60]}"


class ReferencedLetter(models.Model):
    """A letter (circular, invitation) a meeting refers to or follows up."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("rapat"),
        on_delete=models.CASCADE,
        related_name="letters",
    )
    number = models.CharField(
        _("nomor surat"), max_length=100, help_text=_("Misalnya: 170/2021.")
    )
    date = models.DateField(_("tanggal surat"))
    subject = models.CharField(_("perihal"), max_length=250)
    file = models.FileField(
        _("berkas PDF"),
        upload_to=letter_upload_path,
        validators=[validate_pdf],
        blank=True,
        max_length=200,
        help_text=_("Hanya PDF, maksimal 10 MB, tanpa skrip atau berkas sisipan."),
    )

    class Meta:
        ordering = ["date", "pk"]
        verbose_name = _("surat rujukan")
        verbose_name_plural = _("surat rujukan")

    def __str__(self):
        return _("Surat nomor %(number)s") % {"number": self.number}
