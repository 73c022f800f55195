from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Max
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from humas_site.admin_mixins import ChooseFilesAgainMixin, EditConflictMixin
from humas_site.templatetags.humas_tags import angka

from .forms import ParticipantInlineFormSet
from .models import (
    BOARD_ORDERING,
    AgendaItem,
    FollowUp,
    Meeting,
    Participant,
    ParticipantGroup,
    ReferencedLetter,
    Resolution,
)
from .services import meeting_create_news_draft

SHORT_TEXT = forms.Textarea(attrs={"rows": 2, "cols": 40})


class ParticipantInline(admin.TabularInline):
    model = Participant
    formset = ParticipantInlineFormSet
    fields = ["order", "name", "position", "organisation", "role", "present", "user"]
    extra = 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # A plain list of active staff: editors may link accounts without
        # needing permission to browse the user admin (which autocomplete needs).
        if db_field.name == "user":
            kwargs["queryset"] = (
                get_user_model()
                .objects.filter(is_staff=True, is_active=True)
                .order_by("first_name", "last_name", "username")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ParticipantGroupInline(admin.TabularInline):
    model = ParticipantGroup
    fields = ["order", "label", "count", "mode"]
    extra = 0


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    fields = ["order", "topic", "presenter", "notes"]
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "notes":
            kwargs["widget"] = SHORT_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ResolutionInline(admin.TabularInline):
    model = Resolution
    fields = [
        "order",
        "text",
        "responsible_unit",
        "responsible_person",
        "due_date",
        "status",
    ]
    show_change_link = True
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "text":
            kwargs["widget"] = SHORT_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class ReferencedLetterInline(admin.TabularInline):
    model = ReferencedLetter
    fields = ["number", "date", "subject", "file"]
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(ChooseFilesAgainMixin, EditConflictMixin, admin.ModelAdmin):
    change_form_template = "meetings/admin/meeting_change_form.html"
    list_display = [
        "title",
        "kind",
        "starts_at",
        "status",
        "is_public",
        "organiser_unit",
        "attendees",
    ]
    list_filter = ["kind", "status", "is_public", "mode", "organiser_unit"]
    list_select_related = ["organiser_unit"]
    search_fields = ["title", "place", "host_institution", "summary"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "is_public"]}),
        (
            _("Waktu dan tempat"),
            {"fields": ["starts_at", "ends_at", "mode", "place", "online_link"]},
        ),
        (_("Penyelenggara"), {"fields": ["organiser_unit", "host_institution"]}),
        (_("Hasil rapat"), {"fields": ["summary", "minutes"]}),
    ]
    inlines = [
        ParticipantInline,
        ParticipantGroupInline,
        AgendaItemInline,
        ResolutionInline,
        ReferencedLetterInline,
    ]

    actions = ["create_news_drafts"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_attendance()

    def get_urls(self):
        return [
            path(
                "<path:object_id>/buat-berita/",
                self.admin_site.admin_view(self.create_news_view),
                name="meetings_meeting_create_news",
            ),
            *super().get_urls(),
        ]

    def has_add_news_permission(self, request):
        return request.user.has_perm("news.add_article")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            "can_create_news": self.has_add_news_permission(request),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def create_news_view(self, request, object_id):
        """Confirm (GET), then create the draft or open the existing one (POST)."""
        meeting = self.get_object(request, object_id)
        if meeting is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (
            self.has_view_or_change_permission(request, meeting)
            and self.has_add_news_permission(request)
        ):
            raise PermissionDenied
        if request.method == "POST":
            article, created = meeting_create_news_draft(
                meeting=meeting, user=request.user
            )
            self._report_news_draft(request, article, created)
            return redirect("admin:news_article_change", article.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Buat berita dari rapat"),
            "meeting": meeting,
            "existing_articles": meeting.articles.order_by("pk"),
        }
        return TemplateResponse(
            request, "meetings/admin/create_news_confirm.html", context
        )

    @admin.action(
        description=_("Buat draf berita dari rapat terpilih"),
        permissions=["add_news"],
    )
    def create_news_drafts(self, request, queryset):
        for meeting in queryset:
            article, created = meeting_create_news_draft(
                meeting=meeting, user=request.user
            )
            self._report_news_draft(request, article, created)

    def _report_news_draft(self, request, article, created):
        url = reverse("admin:news_article_change", args=[article.pk])
        if created:
            message = _(
                "Draf berita “{title}” dibuat dari rapat. Lengkapi foto dan "
                "periksa isinya, lalu ajukan atau terbitkan seperti biasa."
            )
            level = messages.SUCCESS
        else:
            message = _(
                "Rapat ini sudah punya berita “{title}”; tidak dibuat draf kedua."
            )
            level = messages.WARNING
        self.message_user(
            request,
            format_html(
                '{} <a href="{}">{}</a>',
                message.format(title=article.title),
                url,
                _("Buka berita"),
            ),
            level,
        )

    @admin.display(description=_("jumlah hadir"), ordering="attendee_total")
    def attendees(self, meeting):
        return angka(meeting.attendee_total)


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    fields = ["date", "note", "author"]
    readonly_fields = ["author"]
    extra = 1

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "note":
            kwargs["widget"] = SHORT_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)


