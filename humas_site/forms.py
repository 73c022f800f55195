"""Form behaviour shared by every form that takes file uploads."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_text_list
from django.utils.translation import gettext as _


def choose_again_message(names):
    """Why files that passed their checks must still be chosen again."""
    return _(
        "Pilih lagi %(names)s sebelum menyimpan. Berkas ini baik, tetapi belum "
        "tersimpan: formulir dikembalikan dan peramban mengosongkan pilihan berkas."
    ) % {"names": get_text_list([f"“{name}”" for name in names], _("dan"))}


def uploaded_files(bound_field):
    """The files a user chose for ``bound_field`` in this request."""
    value = bound_field.data
    values = value if isinstance(value, list | tuple) else [value]
    return [f for f in values if isinstance(f, UploadedFile)]


def ask_to_choose_files_again(form):
    """Name, next to its field, every upload of a rejected form that was not
    saved, and the file each upload error is about.

    Browsers never refill a file input, so a form shown again after an error
    elsewhere silently loses the files the user had chosen, and an error on an
    emptied input does not say which file it was. Fields that reject some of
    several files (``news.forms.MultiplePhotoField``) name them all themselves.
    """
    for name, field in form.fields.items():
        if not isinstance(field, forms.FileField):
            continue
        files = uploaded_files(form[name])
        if not files:
            continue
        if name in form.errors:
            _name_the_rejected_file(form.errors[name], files)
        else:
            form.add_error(name, choose_again_message([f.name for f in files]))


def _name_the_rejected_file(errors, files):
    # The emptied input no longer shows which file the error is about.
    if len(files) != 1:
        return
    messages = [
        message
        for error in errors.data
        for message in (
            error.messages if isinstance(error, ValidationError) else [error]
        )
    ]
    if any(files[0].name in message for message in messages):
        return
    errors.data[:] = [
        _("“%(name)s” ditolak: %(problem)s")
        % {"name": files[0].name, "problem": message}
        for message in messages
    ]
