import logging

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from humas_site.admin_mixins import (
    ChooseFilesAgainMixin,
    EditConflictMixin,
    MaintainedListAdminMixin,
    ThumbnailImageInput,
)
from humas_site.audit import audit_record
from humas_site.images import SafeImageField
from humas_site.models import AuditEvent
from humas_site.roles import can_publish, staff_unit
from humas_site.storage import (
    STORAGE_FULL_MESSAGE,
    StorageFullAdminMixin,
    storage_refused,
)
from humas_site.templatetags.humas_tags import angka

from . import services, workflow
from .admin_engagement import ArticleDailyViewInline  # also registers comments
from .forms import ArticleAdminForm, ContributorDraftForm
from .models import Article, ArticlePhoto, ArticleRedirect, Category
from .revisions import revision_changes


@admin.register(Category)
class CategoryAdmin(MaintainedListAdminMixin, admin.ModelAdmin):
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
    formfield_overrides = {
        SafeImageField: {"widget": ThumbnailImageInput(rendition="image_400")}
    }

    @admin.display(description=_("alamat untuk disisipkan ke isi berita"))
    def embed_url(self, photo):
        # Pasted into the editor's image dialog, the 800 px rendition becomes a
        # figure in the body; nothing else can be uploaded from the editor.
        # A read-only box (select, copy) keeps the long address from widening
        # the table.
        if not photo.pk or not photo.image:
            return "—"
        try:
            url = photo.image_800.url
        except (OSError, ValueError):  # the file is missing or unreadable
            return "—"
        return format_html(
            '<input type="text" readonly value="{}" class="humas-copy-url" '
            'aria-label="{}">',
            url,
            _("alamat foto untuk disisipkan ke isi berita"),
        )


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


logger = logging.getLogger(__name__)

# What a contributor (writer of a unit) sees of the article form.
CONTRIBUTOR_FIELDSETS = [
    (None, {"fields": ["title", "lead", "body"]}),
    (
        _("Foto utama"),
        {"fields": ["featured_image", "image_caption", "image_credit", "image_alt"]},
    ),
    (_("Keterangan"), {"fields": ["category", "tags", "writer", "photographer"]}),
    (_("Status"), {"fields": ["status", "review_note", "submitted_at"]}),
]
# Workflow fields change only through news.workflow, never through the form.
WORKFLOW_FIELDS = ["status", "submitted_at", "reviewed_by", "created_by"]
EDITOR_ACTIONS = {
    rule.action for rule in workflow.RULES.values() if rule.editor_only and rule.action
}


def transition_actions():
    """The admin's bulk actions, one per transition of the table that has one,
    each going through ``services.article_transition`` for every article."""

    def make(transition, rule):
        def action(modeladmin, request, queryset):
            modeladmin._bulk(request, queryset, transition)

        action.__name__ = rule.action
        return admin.action(
            description=rule.action_label, permissions=[rule.action_permission]
        )(action)

    return [
        make(transition, rule)
        for transition, rule in workflow.RULES.items()
        if rule.action
    ]


