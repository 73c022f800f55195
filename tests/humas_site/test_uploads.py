"""Malicious uploads are refused with a clear message and leave nothing in media."""

import io
import struct
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from humas_site.models import InstitutionProfile
from tests.factories import InstitutionProfileFactory


def png_chunk(kind, data):
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bomb(width=20_000, height=20_000):
    """A tiny file declaring 400 million pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + png_chunk(b"IEND", b"")
    )


def jpeg_bytes(size=(64, 48), exif=None):
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, "JPEG", exif=exif or b"")
    return out.getvalue()


MALICIOUS = {
    "php_named_jpg": ("foto.jpg", b"<?php system($_GET['c']); ?>", "bukan gambar"),
    "polyglot_gif_js": (
        "foto.gif",
        b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(document.domain)//;",
        "bukan gambar",
    ),
    "truncated_jpeg": ("foto.jpg", jpeg_bytes()[:200], "bukan gambar"),
    "png_bomb": ("foto.png", png_bomb(), "terlalu besar"),
    "svg_with_script": (
        "logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "bukan gambar",
    ),
}


def post_logo(admin_client, name, content):
    profile = InstitutionProfileFactory()
    return admin_client.post(
        f"/admin/humas_site/institutionprofile/{profile.pk}/change/",
        {
            "name": profile.name,
            "level": profile.level,
            "time_zone": profile.time_zone,
            "primary_color": profile.primary_color,
            "logo": SimpleUploadedFile(name, content),
        },
    )


def stored_files(media_root):
    return (
        [p for p in media_root.rglob("*") if p.is_file()] if media_root.exists() else []
    )


@pytest.mark.django_db
@pytest.mark.parametrize("case", sorted(MALICIOUS))
def test_malicious_image_is_refused_and_nothing_is_stored(
    admin_client, media_root, case
):
    name, content, message = MALICIOUS[case]
    response = post_logo(admin_client, name, content)
    assert response.status_code == 200  # the form again, with an error
    errors = str(response.context["adminform"].form.errors["logo"]).lower()
    assert message in errors or "unggah gambar yang valid" in errors, errors
    assert not InstitutionProfile.objects.get().logo
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_valid_photo_is_reencoded_with_random_name_and_no_metadata(
    admin_client, media_root
):
    exif = Image.Exif()
    exif[0x010F] = "Kamera Rahasia"  # Make
    response = post_logo(
        admin_client, "Foto Rapat (1).JPG", jpeg_bytes(exif=exif.tobytes())
    )
    assert response.status_code == 302
    logo = InstitutionProfile.objects.get().logo
    assert logo.name.startswith("logo/") and logo.name.endswith(".jpg")
    assert "Rapat" not in logo.name
    with Image.open(logo.path) as stored:
        assert stored.format == "JPEG"
        assert not stored.getexif()
