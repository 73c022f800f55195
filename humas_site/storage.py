"""The media storage: Django's file system storage that leaves nothing behind
when a write fails.

Django's ``FileSystemStorage`` creates the file and then writes it chunk by
chunk; when the disk fills up (or a quota or file-size limit stops it) half
way, the half-written file stays in the media folder with no row naming it.
Here the partial file is removed before the error goes up.
"""

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        existed = self.exists(name)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed and self.exists(name):
                self.delete(name)
            raise


def storage_refused(error):
    """True when ``error`` says the media folder cannot take the file (full
    disk, quota, size limit, read-only or forbidden folder)."""
    import errno

    return isinstance(error, OSError) and error.errno in {
        errno.ENOSPC,
        errno.EDQUOT,
        errno.EFBIG,
        errno.EROFS,
        errno.EACCES,
        errno.EPERM,
    }
