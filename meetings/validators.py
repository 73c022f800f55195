"""Content checks for uploaded PDF documents (referenced letters).

The file name and the browser's content type are not trusted: the bytes must
look like a PDF, stay under a size limit and carry no active content (scripts,
launch actions, embedded files). Names are matched after decoding ``#xx``
escapes (``/J#61vaScript``), and compressed streams are inflated (with a cap)
so that objects hidden in object streams are checked too.
"""

import re
import uuid
import zlib

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_PDF_BYTES = 10 * 1024 * 1024
# Inflating more than this from one upload is treated as a compression bomb.
MAX_INFLATED_BYTES = 50 * 1024 * 1024

# PDF name objects that make a document do something when opened.
FORBIDDEN_NAMES = {
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
}

_NAME = re.compile(rb"/([^\s/<>\[\]()%{}]+)")
_HEX_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.DOTALL)


def _names(data):
    for match in _NAME.finditer(data):
        yield _HEX_ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), match.group(1))


def _inflated_streams(data):
    budget = MAX_INFLATED_BYTES
    for match in _STREAM.finditer(data):
        inflater = zlib.decompressobj()
        try:
            chunk = inflater.decompress(match.group(1), budget + 1)
        except zlib.error:
            continue  # not Flate-encoded (images, fonts): nothing to scan
        budget -= len(chunk)
        if budget < 0:
            raise ValidationError(
                _("Isi PDF terlalu besar untuk diperiksa."), code="pdf_too_large"
            )
        yield chunk


def validate_pdf(uploaded):
    """Raise ValidationError unless ``uploaded`` is a plain, passive PDF file."""
    if getattr(uploaded, "_committed", False):
        # A file already in storage was checked when it was uploaded; re-reading
        # it on every save of the meeting would only cost time (or fail if the
        # storage is unreachable).
        return
    size = getattr(uploaded, "size", None)
    if size is not None and size > MAX_PDF_BYTES:
        raise ValidationError(
            _("Ukuran berkas PDF maksimal %(mb)s MB."),
            params={"mb": MAX_PDF_BYTES // 2**20},
            code="pdf_too_large",
        )
    uploaded.seek(0)
    data = uploaded.read(MAX_PDF_BYTES + 1)
    uploaded.seek(0)
    if len(data) > MAX_PDF_BYTES:
        raise ValidationError(
            _("Ukuran berkas PDF maksimal %(mb)s MB."),
            params={"mb": MAX_PDF_BYTES // 2**20},
            code="pdf_too_large",
        )
    if not data.startswith(b"%PDF-"):
        raise ValidationError(
            _("Berkas ini bukan dokumen PDF. Unggah surat dalam format PDF."),
            code="not_pdf",
        )
    if b"%%EOF" not in data[-1024:]:
        raise ValidationError(
            _("Berkas PDF tidak lengkap atau rusak."), code="pdf_truncated"
        )
    chunks = [data, *_inflated_streams(data)]
    for chunk in chunks:
        for name in _names(chunk):
            if name in FORBIDDEN_NAMES:
                raise ValidationError(
                    _(
                        "PDF ini berisi konten aktif (skrip, perintah peluncuran "
                        "atau berkas sisipan) dan ditolak demi keamanan. Cetak "
                        "ulang dokumen sebagai PDF biasa lalu unggah kembali."
                    ),
                    code="pdf_active_content",
                )


def letter_upload_path(instance, filename):
    """Random stored name; the extension is always .pdf whatever was uploaded."""
    now = timezone.now()
    return f"rapat/surat/{now:%Y/%m}/{uuid.uuid4().hex}.pdf"
