"""Verified, re-encoded image uploads.

Every uploaded photo or logo goes through ``SafeImageField``: the bytes are
opened with Pillow (the file name and the browser's content type are not
trusted), only JPEG, PNG and WebP are accepted, size and pixel limits stop
decompression bombs, orientation is applied, metadata is dropped by
re-encoding, and the stored name is random.
"""

import io
import uuid
import warnings
from pathlib import PurePosixPath

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_UPLOAD_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000  # ~ a 7,700 x 5,200 camera photo
MAX_SIDE = 2400  # stored originals are scaled down to this


def reencode_image(uploaded):
    """Return a fresh, re-encoded copy of an uploaded image or raise ValidationError."""
    if uploaded.size and uploaded.size > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("Ukuran berkas maksimal %(mb)s MB."),
            params={"mb": MAX_UPLOAD_BYTES // 2**20},
        )
    uploaded.seek(0)
    data = uploaded.read()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                image_format = probe.format
                width, height = probe.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        _("Hanya foto JPEG, PNG atau WebP yang diterima."),
                        code="invalid_image_type",
                    )
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        _("Gambar terlalu besar (%(w)s × %(h)s piksel)."),
                        params={"w": width, "h": height},
                        code="too_many_pixels",
                    )
                probe.verify()
            # verify() leaves the image unusable; decode it fully from scratch.
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                image = ImageOps.exif_transpose(image)
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                return _encode(image, image_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(
            _("Gambar terlalu besar untuk diproses."), code="too_many_pixels"
        ) from None
    except Exception:  # Pillow raises many types for corrupt data
        raise ValidationError(
            _("Berkas ini bukan gambar yang valid atau rusak."), code="invalid_image"
        ) from None


def _encode(image, image_format):
    out = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(
            out, "JPEG", quality=85, optimize=True, progressive=True
        )
    elif image_format == "PNG":
        if image.mode not in ("RGB", "RGBA", "L", "LA", "P"):
            image = image.convert("RGBA")
        image.save(out, "PNG", optimize=True)
    else:
        image.save(out, "WEBP", quality=85)
    name = f"{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}"
    content_type = f"image/{'jpeg' if image_format == 'JPEG' else image_format.lower()}"
    return SimpleUploadedFile(name, out.getvalue(), content_type=content_type)


@deconstructible
class RandomUploadPath:
    """upload_to callable: ``<folder>/<year>/<month>/<random>.<ext>``."""

    def __init__(self, folder):
        self.folder = folder

    def __call__(self, instance, filename):
        from django.utils import timezone

        suffix = PurePosixPath(filename).suffix.lower()
        now = timezone.now()
        return f"{self.folder}/{now:%Y/%m}/{uuid.uuid4().hex}{suffix}"

    def __eq__(self, other):
        return isinstance(other, RandomUploadPath) and other.folder == self.folder


class SafeImageFormField(forms.ImageField):
    """An image form field that replaces the upload with a verified re-encode."""

    def to_python(self, data):
        data = super().to_python(data)
        if data is None:
            return None
        return reencode_image(data)


class SafeImageField(models.ImageField):
    """An ImageField whose uploads are verified and re-encoded (see module doc)."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SafeImageFormField, **kwargs})