@admin.register(Article)
class ArticleAdmin(
    StorageFullAdminMixin, ChooseFilesAgainMixin, EditConflictMixin, SimpleHistoryAdmin
):
    """Articles, with the editorial workflow and revisions (history, compare,
    restore). Contributors see and edit only their unit's drafts; every status
    change is a button or an action that goes through ``news.workflow``."""

    form = ArticleAdminForm
    change_form_template = "admin/news/article/change_form.html"
    object_history_list_template = "admin/news/article/object_history_list.html"
    formfield_overrides = {
        SafeImageField: {"widget": ThumbnailImageInput(rendition="featured_400")}
    }
    list_display = [
        "title",
        "status_label",
        "category",
        "unit",
        "published_at",
        "submitted_at",
        "views_label",
        "is_headline",
    ]
    list_filter = [ArticleStatusFilter, "category", "unit", "is_headline"]
    list_select_related = ["category", "unit"]
    search_fields = ["title", "lead", "body", "writer"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ArticlePhotoInline, ArticleDailyViewInline]
    # One action per transition of the table (in its order), then the purge.
    actions = [*transition_actions(), "purge_archive"]
    readonly_fields = [
        "views_count",
        "created_at",
        "updated_at",
        "status",
        "submitted_at",
        "reviewed_by",
    ]
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
                    "review_note",
                    "submitted_at",
                    "reviewed_by",
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

    # ---- who sees and edits what (enforced here, not only in the UI) ----
    def get_queryset(self, request):
        return workflow.visible_articles(request.user, super().get_queryset(request))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or workflow.can_edit(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is not None and obj.status == Article.Status.ARCHIVED:
            return allowed and request.user.is_superuser  # already archived
        return allowed and (obj is None or can_publish(request.user))

    def has_publish_permission(self, request):
        return can_publish(request.user)

    def has_submit_permission(self, request):
        return request.user.has_perm("news.change_article")

    def get_fieldsets(self, request, obj=None):
        if workflow.is_unit_writer(request.user):
            return self.with_version_field(CONTRIBUTOR_FIELDSETS, obj)
        return super().get_fieldsets(request, obj)

    def get_prepopulated_fields(self, request, obj=None):
        if workflow.is_unit_writer(request.user):
            return {}  # no slug field: save() derives it from the title
        return super().get_prepopulated_fields(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if workflow.is_unit_writer(request.user):
            fields.append("review_note")
        return fields

    def get_ordering(self, request):
        # The review queue (status filter "review") lists the oldest first.
        if request.GET.get(ArticleStatusFilter.parameter_name) == "review":
            return [F("submitted_at").asc(nulls_first=True), "pk"]
        return super().get_ordering(request)

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
            obj.status = Article.Status.DRAFT
            if not obj.writer:
                obj.writer = request.user.get_full_name()
            if workflow.is_unit_writer(request.user):
                obj.unit = staff_unit(request.user)
        else:
            # Restoring a revision or a crafted form never changes the status:
            # only news.workflow does.
            current = (
                Article.objects.filter(pk=obj.pk)
                .values(
                    *[
                        f"{name}_id" if name in ("reviewed_by", "created_by") else name
                        for name in WORKFLOW_FIELDS
                    ],
                    "slug",
                )
                .first()
            ) or {"slug": None}
            if not hasattr(obj, "_loaded_slug"):
                # A restored revision is not loaded from the database: the
                # current address still redirects if the restore changes it.
                obj._loaded_slug = current["slug"]
            del current["slug"]
            for name, value in current.items():
                setattr(obj, name, value)
        super().save_model(request, obj, form, change)

    # ---- workflow buttons on the change form ----
    def render_change_form(self, request, context, add=False, change=False, **kw):
        obj = context.get("original")
        context["workflow_transitions"] = (
            workflow.available_transitions(user=request.user, article=obj)
            if obj is not None and obj.pk
            else []
        )
        return super().render_change_form(request, context, add, change, **kw)

    def response_change(self, request, obj):
        if "_transition" in request.POST:
            self._apply_transition(request, obj, request.POST["_transition"])
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def response_add(self, request, obj, post_url_continue=None):
        if "_transition" in request.POST:
            self._apply_transition(request, obj, request.POST["_transition"])
            return HttpResponseRedirect(
                reverse("admin:news_article_change", args=[obj.pk])
            )
        return super().response_add(request, obj, post_url_continue)

    def _apply_transition(self, request, obj, transition):
        try:
            article = services.article_transition(
                article=obj,
                user=request.user,
                transition=transition,
                note=obj.review_note,
                request=request,
            )
        except workflow.TransitionRefused as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return
        self.message_user(
            request,
            _("«%(title)s» sekarang berstatus: %(status)s.")
            % {"title": article.title, "status": self.status_label(article)},
            messages.SUCCESS,
        )

    # ---- bulk actions, through the same service ----
    def changelist_view(self, request, extra_context=None):
        # Django drops an action the user may not run with a vague "no action
        # selected"; a forged editor action gets a clear refusal instead.
        action = request.POST.get("action")
        if action in EDITOR_ACTIONS and not can_publish(request.user):
            message = _(
                "Hanya editor yang dapat menerbitkan, menarik atau mengarsipkan "
                "berita. Kirim draf untuk ditinjau."
            )
            audit_record(
                action=AuditEvent.Action.REFUSED, message=f"{action}: {message}"
            )
            self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())
        return super().changelist_view(request, extra_context)

    def _bulk(self, request, queryset, transition):
        done, refused = 0, []
        for article in queryset:
            try:
                services.article_transition(
                    article=article,
                    user=request.user,
                    transition=transition,
                    request=request,
                )
                done += 1
            except workflow.TransitionRefused as refusal:
                refused.append(f"«{article.title}»: {refusal}")
        if done:
            self.message_user(
                request,
                ngettext(
                    "%(count)d berita diproses: %(action)s.",
                    "%(count)d berita diproses: %(action)s.",
                    done,
                )
                % {"count": done, "action": workflow.Transition(transition).label},
                messages.SUCCESS,
            )
        for message in refused:
            self.message_user(request, message, messages.ERROR)

    # ---- deleting is soft: into the archive, restorable ----
    def _purges(self, request, obj):
        """Only a superuser deleting from the archive deletes for good."""
        return obj.status == Article.Status.ARCHIVED and request.user.is_superuser

    def get_actions(self, request):
        # Django's "delete selected" would announce a deletion that is an
        # archiving: these two actions say what they do.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def has_purge_permission(self, request):
        return request.user.is_superuser

    def get_deleted_objects(self, objs, request):
        if all(self._purges(request, obj) for obj in objs):
            return super().get_deleted_objects(objs, request)
        return [], {}, set(), []  # archived, nothing is deleted

    def delete_model(self, request, obj):
        if self._purges(request, obj):
            super().delete_model(request, obj)  # only the archive is emptied for good
            return
        services.article_transition(
            article=obj,
            user=request.user,
            transition=workflow.Transition.DELETE,
            request=request,
        )

    def delete_queryset(self, request, queryset):
        for article in queryset:
            self.delete_model(request, article)

    def log_deletions(self, request, queryset):
        purged = [obj for obj in queryset if self._purges(request, obj)]
        for obj in queryset:
            if obj not in purged:
                self.log_change(request, obj, _("Dipindahkan ke arsip."))
        return super().log_deletions(request, purged) if purged else None

    def response_delete(self, request, obj_display, obj_id):
        if not Article.objects.filter(pk=obj_id).exists():
            return super().response_delete(request, obj_display, obj_id)
        self.message_user(
            request,
            _(
                "«%(title)s» dipindahkan ke arsip: tidak tampil lagi di situs, "
                "tetapi tidak dihapus. Pulihkan kapan saja dengan tindakan "
                "«Pulihkan dari arsip» (daftar berita, status Diarsipkan)."
            )
            % {"title": obj_display},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:news_article_changelist"))

    @admin.action(description=_("Hapus permanen dari arsip"), permissions=["purge"])
    def purge_archive(self, request, queryset):
        return delete_selected(
            self, request, queryset.filter(status=Article.Status.ARCHIVED)
        )

    # ---- the contributor's short form, and a readable compare view ----
    def get_urls(self):
        info = self.opts.app_label, self.opts.model_name
        return [
            path(
                "tulis/",
                self.admin_site.admin_view(self.write_view),
                name="{}_{}_write".format(*info),
            ),
            path(
                "<path:object_id>/riwayat/<int:version_id>/banding/",
                self.admin_site.admin_view(self.compare_view),
                name="{}_{}_compare".format(*info),
            ),
            *super().get_urls(),
        ]

    def write_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ContributorDraftForm(request.POST or None, request.FILES or None)
        article = None
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                article = services.article_draft_create(
                    user=request.user,
                    title=data["title"],
                    what=data["what"],
                    when=data["when"],
                    where=data["where"],
                    who=data["who"],
                    photos=data["photos"],
                )
            except OSError as error:
                if not storage_refused(error):
                    raise
                logger.error("Media storage refused an upload: %s", error)
                form.add_error("photos", STORAGE_FULL_MESSAGE)
        if article is not None:
            if "_submit" in request.POST:
                services.article_transition(
                    article=article,
                    user=request.user,
                    transition=workflow.Transition.SUBMIT,
                    request=request,
                )
                self.message_user(
                    request,
                    _(
                        "Terima kasih! «%(title)s» sudah dikirim ke editor untuk "
                        "ditinjau. Anda akan menerima surel bila ada catatan atau "
                        "saat berita terbit."
                    )
                    % {"title": article.title},
                    messages.SUCCESS,
                )
                return HttpResponseRedirect(reverse("admin:index"))
            self.message_user(
                request,
                _("Draf «%(title)s» tersimpan. Anda bisa melanjutkannya kapan saja.")
                % {"title": article.title},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(
                reverse("admin:news_article_change", args=[article.pk])
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Tulis draf berita"),
            "form": form,
            "opts": self.opts,
        }
        return TemplateResponse(request, "news/contributor/draft_form.html", context)

    def _visible_or_404(self, request, object_id):
        # History pages would otherwise show any article, even a deleted one
        # or another unit's draft: only what the changelist shows.
        article = self.get_object(request, unquote(object_id))
        if article is None or not self.has_view_or_change_permission(request, article):
            raise Http404(_("Berita tidak ditemukan."))
        return article

    def history_view(self, request, object_id, extra_context=None):
        self._visible_or_404(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        article = self._visible_or_404(request, object_id)
        # Restoring a revision is an editor's decision.
        if not (
            can_publish(request.user) and self.has_change_permission(request, article)
        ):
            raise PermissionDenied
        response = super().history_form_view(
            request, object_id, version_id, extra_context
        )
        if request.method == "POST" and response.status_code == 302:
            reason = _("Revisi #%(version)s dipulihkan.") % {"version": version_id}
            article.refresh_from_db()  # logged under its restored title
            # The restore is itself the newest revision; it says what it was.
            newest = article.history.first()
            newest.history_change_reason = reason
            newest.save(update_fields=["history_change_reason"])
            audit_record(action=AuditEvent.Action.RESTORED, obj=article, message=reason)
        return response

    def compare_view(self, request, object_id, version_id):
        article = self._visible_or_404(request, object_id)
        versions = article.history.all()
        version = get_object_or_404(versions, pk=version_id)
        previous = version.prev_record
        context = {
            **self.admin_site.each_context(request),
            "title": _("Bandingkan revisi: %(title)s") % {"title": article.title},
            "opts": self.opts,
            "original": article,
            "version": version,
            "previous": previous,
            "changes": revision_changes(previous, version) if previous else [],
            "can_restore": self.has_change_permission(request, article),
        }
        return TemplateResponse(request, "admin/news/article/compare.html", context)


@admin.register(ArticleRedirect)
class ArticleRedirectAdmin(MaintainedListAdminMixin, admin.ModelAdmin):
    list_display = ["old_slug", "article", "created_at"]
    search_fields = ["old_slug", "article__title"]
    raw_id_fields = ["article"]
