"""Two-factor login for every role: no skipping, and printable backup codes."""

from base64 import b32decode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from humas_site.roles import ADMINISTRATOR
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-coba-123"
LOGIN = "/account/login/"


@pytest.fixture
def two_factor_required(settings):
    settings.STAFF_2FA_REQUIRED = True


def test_administrator_role_cannot_skip_two_factor(client, two_factor_required):
    administrator = StaffFactory()
    administrator.groups.add(Group.objects.get(name=ADMINISTRATOR))
    client.force_login(administrator)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("two_factor:setup")


def test_backup_codes_are_offered_and_log_in(client, two_factor_required):
    staff = StaffFactory(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    # Generating codes needs a verified session: log in with a code first.
    client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": staff.username,
            "auth-password": PASSWORD,
        },
    )
    device = TOTPDevice.objects.get(user=staff)
    client.post(
        LOGIN,
        {
            "login_view-current_step": "token",
            "token-otp_token": str(totp(device.bin_key)).zfill(6),
        },
    )
    page = client.post(reverse("two_factor:backup_tokens"))
    assert page.status_code in (200, 302)
    codes = list(
        StaticDevice.objects.get(user=staff).token_set.values_list("token", flat=True)
    )
    assert len(codes) == 10
    client.logout()

    client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": staff.username,
            "auth-password": PASSWORD,
        },
    )
    client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": codes[0]}
    )
    assert client.get(reverse("admin:index")).status_code == 200


def test_demo_mode_offers_two_factor_on_the_dashboard(client):
    staff = StaffFactory(is_superuser=True)
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assertContains(response, reverse("two_factor:setup"))
    TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    response = client.get(reverse("admin:index"))
    assertContains(response, "Verifikasi dua langkah aktif")


def enrol(client, next_url=""):
    """Go through the enrolment wizard with the code an authenticator app shows."""
    prefix = "two_factor_setup_view-current_step"
    setup = reverse("two_factor:setup") + (f"?next={next_url}" if next_url else "")
    client.post(setup, {prefix: "welcome"})  # the only method: the app
    key = b32decode(client.session["django_two_factor-qr_secret_key"])
    code = str(totp(key)).zfill(6)
    return client.post(
        setup, {prefix: "generator", "generator-token": code}, follow=True
    )


def test_enrolment_ends_with_backup_codes_shown_once(client, two_factor_required):
    staff = StaffFactory()
    staff.groups.add(Group.objects.get(name=ADMINISTRATOR))
    client.force_login(staff)
    # Even with a page waiting, enrolment ends on the codes, then links on.
    page = enrol(client, next_url="/admin/news/article/")
    assert page.redirect_chain[-1][0] == reverse("two_factor:setup_complete")
    assertContains(page, 'href="/admin/news/article/"')
    codes = list(
        StaticDevice.objects.get(user=staff).token_set.values_list("token", flat=True)
    )
    assert len(codes) == 10
    for code in codes:
        assertContains(page, f"<code>{code}</code>", html=True)
    assertContains(page, "menggantikan ponsel Anda")
    assertContains(page, "Cetak kode cadangan")
    assertContains(page, 'download="kode-cadangan-')
    assertContains(page, "%0D%0A".join(codes))  # the downloadable text file
    # Once: reloading the page shows no codes, only how to make new ones.
    again = client.get(reverse("two_factor:setup_complete"))
    assert not any(code in again.content.decode() for code in codes)
    assertContains(again, reverse("two_factor:backup_tokens"))
    # A backup code logs in instead of the phone.
    client.logout()
    client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": staff.username,
            "auth-password": PASSWORD,
        },
    )
    client.post(
        LOGIN, {"login_view-current_step": "backup", "backup-otp_token": codes[0]}
    )
    assert client.get(reverse("admin:index")).status_code == 200
