"""manage.py check_media: files without rows and rows without files."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from tests.factories import ArticlePhotoFactory

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    try:
        call_command("check_media", *args, stdout=out)
    except CommandError as error:
        return 1, out.getvalue(), str(error)
    return 0, out.getvalue(), ""


def test_clean_media_folder_passes(media_root):
    ArticlePhotoFactory()
    code, out, _error = run()
    assert code == 0
    assert "0 berkas hilang, 0 berkas yatim" in out


def test_a_file_left_by_an_interrupted_save_is_reported_and_deleted(media_root):
    photo = ArticlePhotoFactory()
    # What a worker killed between writing the file and committing leaves.
    stray = media_root / "berita" / "galeri" / "2026" / "05" / "setengah.jpg"
    stray.parent.mkdir(parents=True, exist_ok=True)
    stray.write_bytes(b"\xff\xd8 sebagian")
    (media_root / "CACHE" / "images").mkdir(parents=True)
    (media_root / "CACHE" / "images" / "rendisi.jpg").write_bytes(b"derived")

    code, out, error = run()
    assert code == 1 and "tidak cocok" in error
    assert "berkas yatim: berita/galeri/2026/05/setengah.jpg" in out
    assert stray.exists()

    code, out, _error = run("--delete")
    assert code == 0
    assert "berkas yatim dihapus: berita/galeri/2026/05/setengah.jpg" in out
    assert not stray.exists()
    # The photo that has its row, and the derived rendition, stay.
    assert (media_root / photo.image.name).exists()
    assert (media_root / "CACHE" / "images" / "rendisi.jpg").exists()
    assert run()[0] == 0


def test_a_row_whose_file_is_gone_is_reported(media_root):
    photo = ArticlePhotoFactory()
    (media_root / photo.image.name).unlink()
    code, out, _error = run("--delete")
    assert code == 1
    assert f"berkas hilang: {photo.image.name} (news.ArticlePhoto #{photo.pk}" in out
