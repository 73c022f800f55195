"""Admin behaviour shared by the content apps."""

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from .forms import ask_to_choose_files_again
from .templatetags.humas_tags import tanggal_jam

VERSION_FIELD = "loaded_version"


def last_editor(instance, since):
    """Who saved ``instance`` at ``since`` (its ``updated_at``), or None.

    Articles keep a revision of every save (django-simple-history), the other
    models have the admin's own log of changes; either is written right after
    the save, so the first entry from ``since`` on is that save's.
    """
    history = getattr(instance, "history", None)
    if history is not None and hasattr(history, "as_of"):  # simple-history manager
        record = (
            history.filter(history_date__gte=since)
            .select_related("history_user")
            .order_by("history_date")
            .first()
        )
        return record.history_user if record else None
    entry = (
        LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(instance),
            object_id=str(instance.pk),
            action_time__gte=since,
        )
        .select_related("user")
        .order_by("action_time")
        .first()
    )
    return entry.user if entry else None


class EditConflictForm(forms.ModelForm):
    """Refuses to save over a change someone else saved after this form opened.

    The form carries the stored object's ``updated_at`` from when it was
    opened; if the stored value moved on meanwhile, saving fails with a message
    naming who changed it and when, and the editor's input stays in the form,
    so nothing is lost either way.
    """

    loaded_version = forms.CharField(widget=forms.HiddenInput, required=False)

    # Set by EditConflictMixin: the user filling in the form.
    editing_user = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            return
        version = self.instance.updated_at
        if self.instance._state.db is None:
            # Not loaded but built from an older revision, to restore it: the
            # version the editor has in front of them is the stored one.
            version = self._stored_version()
        if version:
            self.initial[VERSION_FIELD] = version.isoformat()

    def _stored_version(self):
        return (
            type(self.instance)
            ._default_manager.filter(pk=self.instance.pk)
            .values_list("updated_at", flat=True)
            .first()
        )

    def clean(self):
        cleaned_data = super().clean()
        if not self.instance.pk:
            return cleaned_data
        stored = self._stored_version()
        loaded = cleaned_data.get(VERSION_FIELD)
        if stored and loaded and stored.isoformat() != loaded:
            raise self._conflict(stored)
        return cleaned_data

    def _conflict(self, stored):
        editor = last_editor(self.instance, stored)
        if editor is None:
            message = _(
                "Data ini sudah diubah pada %(when)s, setelah Anda membukanya. "
                "Perubahan Anda belum disimpan: salin isian Anda, buka ulang "
                "halaman ini untuk melihat versi terbaru, lalu terapkan lagi "
                "perubahan Anda."
            )
        elif self.editing_user is not None and editor.pk == self.editing_user.pk:
            message = _(
                "Data ini sudah Anda ubah sendiri di tab atau jendela lain pada "
                "%(when)s, setelah halaman ini dibuka. Perubahan di halaman ini "
                "belum disimpan: salin isian Anda, buka ulang halaman ini untuk "
                "melihat versi terbaru, lalu terapkan lagi perubahan Anda."
            )
        else:
            message = _(
                "Data ini sudah diubah oleh %(who)s pada %(when)s, setelah Anda "
                "membukanya. Perubahan Anda belum disimpan: salin isian Anda, "
                "buka ulang halaman ini untuk melihat versi terbaru, lalu "
                "terapkan lagi perubahan Anda."
            )
        return forms.ValidationError(
            message,
            params={
                "when": tanggal_jam(stored),
                "who": (editor.get_full_name() or editor.get_username())
                if editor
                else "",
            },
            code="edit_conflict",
        )


class EditConflictMixin:
    """ModelAdmin mixin adding EditConflictForm's check to the change form."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:
            kwargs["form"] = type(
                f"EditConflict{self.form.__name__}",
                (EditConflictForm, kwargs.get("form", self.form)),
                {"editing_user": request.user},
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
