"""Two-factor login for every role: no skipping, and printable backup codes."""

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
