"""Admin behaviour shared by the content apps."""

from django import forms
from django.contrib.admin.models import LogEntry
from django.contrib.admin.widgets import AdminFileWidget
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
                "when": tanggal_jam(stored, national=False),
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


class MaintainedListAdminMixin:
    """Reference lists (categories, units, tags, old addresses): in the admin's
    menu only for the roles that maintain them.

    Contributors and the head of office may read these rows (article forms,
    filters and autocompletes need that) but never manage them, so their
    menu does not offer the list; the pages themselves keep their permissions.
    """

    def has_module_permission(self, request):
        return super().has_module_permission(request) and self.has_change_permission(
            request
        )


class ThumbnailImageInput(AdminFileWidget):
    """The admin's file input showing the current image as a small picture.

    Django's widget prints the stored path ("berita/galeri/2026/12/<hex>.webp"),
    which says nothing to an editor and makes forms and inline tables wider
    than the screen. ``rendition`` names the model's small image rendition
    (e.g. ``"image_400"``); without one the original is shown, scaled down.
    The template is an app template because form widgets render with the
    form renderer, which reads app template folders only.
    """

    template_name = "humas_site/widgets/thumbnail_image_input.html"

    def __init__(self, attrs=None, rendition=None):
        super().__init__(attrs)
        self.rendition = rendition

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if context["widget"]["is_initial"]:
            instance = getattr(value, "instance", None)
            spec = getattr(instance, self.rendition, None) if self.rendition else None
            try:
                context["widget"]["thumbnail_url"] = (spec or value).url
            except (OSError, ValueError):
                # A missing or unreadable file: show the original's address
                # (a broken picture) rather than failing the whole form.
                context["widget"]["thumbnail_url"] = value.url
        return context


PERMISSION_ACTIONS = {
    "add": _("tambah"),
    "change": _("ubah"),
    "delete": _("hapus"),
    "view": _("lihat"),
    "can_moderate": _("moderasi komentar"),
}


def permission_label(permission):
    """ "Berita | berita | ubah" rather than the English name Django stores
    ("news | berita | Can change article") for its generated permissions."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    action, _sep, model_name = permission.codename.partition("_")
    if model_name == model._meta.model_name and action in PERMISSION_ACTIONS:
        text = PERMISSION_ACTIONS[action]
    else:
        text = PERMISSION_ACTIONS.get(permission.codename, permission.name)
    return (
        f"{model._meta.app_config.verbose_name} | {model._meta.verbose_name} | {text}"
    )


class PermissionChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return permission_label(obj)


class PermissionLabelsMixin:
    """Permission pickers (roles, accounts) labelled in Indonesian."""

    def formfield_for_manytomany(self, db_field, request=None, **kwargs):
        if db_field.name in ("permissions", "user_permissions"):
            kwargs["form_class"] = PermissionChoiceField
        return super().formfield_for_manytomany(db_field, request, **kwargs)
