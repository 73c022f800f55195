import pytest
from django.core.exceptions import ValidationError

from meetings import validators
from meetings.validators import letter_upload_path, validate_pdf

from .pdfs import clean_pdf, pdf_with, upload


def error_of(content, name="surat.pdf"):
    with pytest.raises(ValidationError) as info:
        validate_pdf(upload(content, name))
    return info.value


def test_a_plain_pdf_is_accepted():
    validate_pdf(upload(clean_pdf()))


def test_a_php_script_named_pdf_is_rejected_by_content():
    error = error_of(b"<?php system($_GET['c']); ?>", name="surat.pdf")
    assert error.code == "not_pdf"
    assert "bukan dokumen PDF" in error.messages[0]


def test_html_with_a_pdf_header_later_in_the_file_is_rejected():
    error = error_of(b"<html><script>x</script></html>\n%PDF-1.4\n%%EOF")
    assert error.code == "not_pdf"


@pytest.mark.parametrize(
    "active",
    [
        b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>",
        b"<< /OpenAction << /S /JS >> >>",
        b"<< /Type /Action /S /Launch /F (cmd.exe) >>",
        b"<< /Type /EmbeddedFile /Length 3 >>",
        b"<< /Names << /EmbeddedFiles 7 0 R >> >>",
        b"<< /S /J#61vaScript /JS (x) >>",  # name with a hex escape
    ],
)
def test_pdfs_with_active_content_are_rejected(active):
    error = error_of(pdf_with(active))
    assert error.code == "pdf_active_content"
    assert "konten aktif" in error.messages[0]


def test_javascript_hidden_in_a_compressed_object_stream_is_rejected():
    hidden = b"<< /Type /Action /S /JavaScript /JS (app.alert(1)) >>"
    error = error_of(pdf_with(hidden, compress=True))
    assert error.code == "pdf_active_content"


def test_a_harmless_compressed_stream_is_accepted():
    validate_pdf(upload(pdf_with(b"BT (Halo) Tj ET", compress=True)))


def test_an_oversized_file_is_rejected_before_it_is_read(monkeypatch):
    monkeypatch.setattr(validators, "MAX_PDF_BYTES", 1024)
    error = error_of(clean_pdf() + b"%" + b"x" * 2048 + b"\n%%EOF\n")
    assert error.code == "pdf_too_large"
    assert "maksimal" in error.messages[0]


def test_a_truncated_pdf_is_rejected():
    error = error_of(clean_pdf()[:200])
    assert error.code == "pdf_truncated"


def test_stored_names_are_random_and_always_end_in_pdf():
    first = letter_upload_path(None, "surat.php")
    second = letter_upload_path(None, "surat.php")
    assert first.startswith("rapat/surat/")
    assert first.endswith(".pdf") and second.endswith(".pdf")
    assert first != second


@pytest.mark.django_db
def test_a_stored_letter_is_not_read_again_when_the_meeting_is_saved():
    from tests.factories import ReferencedLetterFactory

    letter = ReferencedLetterFactory(file="rapat/surat/2021/03/hilang.pdf")
    letter.full_clean()  # the stored file is missing; validation must not crash
