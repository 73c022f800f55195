"""Failed logins lock the failing address, never the account for everyone;
many failures from many addresses only slow the account down for browsers
that never logged in to it (humas_site.logins)."""

import pytest
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from humas_site.logins import DEVICE_COOKIE
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-coba-123"
ADMIN_LOGIN = "/admin/login/"
TWO_FACTOR_LOGIN = "/account/login/"


@pytest.fixture
def client_class():
    return Client


@pytest.fixture
def throttle(settings):
    settings.PROXY_COUNT = 0
    settings.LOGIN_USERNAME_THROTTLE_FAILURES = 8
    settings.LOGIN_USERNAME_THROTTLE_DELAY = 30
    return settings


def admin_login(client, username, password, address):
    return client.post(
        ADMIN_LOGIN,
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def logged_in(client):
    return client.get("/admin/").status_code == 200


def strangers_fail(client_class, username, addresses):
    for address in addresses:
        response = admin_login(client_class(), username, "salah-salah", address)
        assert response.status_code == 200


def test_five_failures_lock_that_address_only(client_class, throttle):
    staff = StaffFactory()
    attacker = client_class()
    for _attempt in range(throttle.AXES_FAILURE_LIMIT):
        admin_login(attacker, staff.username, "salah-salah", "198.51.100.66")
    response = admin_login(attacker, staff.username, PASSWORD, "198.51.100.66")
    assertContains(response, "Akun dikunci sementara", status_code=429)
    assert response["Retry-After"] == "1800"

    owner = client_class()
    response = admin_login(owner, staff.username, PASSWORD, "203.0.113.10")
    assert response.status_code == 302
    assert logged_in(owner)


def test_many_addresses_slow_the_username_down_without_locking_it(
    client_class, throttle
):
    staff = StaffFactory()
    strangers_fail(client_class, staff.username, [f"198.51.100.{n}" for n in range(8)])

    # A new browser gets one attempt per delay for this username...
    first = client_class()
    response = admin_login(first, staff.username, "salah-lagi", "192.0.2.1")
    assert response.status_code == 200
    second = client_class()
    response = admin_login(second, staff.username, PASSWORD, "192.0.2.2")
    # ... the next one within the delay is told to wait, even with the right
    # password (which is not checked), and is not counted as a failure.
    assertContains(response, "Coba lagi dalam", status_code=429)
    assert 0 < int(response["Retry-After"]) <= 30
    assert not logged_in(second)
    from axes.models import AccessAttempt

    assert not AccessAttempt.objects.filter(ip_address="192.0.2.2").exists()
    # Another username is not affected.
    other = StaffFactory()
    assert (
        admin_login(client_class(), other.username, PASSWORD, "192.0.2.3").status_code
        == 302
    )


def test_a_browser_that_logged_in_before_is_never_slowed_down(client_class, throttle):
    staff = StaffFactory()
    owner = client_class()
    assert (
        admin_login(owner, staff.username, PASSWORD, "203.0.113.10").status_code == 302
    )
    assert owner.cookies[DEVICE_COOKIE]["httponly"]
    owner.post("/admin/logout/", REMOTE_ADDR="203.0.113.10")

    strangers_fail(client_class, staff.username, [f"198.51.100.{n}" for n in range(8)])
    # Strangers are slowed down now...
    response = admin_login(client_class(), staff.username, "x", "192.0.2.1")
    response = admin_login(client_class(), staff.username, "x", "192.0.2.2")
    assert response.status_code == 429
    # ... the owner's browser is not, from any address.
    response = admin_login(owner, staff.username, PASSWORD, "192.0.2.99")
    assert response.status_code == 302
    assert logged_in(owner)


def test_a_cookie_for_another_account_does_not_help(client_class, throttle):
    staff, other = StaffFactory(), StaffFactory()
    browser = client_class()
    assert (
        admin_login(browser, other.username, PASSWORD, "203.0.113.10").status_code
        == 302
    )
    strangers_fail(client_class, staff.username, [f"198.51.100.{n}" for n in range(8)])
    admin_login(client_class(), staff.username, "x", "192.0.2.1")
    response = admin_login(browser, staff.username, PASSWORD, "203.0.113.10")
    assert response.status_code == 429


def test_staff_with_two_factor_keep_their_way_in(client_class, throttle):
    throttle.STAFF_2FA_REQUIRED = True
    staff = StaffFactory(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="default", confirmed=True)

    def two_factor_login(client, address):
        response = client.post(
            TWO_FACTOR_LOGIN,
            {
                "login_view-current_step": "auth",
                "auth-username": staff.username,
                "auth-password": PASSWORD,
            },
            REMOTE_ADDR=address,
        )
        if response.status_code != 200:
            return response
        return client.post(
            TWO_FACTOR_LOGIN,
            {
                "login_view-current_step": "token",
                "token-otp_token": str(totp(device.bin_key)).zfill(6),
            },
            REMOTE_ADDR=address,
        )

    owner = client_class()
    assert two_factor_login(owner, "203.0.113.10").status_code == 302
    owner.post("/admin/logout/", REMOTE_ADDR="203.0.113.10")

    # Strangers lock their own addresses and push the username into the delay.
    throttle.LOGIN_USERNAME_THROTTLE_FAILURES = 2 * throttle.AXES_FAILURE_LIMIT
    for address in ["198.51.100.1", "198.51.100.2"]:
        stranger = client_class()
        for _attempt in range(throttle.AXES_FAILURE_LIMIT):
            stranger.post(
                TWO_FACTOR_LOGIN,
                {
                    "login_view-current_step": "auth",
                    "auth-username": staff.username,
                    "auth-password": "salah-salah",
                },
                REMOTE_ADDR=address,
            )
    for address in ["198.51.100.1", "198.51.100.2"]:
        response = two_factor_login(client_class(), address)
        assertContains(response, "Akun dikunci sementara", status_code=429)
    response = Client().post(
        TWO_FACTOR_LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": staff.username,
            "auth-password": "tebakan",
        },
        REMOTE_ADDR="192.0.2.1",
    )
    assert response.status_code == 200
    response = two_factor_login(client_class(), "192.0.2.2")
    assertContains(response, "Coba lagi dalam", status_code=429)

    # The owner, from their usual browser, from home or the office.
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    assert two_factor_login(owner, "192.0.2.50").status_code == 302
    assert owner.get("/admin/").status_code == 200
