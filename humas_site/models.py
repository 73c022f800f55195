from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.core.cache import cache
from django.db import DatabaseError, models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history import register

from .images import RandomUploadPath, SafeImageField

# Indonesia's three civil time zones, with the abbreviation readers expect.
TIME_ZONE_ABBREVIATIONS = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


class TimeStampedModel(models.Model):
    """Creation and last-change times."""

    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    class Meta:
        abstract = True


class TimeZoneChoices(models.TextChoices):
    WIB = "Asia/Jakarta", _("WIB (Waktu Indonesia Barat)")
    WITA = "Asia/Makassar", _("WITA (Waktu Indonesia Tengah)")
    WIT = "Asia/Jayapura", _("WIT (Waktu Indonesia Timur)")


class ThemeColor(models.TextChoices):
    """Institution colours, each with WCAG AA contrast against white text.

    A fixed palette (rather than any hex value) keeps headers readable and lets
    the stylesheet carry the colour, so pages need no inline style under the CSP.
    """

    KPU_RED = "#8b1a1a", _("Merah (KPU)")
    MAROON = "#7a1f2b", _("Merah marun")
    BLUE = "#1d4f91", _("Biru")
    NAVY = "#0b3d6b", _("Biru tua")
    GREEN = "#1f6b3a", _("Hijau")
    DARK_GREEN = "#14532d", _("Hijau tua")
    BROWN = "#9a3412", _("Cokelat jingga")
    PURPLE = "#5b2a86", _("Ungu")
    GREY = "#374151", _("Abu-abu gelap")


class InstitutionProfileQuerySet(models.QuerySet):
    CACHE_KEY = "humas_site:institution_profile"

    def current(self):
        """The single profile row, cached; an unsaved default if none exists yet.

        Database errors yield the default too, so error pages still render.
        """
        profile = cache.get(self.CACHE_KEY)
        if profile is None:
            try:
                profile = self.order_by("pk").first() or self.model()
            except DatabaseError:
                return self.model()
            cache.set(self.CACHE_KEY, profile, 60 * 60)
        return profile


class InstitutionProfile(models.Model):
    """The institution that runs the site: one editable row."""

    class Level(models.TextChoices):
        NATIONAL = "nasional", _("Nasional")
        PROVINCE = "provinsi", _("Provinsi")
        REGENCY = "kabupaten", _("Kabupaten/Kota")
        AGENCY = "opd", _("Perangkat daerah (OPD)")

    name = models.CharField(_("nama lembaga"), max_length=200, default="Humas CMS")
    short_name = models.CharField(_("nama singkat"), max_length=60, blank=True)
    tagline = models.CharField(_("slogan"), max_length=200, blank=True)
    level = models.CharField(
        _("tingkat"), max_length=20, choices=Level.choices, default=Level.REGENCY
    )
    logo = SafeImageField(
        _("logo"),
        upload_to=RandomUploadPath("logo"),
        blank=True,
        help_text=_(
            "JPEG, PNG atau WebP. Ditampilkan di kepala halaman dan kop surat."
        ),
    )
    primary_color = models.CharField(
        _("warna utama"),
        max_length=7,
        choices=ThemeColor.choices,
        default=ThemeColor.KPU_RED,
        help_text=_(
            "Warna kepala halaman; semua pilihan terbaca jelas dengan teks putih."
        ),
    )
    address = models.TextField(_("alamat"), blank=True)
    city = models.CharField(
        _("kota tempat kedudukan"),
        max_length=100,
        blank=True,
        help_text=_(
            "Ditulis di depan tanggal pada daftar hadir dan notulen, misalnya "
            "“Sukamaju, 4 Mei 2021”. Untuk kabupaten cukup nama kabupatennya."
        ),
    )
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("surel"), blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=40, blank=True)
    time_zone = models.CharField(
        _("zona waktu"),
        max_length=40,
        choices=TimeZoneChoices.choices,
        default=TimeZoneChoices.WIB,
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    footer_text = models.TextField(_("teks kaki halaman"), blank=True)

    objects = InstitutionProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil lembaga")
        verbose_name_plural = _("profil lembaga")

    def __str__(self):
        return self.name

    @property
    def theme_class(self):
        """CSS class that sets the institution colour (see static/css/site.css)."""
        return "theme-" + self.primary_color.lstrip("#")

    @property
    def zone(self):
        return ZoneInfo(self.time_zone)

    @property
    def time_zone_abbreviation(self):
        return TIME_ZONE_ABBREVIATIONS.get(self.time_zone, "")

    @property
    def social_links(self):
        """(label, url) pairs for the social accounts that are filled in."""
        accounts = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(label, url) for label, url in accounts if url]


