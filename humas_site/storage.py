"""The media storage, and what a save does when the media folder is full.

Django's ``FileSystemStorage`` creates the file and then writes it chunk by
chunk; when the disk fills up (or a quota or file-size limit stops it) half
way, the half-written file stays in the media folder with no row naming it,
and the admin answers with a 500. Here:

- ``MediaStorage`` removes the partial file before the error goes up, and
  notes every file it wrote while an ``upload_journal()`` is open;
- ``StorageFullAdminMixin`` turns such a refusal into the form shown again
  with its input and a clear Indonesian error, nothing saved: the database
  transaction is rolled back and the files already written by that save are
  deleted again.
"""

import contextlib
import contextvars
import errno
import logging

from django import forms
from django.core.files.storage import FileSystemStorage
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

STORAGE_FULL_MESSAGE = _(
    "Foto tidak dapat disimpan karena ruang penyimpanan server penuh. Draf "
    "belum tersimpan; teks Anda masih di formulir ini. Simpan tanpa foto atau "
    "coba lagi nanti, dan beri tahu administrator situs."
)
REFUSED = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EROFS, errno.EACCES}
_journal = contextvars.ContextVar("upload_journal", default=None)


def storage_refused(error):
    """True when ``error`` says the media folder cannot take the file (full
    disk, quota, size limit, read-only or forbidden folder)."""
    return isinstance(error, OSError) and error.errno in REFUSED


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        existed = self.exists(name)
        try:
            name = super()._save(name, content)
        except OSError:
            if not existed and self.exists(name):
                self.delete(name)
            raise
        written = _journal.get()
        if written is not None:
            written.append((self, name))
        return name


@contextlib.contextmanager
def upload_journal():
    """Within the block, files written by ``MediaStorage`` are listed; when the
    block fails they are deleted again (their rows were never committed)."""
    written = []
    token = _journal.set(written)
    try:
        yield written
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise
    finally:
        _journal.reset(token)


class StorageFullAdminMixin:
    """For ModelAdmins with uploads: a save whose files the media folder
    refuses is shown again with the input and an error instead of a 500."""

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            with upload_journal():
                return super().changeform_view(
                    request, object_id, form_url, extra_context
                )
        except OSError as error:
            if request.method != "POST" or not storage_refused(error):
                raise
            logger.error("Media storage refused an upload: %s", error)
            # The first attempt was rolled back; this one stops at validation.
            request.storage_refused = True
            return super().changeform_view(request, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form_class = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "storage_refused", False):
            return form_class

        class RefusedForm(form_class):
            def clean(self):
                super().clean()
                raise forms.ValidationError(STORAGE_FULL_MESSAGE, code="storage_full")

        return RefusedForm
