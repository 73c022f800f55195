"""Form behaviour shared by every form that takes file uploads."""

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import get_text_list
from django.utils.translation import gettext as _


def choose_again_message(names):
    """Why files that passed their checks must still be chosen again."""
    return _(
        "Pilih lagi %(names)s sebelum menyimpan. Berkas ini sudah diperiksa dan "
        "baik, tetapi belum tersimpan karena formulir dikembalikan, dan peramban "
        "mengosongkan pilihan berkas setiap kali halaman dimuat ulang."
    ) % {"names": get_text_list([f"“{name}”" for name in names], _("dan"))}


def uploaded_files(bound_field):
    """The files a user chose for ``bound_field`` in this request."""
    value = bound_field.data
    values = value if isinstance(value, list | tuple) else [value]
    return [f for f in values if isinstance(f, UploadedFile)]


def ask_to_choose_files_again(form):
    """Name, next to its field, every upload of a rejected form that was not
    saved.

    Browsers never refill a file input, so a form shown again after an error
    elsewhere silently loses the files the user had chosen. A field whose own
    upload was rejected already says why; fields that reject some of several
    files (``news.forms.MultiplePhotoField``) name the others themselves.
    """
    for name, field in form.fields.items():
        if not isinstance(field, forms.FileField) or name in form.errors:
            continue
        files = uploaded_files(form[name])
        if files:
            form.add_error(name, choose_again_message([f.name for f in files]))
