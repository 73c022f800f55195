from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from humas_site.templatetags.humas_tags import angka

from .models import Article, ArticlePhoto, ArticleRedirect, Category


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class ArticlePhotoInline(admin.TabularInline):
    model = ArticlePhoto
    extra = 1
    fields = ["image", "caption", "credit", "order", "embed_url"]
    readonly_fields = ["embed_url"]
    verbose_name = _("foto galeri")
    verbose_name_plural = _(
        "galeri foto (tampil di bawah isi berita dan di halaman Galeri)"
    )

    @admin.display(description=_("alamat untuk disisipkan ke isi berita"))
    def embed_url(self, photo):
        # Pasted into the editor's image dialog, the 800 px rendition becomes a
        # figure in the body; nothing else can be uploaded from the editor.
        if not photo.pk or not photo.image:
            return "—"
        return photo.image_800.url


class ArticleStatusFilter(admin.SimpleListFilter):
    """Status as editors think of it: scheduled is "published, but later"."""

    title = _("status")
    parameter_name = "keadaan"

    def lookups(self, request, model_admin):
        return [
            ("draft", _("Draf")),
            ("review", _("Menunggu tinjauan")),
            ("scheduled", _("Terjadwal")),
            ("live", _("Tayang")),
            ("archived", _("Diarsipkan")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == "live":
            return queryset.published()
        if value in ("draft", "review", "archived"):
            return queryset.filter(status=value)
        return queryset


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "status_label",
        "category",
        "unit",
        "published_at",
        "views_label",
        "is_headline",
    ]
    list_filter = [ArticleStatusFilter, "category", "unit", "is_headline"]
    list_select_related = ["category", "unit"]
    search_fields = ["title", "lead", "body", "writer"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticlePhotoInline]
    actions = ["publish", "unpublish"]
    readonly_fields = ["views_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "lead", "body"]}),
        (
            _("Foto utama"),
            {
                "fields": [
                    "featured_image",
                    "image_caption",
                    "image_credit",
                    "image_alt",
                ]
            },
        ),
        (
            _("Penerbitan"),
            {
                "fields": [
                    "status",
                    "published_at",
                    "is_headline",
                    "allow_comments",
                    "category",
                    "tags",
                    "unit",
                    "meeting",
                ]
            },
        ),
        (_("Kredit"), {"fields": ["writer", "editor", "photographer"]}),
        (_("Video"), {"fields": ["video_url"]}),
        (
            _("SEO dan media sosial"),
            {"fields": ["meta_description", "share_image"], "classes": ["collapse"]},
        ),
        (
            _("Statistik"),
            {"fields": ["views_count", "created_at", "updated_at"]},
        ),
    ]

    def get_autocomplete_fields(self, request):
        # The meeting picker needs a searchable MeetingAdmin; without one the
        # plain select is used.
        meeting_admin = self.admin_site._registry.get(
            Article._meta.get_field("meeting").related_model
        )
        if meeting_admin and meeting_admin.search_fields:
            return ["meeting"]
        return []

    @admin.display(description=_("status"), ordering="status")
    def status_label(self, article):
        if article.is_scheduled:
            return _("Terjadwal")
        return article.get_status_display()

    @admin.display(description=_("dilihat"), ordering="views_count")
    def views_label(self, article):
        return angka(article.views_count)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            if not obj.writer:
                obj.writer = request.user.get_full_name()
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Terbitkan berita yang dipilih"))
    def publish(self, request, queryset):
        # A future published_at keeps the article scheduled until then.
        count = queryset.update(status=Article.Status.PUBLISHED)
        self.message_user(
            request,
            ngettext(
                "%(count)d berita diterbitkan.",
                "%(count)d berita diterbitkan.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Tarik kembali menjadi draf"))
    def unpublish(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d berita ditarik menjadi draf.",
                "%(count)d berita ditarik menjadi draf.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__title"]
    raw_id_fields = ["article"]
