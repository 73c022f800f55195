"""News: articles, their categories, photo galleries and daily view counts."""

import datetime
import html
import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import (
    CharField,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import Cast, Coalesce
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.html import format_html, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_comments.abstracts import CommentAbstractModel
from django_comments.managers import CommentManager
from imagekit.models import ImageSpecField
from imagekit.processors import ResizeToFit
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from humas_site.images import RandomUploadPath, SafeImageField
from humas_site.models import TimeStampedModel
from humas_site.richtext import RichTextField

# Widths of the WebP renditions served with srcset.
RENDITION_WIDTHS = (400, 800, 1200)

YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtu.be",
    "www.youtube-nocookie.com",
    "youtube-nocookie.com",
}


# An inline "Baca juga" link: a paragraph holding only the marker
# ``[baca-juga: slug-or-address]`` (the editor may have turned the address
# into a link). Plain text, so it survives the sanitiser unchanged; expanded
# when the article is shown (``Article.body_with_read_also``).
READ_ALSO = re.compile(
    r"<p>\s*\[\s*baca[ -]juga\s*:\s*(?P<target>.*?)\s*\]\s*</p>",
    re.IGNORECASE | re.DOTALL,
)
READ_ALSO_HREF = re.compile(r'href="(?P<href>[^"]*)"')


def read_also_slug(target):
    """The article slug a marker names: a slug, or an article's address on
    this site (absolute or not); "" when it names nothing usable."""
    href = READ_ALSO_HREF.search(target)
    text = html.unescape(href["href"] if href else strip_tags(target)).strip()
    if "/" in text:
        try:
            match = resolve(urlsplit(text).path or "/")
        except Resolver404:
            return ""
        if match.view_name != "news:article_detail":
            return ""
        text = match.kwargs["slug"]
    return text if re.fullmatch(r"[-\w]{1,255}", text) else ""