class BoardFilter(admin.SimpleListFilter):
    """Status filter of the follow-up board; unfinished resolutions by default."""

    title = _("status tindak lanjut")
    parameter_name = "tindak_lanjut"
    ALL = "semua"
    OVERDUE = "terlambat"

    def lookups(self, request, model_admin):
        return [
            (self.OVERDUE, _("Melewati tenggat")),
            *Resolution.Status.choices,
            (self.ALL, _("Semua, termasuk yang selesai")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset.unfinished()
        if value == self.OVERDUE:
            return queryset.overdue()
        if value == self.ALL:
            return queryset
        return queryset.filter(status=value)

    def choices(self, changelist):
        yield {
            "selected": self.value() is None,
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": _("Belum selesai (terbuka dan berjalan)"),
        }
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}
                ),
                "display": title,
            }


@admin.register(Resolution)
class ResolutionAdmin(admin.ModelAdmin):
    """The follow-up board: resolutions across meetings, overdue first."""

    list_display = [
        "short_text",
        "meeting_link",
        "responsible_display",
        "due_date",
        "overdue",
        "status",
        "last_follow_up",
    ]
    list_display_links = ["short_text"]
    list_editable = ["status"]
    list_filter = [
        BoardFilter,
        ("responsible_unit", admin.RelatedOnlyFieldListFilter),
        "meeting__kind",
    ]
    search_fields = ["text", "responsible_person", "meeting__title"]
    autocomplete_fields = ["meeting"]
    fields = [
        "meeting",
        "order",
        "text",
        "responsible_unit",
        "responsible_person",
        "due_date",
        "status",
    ]
    inlines = [FollowUpInline]

    def get_queryset(self, request):
        return (
            Resolution.objects.with_urgency(timezone.localdate())
            .select_related("meeting", "responsible_unit")
            .annotate(last_follow_up_date=Max("follow_ups__date"))
        )

    def get_ordering(self, request):
        return BOARD_ORDERING

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            "title": _("Papan tindak lanjut keputusan rapat"),
            **(extra_context or {}),
        }
        return super().changelist_view(request, extra_context)

    def save_formset(self, request, form, formset, change):
        follow_ups = formset.save(commit=False)
        for follow_up in follow_ups:
            if follow_up.author_id is None:
                follow_up.author = request.user
            follow_up.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()

    @admin.display(description=_("keputusan"))
    def short_text(self, resolution):
        return str(resolution)

    @admin.display(description=_("rapat"), ordering="meeting__starts_at")
    def meeting_link(self, resolution):
        url = reverse("admin:meetings_meeting_change", args=[resolution.meeting_id])
        return format_html('<a href="{}">{}</a>', url, resolution.meeting)

    @admin.display(description=_("penanggung jawab"), ordering="responsible_unit")
    def responsible_display(self, resolution):
        return resolution.responsible or "–"

    @admin.display(description=_("terlambat"), ordering="overdue_rank")
    def overdue(self, resolution):
        if resolution.overdue_rank != 0:
            return "–"
        days = (timezone.localdate() - resolution.due_date).days
        return format_html(
            '<strong class="errornote-inline">{}</strong>',
            _("Lewat %(days)d hari") % {"days": days},
        )

    @admin.display(
        description=_("tindak lanjut terakhir"), ordering="last_follow_up_date"
    )
    def last_follow_up(self, resolution):
        return resolution.last_follow_up_date or "–"
