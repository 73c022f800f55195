"""Pages are valid HTML by the Nu Html Checker: the public site and every step of
the two-factor login wizard (django-two-factor-auth's own templates had an empty
action="", an <input> inside <table> and an empty name on a "Kembali" button)."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.demo_pages import reader_paths
from tests.factories import StaffFactory
from tests.nu_html_checker import nu_errors

PASSWORD = "sandi-uji-coba-123"
LOGIN = "/account/login/"


def password_step(client, username, password=PASSWORD):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


def html(response):
    assert response.status_code == 200, response
    return response.content.decode()


@pytest.mark.django_db
def test_every_login_step_is_valid_html(client, settings):
    settings.STAFF_2FA_REQUIRED = True
    pages = {"login: username and password": html(client.get(LOGIN))}
    pages["login: wrong password"] = html(password_step(client, "nobody", "salah"))

    staff = StaffFactory(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    backup = StaticDevice.objects.create(user=staff, name="backup")
    backup.token_set.create(token="abcd1234")
    response = password_step(client, staff.username)
    assert "token-otp_token" in response.content.decode()
    pages["login: authenticator code"] = html(response)
    pages["login: wrong code"] = html(
        client.post(
            LOGIN,
            {"login_view-current_step": "token", "token-otp_token": "000000"},
        )
    )
    response = client.post(
        LOGIN, {"login_view-current_step": "token", "wizard_goto_step": "backup"}
    )
    assert "backup-otp_token" in response.content.decode()
    pages["login: backup code"] = html(response)

    client.logout()
    client.force_login(StaffFactory(is_superuser=True))
    setup = reverse("two_factor:setup")
    pages["setup: welcome"] = html(client.get(setup))
    # The later enrolment steps are not checked: django-two-factor-auth's
    # TOTPDeviceForm puts autocomplete="one-time-code" on a number input.

    assert nu_errors(pages) == {}


@pytest.mark.django_db
def test_public_pages_are_valid_html(client):
    call_command("seed_demo", verbosity=0)
    paths = reader_paths()
    pages = {path: html(client.get(path)) for path in paths}
    response = client.get("/tidak-ada/")
    assert response.status_code == 404
    pages["404"] = response.content.decode()
    assert nu_errors(pages) == {}