def youtube_video_id(url):
    """The 11-character video id of a YouTube URL, or "" if it is not one."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or parts.hostname not in YOUTUBE_HOSTS:
        return ""
    path = parts.path.rstrip("/")
    if parts.hostname == "youtu.be":
        candidate = path.lstrip("/")
    elif path == "/watch":
        candidate = parse_qs(parts.query).get("v", [""])[0]
    else:
        match = re.match(r"^/(?:embed|shorts|live|v)/([^/]+)$", path)
        candidate = match.group(1) if match else ""
    return candidate if YOUTUBE_ID.match(candidate) else ""


def validate_youtube_url(value):
    if not youtube_video_id(value):
        raise ValidationError(
            _(
                "Masukkan tautan video YouTube yang valid, misalnya "
                "https://www.youtube.com/watch?v=XXXXXXXXXXX."
            ),
            code="invalid_youtube",
        )


def _renditions(source, spec_prefix, instance, width, height):
    """(url, width, height) of each WebP rendition no wider than the original."""
    if not source or not width or not height:
        return []
    result = []
    for target in RENDITION_WIDTHS:
        spec = getattr(instance, f"{spec_prefix}_{target}")
        w = min(target, width)
        result.append((spec.url, w, round(height * w / width)))
        if w < target:  # the original is narrower: larger renditions are the same
            break
    return result


def _rendition_specs(source):
    return {
        width: ImageSpecField(
            source=source,
            processors=[ResizeToFit(width=width, upscale=False)],
            format="WEBP",
            options={"quality": 78},
        )
        for width in RENDITION_WIDTHS
    }


class Category(models.Model):
    """A section of the news: Berita, Siaran Pers, Klarifikasi Hoaks …"""

    name = models.CharField(_("nama"), max_length=100, unique=True)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("Bagian alamat halaman kategori, misalnya siaran-pers."),
    )
    description = models.TextField(
        _("deskripsi"),
        blank=True,
        default="",
        help_text=_("Ditampilkan di halaman kategori dan umpan RSS."),
    )
    order = models.PositiveIntegerField(
        _("urutan"), default=0, help_text=_("Angka kecil tampil lebih dulu.")
    )

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("kategori")
        verbose_name_plural = _("kategori")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:category_detail", kwargs={"slug": self.slug})


class ArticleQuerySet(models.QuerySet):
    @staticmethod
    def published_filter(prefix="", *, now=None):
        """The rule of ``published()`` as a ``Q``, for the article reached
        through ``prefix`` (``"articles__"`` from a category or unit, for a
        ``Count`` filter); ``Article.is_published_now()`` is its instance form."""
        return Q(
            **{
                f"{prefix}status": Article.Status.PUBLISHED,
                f"{prefix}published_at__lte": now or timezone.now(),
            }
        )

    def published(self):
        """Visible to the public: status published and publication time reached.

        A future ``published_at`` is a scheduled article; it appears by itself
        when the time comes, without any job.
        """
        return self.filter(self.published_filter())

    def scheduled(self):
        """Published status with a publication time still in the future."""
        return self.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        )

    def with_relations(self):
        """Everything a card or an article page shows, in a constant number of
        queries: category and unit joined, tags prefetched."""
        return self.select_related("category", "unit").prefetch_related("tags")

    def in_category(self, category):
        return self.filter(category=category)

    def tagged(self, tag):
        return self.filter(tags=tag)

    def headlines(self):
        return self.filter(is_headline=True)

    def before(self, article):
        """Older than ``article``, nearest first (the "previous" article)."""
        return self.filter(
            Q(published_at__lt=article.published_at)
            | Q(published_at=article.published_at, pk__lt=article.pk)
        ).order_by("-published_at", "-pk")

    def after(self, article):
        """Newer than ``article``, nearest first (the "next" article)."""
        return self.filter(
            Q(published_at__gt=article.published_at)
            | Q(published_at=article.published_at, pk__gt=article.pk)
        ).order_by("published_at", "pk")

    def most_read(self, *, days=7, today=None):
        """Ordered by the views counted in the last ``days`` days (Terpopuler).

        Starts from the window's daily counts (an inner join on the indexed
        date, a few thousand rows) rather than from every article, so the cost
        does not grow with the archive.
        """
        today = today or timezone.localdate()
        since = today - datetime.timedelta(days=days - 1)
        return (
            self.filter(daily_views__date__gte=since, daily_views__views__gt=0)
            .annotate(recent_views=Sum("daily_views__views"))
            .order_by("-recent_views", "-published_at")
        )

    def with_comment_count(self):
        """Annotate ``comment_count``: approved comments (a subquery, no N+1)."""
        comments = (
            ArticleComment.objects.approved()
            .filter(
                content_type__app_label=Article._meta.app_label,
                content_type__model=Article._meta.model_name,
                object_pk=Cast(OuterRef("pk"), CharField(max_length=64)),
            )
            .order_by()
            .values("object_pk")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(
            comment_count=Coalesce(
                Subquery(comments, output_field=IntegerField()), Value(0)
            )
        )

    def in_review(self):
        """The review queue: submitted articles, oldest submission first."""
        return self.filter(status=Article.Status.REVIEW).order_by(
            F("submitted_at").asc(nulls_first=True), "pk"
        )

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def sent_back(self):
        """Drafts an editor returned to the writer with a note."""
        return self.drafts().exclude(review_note="")

    def related_to(self, article, *, limit=4):
        """Articles sharing the most tags with ``article``, then others from its
        category, newest first; ``article`` itself is excluded.

        Two queries: the tag-ranked candidates and, only if they are fewer than
        ``limit``, the same-category filler.
        """
        base = self.exclude(pk=article.pk)
        tag_ids = [tag.pk for tag in article.tags.all()]
        related = []
        if tag_ids:
            related = list(
                base.filter(tags__in=tag_ids)
                .annotate(shared_tags=Count("tags", distinct=True))
                .order_by("-shared_tags", "-published_at")[:limit]
            )
        if len(related) < limit and article.category_id:
            related += list(
                base.filter(category_id=article.category_id)
                .exclude(pk__in=[a.pk for a in related])
                .order_by("-published_at")[: limit - len(related)]
            )
        return related


class Article(TimeStampedModel):
    """A news item written by the humas team and published on the site."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draf")
        REVIEW = "review", _("Menunggu tinjauan")
        PUBLISHED = "published", _("Terbit")
        ARCHIVED = "archived", _("Diarsipkan")

    title = models.CharField(_("judul"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=220,
        unique=True,
        help_text=_(
            "Bagian alamat berita, terisi otomatis dari judul. Jika diubah setelah "
            "terbit, alamat lama dialihkan ke alamat baru."
        ),
    )
    lead = models.TextField(
        _("ringkasan"),
        blank=True,
        default="",
        help_text=_(
            "Satu atau dua kalimat pembuka yang tampil di daftar berita dan saat "
            "dibagikan."
        ),
    )
    body = RichTextField(
        _("isi berita"),
        help_text=_(
            "Gunakan subjudul, daftar, kutipan, tabel dan foto. Kode berbahaya "
            "(skrip, gaya, bingkai) dibuang otomatis saat disimpan. Untuk "
            "tautan «Baca juga» di tengah berita, tulis satu paragraf yang "
            "hanya berisi [baca-juga: alamat-berita], misalnya "
            "[baca-juga: rapat-pleno-dps] atau alamat lengkap berita itu; di "
            "situs tampil sebagai kotak «Baca juga: judul berita itu»."
        ),
    )
    featured_image = SafeImageField(
        _("foto utama"),
        upload_to=RandomUploadPath("berita"),
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
        help_text=_("JPEG, PNG atau WebP, maksimal 10 MB. Lebar minimal 1200 px."),
    )
    featured_image_width = models.PositiveIntegerField(
        _("lebar foto utama"), null=True, blank=True, editable=False
    )
    featured_image_height = models.PositiveIntegerField(
        _("tinggi foto utama"), null=True, blank=True, editable=False
    )
    image_alt = models.CharField(
        _("teks alternatif foto"),
        max_length=250,
        blank=True,
        default="",
        help_text=_(
            "Gambaran singkat isi foto untuk pembaca tunanetra. Kosongkan untuk "
            "memakai keterangan foto."
        ),
    )
    image_caption = models.CharField(
        _("keterangan foto"), max_length=300, blank=True, default=""
    )
    image_credit = models.CharField(
        _("kredit foto"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Misalnya: dok. Humas KPU Sukamaju."),
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategori"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="articles",
    )
    tags = TaggableManager(
        verbose_name=_("tag"),
        blank=True,
        help_text=_("Kata kunci dipisahkan koma, misalnya: coklit, pemutakhiran data."),
    )
    unit = models.ForeignKey(
        "humas_site.Unit",
        verbose_name=_("unit kerja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
    )
    writer = models.CharField(
        _("penulis"),
        max_length=150,
        blank=True,
        default="",
        help_text=_('Nama yang ditampilkan sebagai "Pen:". Bukan nama akun login.'),
    )
    editor = models.CharField(
        _("editor"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Nama yang ditampilkan sebagai editor."),
    )
    photographer = models.CharField(
        _("fotografer"),
        max_length=150,
        blank=True,
        default="",
        help_text=_('Nama yang ditampilkan sebagai "Foto:".'),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dibuat oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="news_articles",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    published_at = models.DateTimeField(
        _("waktu terbit"),
        default=timezone.now,
        db_index=True,
        help_text=_(
            "Isi waktu yang akan datang untuk menjadwalkan: berita tampil sendiri "
            "pada waktu itu."
        ),
    )
    is_headline = models.BooleanField(
        _("berita utama"),
        default=False,
        help_text=_("Berita utama terbaru tampil paling atas di beranda."),
    )
    allow_comments = models.BooleanField(_("izinkan komentar"), default=True)
    video_url = models.URLField(
        _("video YouTube"),
        blank=True,
        default="",
        validators=[validate_youtube_url],
        help_text=_(
            "Tautan video YouTube (webinar, podcast, konferensi pers). Pemutar baru "
            "dimuat setelah pembaca menekan tombol putar."
        ),
    )
    meta_description = models.CharField(
        _("deskripsi SEO"),
        max_length=300,
        blank=True,
        default="",
        help_text=_(
            "Untuk mesin pencari dan pratinjau tautan. Kosongkan untuk memakai "
            "ringkasan."
        ),
    )
    share_image = SafeImageField(
        _("gambar untuk dibagikan"),
        upload_to=RandomUploadPath("berita/bagikan"),
        blank=True,
        help_text=_(
            "Gambar pratinjau di media sosial (1200 × 630 px). Kosongkan untuk "
            "memakai foto utama."
        ),
    )
    views_count = models.PositiveIntegerField(
        _("jumlah dilihat"), default=0, editable=False
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        verbose_name=_("rapat"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        help_text=_("Rapat atau kegiatan yang diberitakan, jika ada."),
    )
    # Tag names copied onto the row (kept in sync by news.search signal
    # handlers) so that the full-text expression index can cover them.
    search_tags = models.TextField(
        _("tag untuk pencarian"),
        blank=True,
        default="",
        editable=False,
        help_text=_("Nama tag, diisi otomatis untuk pencarian."),
    )
    # Editorial workflow (news/workflow.py changes these, never a form).
    submitted_at = models.DateTimeField(
        _("dikirim untuk ditinjau"), null=True, blank=True, editable=False
    )
    review_note = models.TextField(
        _("catatan peninjau"),
        blank=True,
        default="",
        help_text=_(
            "Pesan editor untuk penulis saat berita dikembalikan: apa yang perlu "
            "diperbaiki."
        ),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ditinjau oleh"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reviewed_articles",
    )

    featured_400, featured_800, featured_1200 = _rendition_specs(
        "featured_image"
    ).values()
    share_1200 = ImageSpecField(
        source="featured_image",
        processors=[ResizeToFit(width=1200, upscale=False)],
        format="JPEG",
        options={"quality": 80},
    )

    objects = ArticleQuerySet.as_manager()
    # Every save keeps a version (who, when, what changed) for compare/restore.
    history = HistoricalRecords(
        excluded_fields=["views_count", "search_tags"],
        verbose_name=_("revisi berita"),
        verbose_name_plural=_("revisi berita"),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        get_latest_by = "published_at"
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        indexes = [models.Index(fields=["status", "-published_at"])]
        permissions = [
            (
                "publish_article",
                _("Dapat menerbitkan, menjadwalkan dan menarik berita"),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:220] or "berita"
        old_slug = getattr(self, "_loaded_slug", None)
        super().save(*args, **kwargs)
        if old_slug and old_slug != self.slug:
            # A renamed article keeps its shared links working: the old slug
            # redirects (301) to the new one. Done here, not in a service, so
            # that every save path (admin, shell, import) records it.
            ArticleRedirect.objects.filter(old_slug=self.slug).delete()
            ArticleRedirect.objects.update_or_create(
                old_slug=old_slug, defaults={"article": self}
            )
        self._loaded_slug = self.slug

    def get_absolute_url(self):
        return reverse("news:article_detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # Remembered so that save() can keep the old URL working after a rename.
        instance._loaded_slug = instance.__dict__.get("slug")
        return instance

    def body_with_read_also(self):
        """The body with each ``[baca-juga: …]`` marker replaced by a "Baca
        juga" link to that published article (its current title), or removed
        when it names none. One query whatever the number of markers, none
        without markers; the link is fixed markup with the title escaped."""
        slugs = {read_also_slug(m["target"]) for m in READ_ALSO.finditer(self.body)}
        if not slugs:
            return mark_safe(self.body)  # sanitised on save (RichTextField)
        articles = {
            article.slug: article
            for article in Article.objects.published()
            .filter(slug__in=slugs - {""})
            .exclude(pk=self.pk)
            .only("slug", "title")
        }

        def expand(match):
            article = articles.get(read_also_slug(match["target"]))
            if article is None:
                return ""
            return format_html(
                '<p class="baca-juga"><span class="baca-juga-label">{}</span> '
                '<a href="{}">{}</a></p>',
                gettext("Baca juga:"),
                article.get_absolute_url(),
                article.title,
            )

        return mark_safe(READ_ALSO.sub(expand, self.body))

    def is_published_now(self):
        """The instance form of ``ArticleQuerySet.published()``."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        return self.status == self.Status.PUBLISHED and (
            self.published_at is not None and self.published_at > timezone.now()
        )

    @property
    def summary(self):
        """Short text for lists, feeds and link previews."""
        return self.meta_description or self.lead

    @property
    def featured_alt(self):
        return self.image_alt or self.image_caption or self.title

    @property
    def featured_renditions(self):
        return _renditions(
            self.featured_image,
            "featured",
            self,
            self.featured_image_width,
            self.featured_image_height,
        )

    @property
    def featured_srcset(self):
        return ", ".join(f"{url} {w}w" for url, w, _h in self.featured_renditions)

    @property
    def featured_default(self):
        """The middle rendition (url, width, height) used as ``src``."""
        renditions = self.featured_renditions
        return renditions[min(1, len(renditions) - 1)] if renditions else None

    @property
    def youtube_id(self):
        return youtube_video_id(self.video_url)

    @property
    def youtube_watch_url(self):
        return f"https://www.youtube.com/watch?v={self.youtube_id}"

    @property
    def youtube_embed_url(self):
        return f"https://www.youtube-nocookie.com/embed/{self.youtube_id}?autoplay=1"

    @property
    def credits(self):
        """("Pen", name) pairs for the credit line; empty names left out."""
        pairs = [
            (_("Pen"), self.writer),
            (_("Editor"), self.editor),
            (_("Foto"), self.photographer),
        ]
        return [(label, name) for label, name in pairs if name]

    def share_image_url(self):
        if self.share_image:
            return self.share_image.url
        if self.featured_image:
            return self.share_1200.url
        return ""

    def og_tags(self, absolute, site_name):
        """(attribute, name, content) of the Open Graph and Twitter meta tags;
        ``absolute`` turns a path into an absolute URL."""
        url = absolute(self.get_absolute_url())
        tags = [
            ("property", "og:type", "article"),
            ("property", "og:site_name", site_name),
            ("property", "og:title", self.title),
            ("property", "og:description", self.summary),
            ("property", "og:url", url),
            ("property", "og:locale", "id_ID"),
            ("property", "article:published_time", self.published_at.isoformat()),
            ("property", "article:modified_time", self.updated_at.isoformat()),
        ]
        if self.category_id:
            tags.append(("property", "article:section", self.category.name))
        image = self.share_image_url()
        if image:
            tags += [
                ("property", "og:image", absolute(image)),
                ("property", "og:image:alt", self.featured_alt),
                ("name", "twitter:card", "summary_large_image"),
                ("name", "twitter:image", absolute(image)),
            ]
        else:
            tags.append(("name", "twitter:card", "summary"))
        tags += [
            ("name", "twitter:title", self.title),
            ("name", "twitter:description", self.summary),
        ]
        return tags

    def json_ld(self, absolute, institution):
        """schema.org NewsArticle data for search engines."""
        publisher = {"@type": "Organization", "name": institution.name}
        if institution.logo:
            publisher["logo"] = {
                "@type": "ImageObject",
                "url": absolute(institution.logo.url),
            }
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "description": self.summary,
            "mainEntityOfPage": absolute(self.get_absolute_url()),
            "datePublished": self.published_at.isoformat(),
            "dateModified": self.updated_at.isoformat(),
            "inLanguage": "id",
            "publisher": publisher,
            # Display names typed by editors, never account usernames.
            "author": (
                {"@type": "Person", "name": self.writer}
                if self.writer
                else {"@type": "Organization", "name": institution.name}
            ),
        }
        image = self.share_image_url()
        if image:
            data["image"] = [absolute(image)]
        if self.category_id:
            data["articleSection"] = self.category.name
        return data

    def register_view(self, *, day=None):
        """Count one human view: atomic on the article and on today's row.

        No read-modify-write: both counters are ``UPDATE … SET views = views +
        1``. The daily row is created on first use; a concurrent creator makes
        the INSERT fail with IntegrityError, after which the UPDATE succeeds.
        """
        day = day or timezone.localdate()
        with transaction.atomic():
            Article.objects.filter(pk=self.pk).update(views_count=F("views_count") + 1)
            ArticleDailyView.add(article_id=self.pk, day=day, views=1)


class ArticleRedirect(models.Model):
    """An earlier slug of an article, redirected permanently to its current URL."""

    old_slug = models.SlugField(_("slug lama"), max_length=220, unique=True)
    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="redirects",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)

    class Meta:
        verbose_name = _("alamat lama berita")
        verbose_name_plural = _("alamat lama berita")

    def __str__(self):
        return self.old_slug


class ArticlePhotoQuerySet(models.QuerySet):
    def published(self):
        """Photos of articles the public may see, newest article first."""
        return (
            self.filter(ArticleQuerySet.published_filter("article__"))
            .select_related("article")
            .order_by("-article__published_at", "order", "pk")
        )


class ArticlePhoto(models.Model):
    """A photo in an article's ordered gallery; the body may place it as a figure."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="photos",
    )
    image = SafeImageField(
        _("foto"),
        upload_to=RandomUploadPath("berita/galeri"),
        width_field="width",
        height_field="height",
        help_text=_("JPEG, PNG atau WebP, maksimal 10 MB."),
    )
    width = models.PositiveIntegerField(
        _("lebar"), null=True, blank=True, editable=False
    )
    height = models.PositiveIntegerField(
        _("tinggi"), null=True, blank=True, editable=False
    )
    caption = models.CharField(_("keterangan"), max_length=300, blank=True, default="")
    credit = models.CharField(
        _("kredit"),
        max_length=150,
        blank=True,
        default="",
        help_text=_("Misalnya: dok. Humas KPU Sukamaju."),
    )
    order = models.PositiveIntegerField(_("urutan"), default=0)
    created_at = models.DateTimeField(_("diunggah"), auto_now_add=True)

    image_400, image_800, image_1200 = _rendition_specs("image").values()

    objects = ArticlePhotoQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("foto berita")
        verbose_name_plural = _("foto berita")

    def __str__(self):
        return self.caption or self.image.name

    @property
    def renditions(self):
        return _renditions(self.image, "image", self, self.width, self.height)

    @property
    def srcset(self):
        return ", ".join(f"{url} {w}w" for url, w, _h in self.renditions)

    @property
    def default_rendition(self):
        renditions = self.renditions
        return renditions[min(1, len(renditions) - 1)] if renditions else None

    @property
    def alt(self):
        return self.caption or self.article.title


class ArticleDailyViewQuerySet(models.QuerySet):
    def since(self, day):
        return self.filter(date__gte=day)


class ArticleDailyView(models.Model):
    """How many human views an article had on one day (for "Terpopuler")."""

    article = models.ForeignKey(
        Article,
        verbose_name=_("berita"),
        on_delete=models.CASCADE,
        related_name="daily_views",
    )
    date = models.DateField(_("tanggal"))
    views = models.PositiveIntegerField(_("dilihat"), default=0)

    objects = ArticleDailyViewQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = _("jumlah dilihat harian")
        verbose_name_plural = _("jumlah dilihat harian")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "date"], name="news_dailyview_unique_day"
            )
        ]
        # Terpopuler reads one week of counts across all articles.
        indexes = [models.Index(fields=["date", "article"], name="news_dailyview_date")]

    def __str__(self):
        return f"{self.article_id} {self.date}: {self.views}"

    @classmethod
    def add(cls, *, article_id, day, views):
        """Atomically add ``views`` to the (article, day) row, creating it once.

        UPDATE first; if no row exists, INSERT in a savepoint; a concurrent
        INSERT of the same day loses with IntegrityError and retries the UPDATE.
        """
        rows = cls.objects.filter(article_id=article_id, date=day)
        if rows.update(views=F("views") + views):
            return
        try:
            with transaction.atomic():
                cls.objects.create(article_id=article_id, date=day, views=views)
        except IntegrityError:
            rows.update(views=F("views") + views)


class CommentState(models.TextChoices):
    """The one list of moderation states of a reader comment."""

    PENDING = "pending", _("Menunggu moderasi")
    APPROVED = "approved", _("Disetujui")
    REJECTED = "rejected", _("Ditolak")
    SPAM = "spam", _("Spam")


# Each state as a filter and as the field values that put a comment in it;
# spam wins over a removal, a removal over publication.
COMMENT_STATE_FILTERS = {
    CommentState.PENDING: Q(is_public=False, is_removed=False, is_spam=False),
    CommentState.APPROVED: Q(is_public=True, is_removed=False, is_spam=False),
    CommentState.REJECTED: Q(is_removed=True, is_spam=False),
    CommentState.SPAM: Q(is_spam=True),
}
COMMENT_STATE_VALUES = {
    CommentState.APPROVED: {"is_public": True, "is_removed": False, "is_spam": False},
    CommentState.REJECTED: {"is_public": False, "is_removed": True, "is_spam": False},
    CommentState.SPAM: {"is_public": False, "is_spam": True},
}


class ArticleCommentQuerySet(models.QuerySet):
    """Reader comments ("Tinggalkan Balasan") by moderation state
    (``CommentState``) and by article."""

    def in_state(self, state):
        return self.filter(COMMENT_STATE_FILTERS[state])

    def approved(self):
        return self.in_state(CommentState.APPROVED)

    def pending(self):
        return self.in_state(CommentState.PENDING)

    def rejected(self):
        return self.in_state(CommentState.REJECTED)

    def spam(self):
        return self.in_state(CommentState.SPAM)

    def awaiting_moderation(self):
        """Comments waiting for an editor, oldest first (the dashboard and the
        admin)."""
        return self.pending().order_by("submit_date")

    def public_for(self, article):
        """The public comments of ``article``, oldest first. One query."""
        return (
            self.approved()
            .for_article(article)
            .only("user_name", "comment", "submit_date")
            .order_by("submit_date", "pk")
        )

    def for_article(self, article):
        # By app label and model name (a join) rather than a ContentType
        # lookup, so that no extra query is needed.
        return self.filter(
            content_type__app_label=Article._meta.app_label,
            content_type__model=Article._meta.model_name,
            object_pk=str(article.pk),
        )


class ArticleComment(CommentAbstractModel):
    """A reader's comment on an article; public only after an editor approves it.

    The comment model of django-contrib-comments (``COMMENTS_APP = "news"``)
    with a spam mark: more than two links, or an editor's decision.
    """

    is_spam = models.BooleanField(
        _("spam"),
        default=False,
        db_index=True,
        help_text=_("Komentar spam tidak pernah tampil di situs."),
    )

    State = CommentState

    objects = CommentManager.from_queryset(ArticleCommentQuerySet)()

    class Meta(CommentAbstractModel.Meta):
        verbose_name = _("komentar")
        verbose_name_plural = _("komentar")

    @property
    def state(self):
        if self.is_spam:
            return CommentState.SPAM
        if self.is_removed:
            return CommentState.REJECTED
        if self.is_public:
            return CommentState.APPROVED
        return CommentState.PENDING
