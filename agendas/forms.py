import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from humas_site.models import Unit

from .models import Event, EventCategory, Weekday

WALL_CLOCK_FIELDS = ("starts_at", "ends_at")


class EventAdminForm(forms.ModelForm):
    """The admin form: days of the week as checkboxes, and times typed in the
    event's own zone (an editor in Makassar types 10.00 and means 10.00 WITA)."""

    recurrence_weekdays = forms.MultipleChoiceField(
        label=_("hari"),
        choices=Weekday.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Event._meta.get_field("recurrence_weekdays").help_text,
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "slug",
            "summary",
            "description",
            "category",
            "unit",
            "all_day",
            "starts_at",
            "ends_at",
            "time_zone",
            "place",
            "online_url",
            "is_public",
            "status",
            "status_note",
            "recurrence_frequency",
            "recurrence_interval",
            "recurrence_weekdays",
            "recurrence_week_of_month",
            "recurrence_until",
            "recurrence_count",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            zone = self.instance.zone
            for name in WALL_CLOCK_FIELDS:
                value = getattr(self.instance, name)
                if value is not None:
                    # Naive values are shown as they are, not converted to
                    # the site's zone.
                    self.initial[name] = value.astimezone(zone).replace(tzinfo=None)
            self.initial["recurrence_weekdays"] = self.instance.weekday_codes

    def clean_recurrence_weekdays(self):
        chosen = set(self.cleaned_data["recurrence_weekdays"])
        return ",".join(code for code in Weekday.values if code in chosen)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        if zone_name:
            zone = ZoneInfo(zone_name)
            current = timezone.get_current_timezone()
            for name in WALL_CLOCK_FIELDS:
                value = cleaned.get(name)
                if isinstance(value, datetime.datetime):
                    # The form parsed the typed time in the site's zone; keep
                    # the wall-clock reading and attach the event's zone.
                    naive = timezone.make_naive(value, current)
                    cleaned[name] = naive.replace(tzinfo=zone)
        return cleaned


class EventFilterForm(forms.Form):
    """The public agenda filters (GET): category and organising unit."""

    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=EventCategory.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua kategori"),
    )
    unit = forms.ModelChoiceField(
        label=_("Unit penyelenggara"),
        queryset=Unit.objects.filter(events__is_public=True).distinct(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua unit"),
    )

    def filter(self, queryset):
        """Apply the valid filters to an Event QuerySet."""
        if not self.is_valid():
            return queryset
        if self.cleaned_data["kategori"]:
            queryset = queryset.in_category(self.cleaned_data["kategori"])
        if self.cleaned_data["unit"]:
            queryset = queryset.by_unit(self.cleaned_data["unit"])
        return queryset

    def query_string(self):
        """The active filters, for pagination and month links."""
        if not self.is_valid():
            return ""
        params = {
            name: value.slug for name, value in self.cleaned_data.items() if value
        }
        return urlencode(params)
