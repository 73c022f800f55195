"""In Chromium, a new staff member enrols in two-factor login and ends on the
backup codes: shown once, with a print button and a text file to download."""

from base64 import b32decode

import pytest
from django.utils.module_loading import import_string
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from playwright.sync_api import expect

from humas_site.roles import EDITOR, sync_roles
from tests.e2e.test_workflow import log_in, new_page
from tests.factories import StaffFactory


def session_value(page, key):
    from django.conf import settings

    store = import_string(f"{settings.SESSION_ENGINE}.SessionStore")
    cookie = next(
        c for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME
    )
    return store(session_key=cookie["value"])[key]


@pytest.mark.django_db(transaction=True)
def test_enrolment_shows_backup_codes_to_print_and_download(
    browser, live_server, tmp_path
):
    editor = StaffFactory(username="rina")
    editor.groups.add(sync_roles()[EDITOR])
    context, page = new_page(browser)
    log_in(page, live_server, "rina")
    page.get_by_role("link", name="Aktifkan sekarang").click()
    page.locator("form button[type=submit].btn-primary").click()  # welcome
    key = b32decode(session_value(page, "django_two_factor-qr_secret_key"))
    page.locator("input[name=generator-token]").fill(str(totp(key)).zfill(6))
    page.locator("form button[type=submit].btn-primary").click()

    codes = list(
        StaticDevice.objects.get(user=editor).token_set.values_list("token", flat=True)
    )
    expect(page.locator(".backup-code-list li")).to_have_count(10)
    expect(page.locator(".backup-codes")).to_contain_text("menggantikan ponsel")
    expect(page.get_by_role("button", name="Cetak kode cadangan")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Unduh sebagai berkas teks").click()
    saved = tmp_path / "kode.txt"
    download.value.save_as(saved)
    assert saved.read_text().split() == codes
    page.screenshot(path="/tmp/i13a/kode-cadangan.png", full_page=True)

    page.reload()
    expect(page.locator(".backup-code-list")).to_have_count(0)
    page.get_by_role("link", name="Lanjut ke panel admin").click()
    expect(page.locator("body")).to_contain_text("Verifikasi dua langkah aktif")
    context.close()
