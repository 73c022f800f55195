"""Admin behaviour shared by the content apps."""

from django import forms
from django.contrib.admin.widgets import AdminFileWidget
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

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
