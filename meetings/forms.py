from django import forms
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _

from .models import Meeting, Participant


class ParticipantInlineFormSet(BaseInlineFormSet):
    """Participants of one meeting: at most one chairs it, and once the meeting
    is held (or its minutes are written) exactly one must.

    A planned meeting may be saved before its participants are known.
    ``self.instance`` already carries the posted status and minutes: the admin
    builds the formsets from the validated meeting form's instance.
    """

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        chairs = [
            form
            for form in self.forms
            if form.cleaned_data
            and not form.cleaned_data.get("DELETE")
            and form.cleaned_data.get("role") == Participant.Role.CHAIR
        ]
        if not chairs and self.instance.needs_chair:
            raise ValidationError(
                _(
                    "Rapat yang sudah terlaksana atau sudah bernotulen harus "
                    "memiliki tepat satu pimpinan rapat. Tambahkan peserta dengan "
                    "peran “Pimpinan rapat”."
                ),
                code="no_chair",
            )
        if len(chairs) > 1:
            raise ValidationError(
                _(
                    "Hanya boleh ada satu pimpinan rapat; saat ini %(count)d "
                    "peserta berperan sebagai pimpinan."
                ),
                params={"count": len(chairs)},
                code="several_chairs",
            )


def _year_choices():
    years = Meeting.objects.public().datetimes("starts_at", "year", order="DESC")
    return [("", _("Semua tahun"))] + [(d.year, d.year) for d in years]


class MeetingFilterForm(forms.Form):
    """Filters of the public meeting list (GET)."""

    jenis = forms.ChoiceField(
        label=_("Jenis rapat"),
        required=False,
        choices=[("", _("Semua jenis")), *Meeting.Kind.choices],
    )
    tahun = forms.TypedChoiceField(
        label=_("Tahun"), required=False, coerce=int, empty_value=None, choices=[]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tahun"].choices = _year_choices()

    def filter(self, queryset):
        """The queryset narrowed by the valid filters; invalid ones are ignored."""
        if not self.is_valid():
            return queryset
        if kind := self.cleaned_data.get("jenis"):
            queryset = queryset.filter(kind=kind)
        if year := self.cleaned_data.get("tahun"):
            queryset = queryset.in_year(year)
        return queryset