class Unit(models.Model):
    """An organisational unit (division, sub-division or OPD) that owns content."""

    class Kind(models.TextChoices):
        DIVISION = "divisi", _("Divisi")
        SECRETARIAT = "sekretariat", _("Sekretariat")
        SUBDIVISION = "subbagian", _("Subbagian")
        AGENCY = "opd", _("Perangkat daerah (OPD)")

    name = models.CharField(_("nama"), max_length=150, unique=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(
        _("jenis"), max_length=20, choices=Kind.choices, default=Kind.DIVISION
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    description = models.TextField(_("deskripsi"), blank=True)
    order = models.PositiveIntegerField(_("urutan"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("unit kerja")
        verbose_name_plural = _("unit kerja")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:unit_detail", kwargs={"slug": self.slug})


# ---- staff accounts and audit log ----
class StaffProfile(models.Model):
    """A staff account's unit, position and phone, and its first-login duty."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit kerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff_profiles",
        help_text=_(
            "Kontributor hanya melihat dan menulis draf berita unit kerjanya sendiri."
        ),
    )
    position = models.CharField(
        _("jabatan"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Misalnya: Staf Subbagian Teknis dan Hupmas."),
    )
    phone = models.CharField(
        _("telepon / WhatsApp"), max_length=30, blank=True, default=""
    )
    must_change_password = models.BooleanField(
        _("wajib mengganti sandi saat login berikutnya"),
        default=True,
        help_text=_(
            "Akun baru memakai sandi sementara dari administrator; pemiliknya "
            "diminta membuat sandinya sendiri sebelum bisa bekerja."
        ),
    )

    class Meta:
        verbose_name = _("profil staf")
        verbose_name_plural = _("profil staf")

    def __str__(self):
        return str(self.user)


class AuditEventQuerySet(models.QuerySet):
    def recent(self):
        """Newest first, with the actor joined."""
        return self.select_related("actor").order_by("-at", "-pk")


class AuditEvent(models.Model):
    """One line of the audit log: who did what, to what, and when.

    Written only by ``humas_site.audit.audit_record``; the admin shows it and
    nobody, not even a superuser, can change or delete it there.
    """

    class Action(models.TextChoices):
        LOGIN = "login", _("Login")
        LOGIN_FAILED = "login_failed", _("Login gagal")
        LOGOUT = "logout", _("Logout")
        SUBMITTED = "submitted", _("Dikirim untuk ditinjau")
        SENT_BACK = "sent_back", _("Dikembalikan ke penulis")
        PUBLISHED = "published", _("Diterbitkan")
        SCHEDULED = "scheduled", _("Dijadwalkan")
        UNPUBLISHED = "unpublished", _("Ditarik dari situs")
        ARCHIVED = "archived", _("Diarsipkan")
        UNARCHIVED = "unarchived", _("Dipulihkan dari arsip")
        RESTORED = "restored", _("Revisi dipulihkan")
        DELETED = "deleted", _("Dihapus")
        ROLE_CHANGED = "role_changed", _("Peran diubah")
        PASSWORD_CHANGED = "password_changed", _("Sandi diubah")
        HANDOVER = "handover", _("Konten dialihkan")
        REFUSED = "refused", _("Tindakan ditolak")

    at = models.DateTimeField(_("waktu"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="audit_events",
    )
    actor_name = models.CharField(
        _("nama akun"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Disimpan terpisah agar tetap terbaca setelah akun dihapus."),
    )
    action = models.CharField(
        _("tindakan"), max_length=30, choices=Action.choices, db_index=True
    )
    object_type = models.CharField(_("jenis objek"), max_length=100, blank=True)
    object_id = models.CharField(_("ID objek"), max_length=64, blank=True)
    object_repr = models.CharField(_("objek"), max_length=250, blank=True)
    message = models.TextField(_("keterangan"), blank=True, default="")
    ip_address = models.GenericIPAddressField(_("alamat IP"), null=True, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("catatan audit")
        verbose_name_plural = _("log audit")
        # Read-only by design: no add/change/delete permissions exist.
        default_permissions = ("view",)
        permissions = [
            ("view_statistics", _("Dapat melihat statistik publikasi per unit")),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action}"


# Institution pages (Django's flatpages) keep their revisions like articles:
# who changed what and when, and the date the sitemap gives as lastmod.
register(FlatPage, app="humas_site", related_name="revisions")
