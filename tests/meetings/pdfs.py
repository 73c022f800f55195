"""Small PDF files for upload tests."""

import zlib

from django.core.files.uploadedfile import SimpleUploadedFile

from meetings.demo import _pdf


def clean_pdf():
    return _pdf(["Surat undangan rapat koordinasi"])


def pdf_with(extra_object, *, compress=False):
    """A PDF whose catalog is followed by ``extra_object`` (raw or in a stream)."""
    body = clean_pdf().rsplit(b"%%EOF", 1)[0]
    if compress:
        data = zlib.compress(extra_object)
        extra = b"9 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
        extra += data + b"\nendstream\nendobj\n"
    else:
        extra = b"9 0 obj\n" + extra_object + b"\nendobj\n"
    return body + extra + b"%%EOF\n"


def upload(content, name="surat.pdf"):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def page_texts(pdf):
    """The text of each page of a PDF (bytes), for layout checks on prints."""
    import io

    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
