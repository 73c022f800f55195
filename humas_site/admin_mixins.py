"""Admin behaviour shared by the content apps."""

from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from .forms import ask_to_choose_files_again

VERSION_FIELD = "loaded_version"


class EditConflictForm(forms.ModelForm):
    """Refuses to save over a change someone else saved after this form opened.

    The form carries the object's ``updated_at`` from when it was loaded; if the
    stored value moved on meanwhile, saving fails with a clear message and the
    editor's input stays in the form, so nothing is lost either way.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.updated_at:
            self.initial[VERSION_FIELD] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        stored = (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )
        loaded = cleaned_data.get(VERSION_FIELD)
        if stored and loaded and stored.isoformat() != loaded:
            when = formats.date_format(timezone.localtime(stored), "DATETIME_FORMAT")
            raise forms.ValidationError(
                _(
                    "Data ini sudah diubah orang lain pada %(when)s, setelah Anda "
                    "membukanya. Perubahan Anda belum disimpan: salin isian Anda, "
                    "buka ulang halaman ini untuk melihat versi terbaru, lalu "
                    "terapkan lagi perubahan Anda."
                ),
                params={"when": when},
                code="edit_conflict",
            )
        return cleaned_data


class EditConflictMixin:
    """ModelAdmin mixin adding EditConflictForm's check to the change form."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = type(
                f"EditConflict{self.form.__name__}",
                (EditConflictForm, kwargs.get("form", self.form)),
                {},
            )
        return super().get_form(request, obj, change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        return self.with_version_field(super().get_fieldsets(request, obj), obj)

    def with_version_field(self, fieldsets, obj):
        """``fieldsets`` with the hidden version field added (change forms only)."""
        listed = {f for _name, options in fieldsets for f in options["fields"]}
        if obj is None or VERSION_FIELD in listed:
            return fieldsets
        *rest, (name, options) = fieldsets
        options = {**options, "fields": [*options["fields"], VERSION_FIELD]}
        return [*rest, (name, options)]


class ChooseFilesAgainMixin:
    """ModelAdmin mixin: a change form shown again after an error names, next
    to each file field (inlines too), the chosen files that were not saved."""

    def render_change_form(self, request, context, *args, **kwargs):
        if request.method == "POST" and "adminform" in context:
            forms = [context["adminform"].form] + [
                form
                for inline in context.get("inline_admin_formsets", [])
                for form in inline.formset.forms
                if not ("DELETE" in form.fields and form["DELETE"].data)
            ]
            for form in forms:
                ask_to_choose_files_again(form)
        return super().render_change_form(request, context, *args, **kwargs)
