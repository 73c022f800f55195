from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from humas_site.admin_mixins import EditConflictMixin, MaintainedListAdminMixin
from humas_site.templatetags.humas_tags import tanggal, tanggal_jam

from .forms import EventAdminForm
from .models import Event, EventCategory, EventException


@admin.register(EventCategory)
class EventCategoryAdmin(MaintainedListAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "order"]
    list_editable = ["order"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class EventExceptionInline(admin.TabularInline):
    model = EventException
    extra = 0
    fields = ["original_date", "note"]
    verbose_name = _("tanggal yang ditiadakan")
    verbose_name_plural = _(
        "Tanggal yang ditiadakan (khusus acara berulang; tampil sebagai batal)"
    )


@admin.register(Event)
class EventAdmin(EditConflictMixin, admin.ModelAdmin):
    form = EventAdminForm
    inlines = [EventExceptionInline]
    list_display = [
        "title",
        "when",
        "category",
        "unit",
        "is_public",
        "status",
        "repeats",
    ]
    list_filter = ["status", "is_public", "category", "unit", "time_zone"]
    list_select_related = ["category", "unit"]
    search_fields = ["title", "summary", "place"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    save_on_top = True
    actions = ["mark_done", "mark_cancelled", "make_public", "make_internal"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description"]}),
        (
            _("Waktu"),
            {
                "fields": ["all_day", "starts_at", "ends_at", "time_zone"],
                "description": _(
                    "Jam diisi menurut zona waktu acara yang dipilih di bawah."
                ),
            },
        ),
        (_("Tempat"), {"fields": ["place", "online_url"]}),
        (
            _("Penyelenggara dan status"),
            {"fields": ["category", "unit", "is_public", "status", "status_note"]},
        ),
        (
            _("Pengulangan"),
            {
                "fields": [
                    "recurrence_frequency",
                    "recurrence_interval",
                    "recurrence_weekdays",
                    "recurrence_week_of_month",
                    "recurrence_until",
                    "recurrence_count",
                ],
                "description": _(
                    "Contoh: “Setiap bulan”, hari Jumat, minggu ke- pertama = Jumat "
                    "pertama tiap bulan. Isi tanggal akhir atau jumlah kejadian."
                ),
                "classes": ["collapse"],
            },
        ),
        (_("Tautan"), {"fields": ["meeting", "article"]}),
    ]

    def get_autocomplete_fields(self, request):
        # A picker needs a searchable admin for the linked model; otherwise
        # the plain select is used.
        fields = []
        for name in ("meeting", "article"):
            related = Event._meta.get_field(name).related_model
            model_admin = self.admin_site._registry.get(related)
            if model_admin and model_admin.search_fields:
                fields.append(name)
        return fields

    @admin.display(description=_("waktu"), ordering="starts_at")
    def when(self, event):
        if event.all_day:
            return tanggal(event.local_start.date())
        return tanggal_jam(event.starts_at, event.time_zone, national=False)

    @admin.display(description=_("pengulangan"))
    def repeats(self, event):
        return event.recurrence_text() or "–"

    def _update(self, request, queryset, message, **values):
        # updated_at also moves, so calendar apps pick up the change.
        count = queryset.update(updated_at=timezone.now(), **values)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Tandai selesai"), permissions=["change"])
    def mark_done(self, request, queryset):
        self._update(
            request,
            queryset,
            _("%(count)d agenda ditandai selesai."),
            status=Event.Status.DONE,
        )

    @admin.action(description=_("Tandai dibatalkan"), permissions=["change"])
    def mark_cancelled(self, request, queryset):
        self._update(
            request,
            queryset,
            _("%(count)d agenda ditandai dibatalkan."),
            status=Event.Status.CANCELLED,
        )

    @admin.action(description=_("Tampilkan untuk publik"), permissions=["change"])
    def make_public(self, request, queryset):
        self._update(
            request,
            queryset,
            _("%(count)d agenda kini tampil untuk publik."),
            is_public=True,
        )

    @admin.action(description=_("Jadikan internal"), permissions=["change"])
    def make_internal(self, request, queryset):
        self._update(
            request,
            queryset,
            _("%(count)d agenda kini internal."),
            is_public=False,
        )
