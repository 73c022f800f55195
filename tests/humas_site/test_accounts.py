"""Staff log in with a password and an authenticator code; failures lock out."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django.asserts import assertContains

from tests.factories import StaffFactory

PASSWORD = "sandi-uji-coba-123"
LOGIN = "/account/login/"


@pytest.fixture
def two_factor_required(settings):
    settings.STAFF_2FA_REQUIRED = True


def password_step(client, username, password=PASSWORD):
    return client.post(
        LOGIN,
        {
            "login_view-current_step": "auth",
            "auth-username": username,
            "auth-password": password,
        },
    )


@pytest.mark.django_db
def test_unverified_staff_cannot_use_the_admin(client, two_factor_required):
    client.force_login(StaffFactory(is_superuser=True))
    response = client.get("/admin/")
    assert response.status_code == 302
    # The admin's login sends a signed-in staff member without a device to setup.
    assert client.get(response["Location"]).url == reverse("two_factor:setup")


@pytest.mark.django_db
def test_staff_with_authenticator_logs_in_with_password_and_code(
    client, two_factor_required
):
    staff = StaffFactory(is_superuser=True)
    device = TOTPDevice.objects.create(user=staff, name="default", confirmed=True)

    response = password_step(client, staff.username)
    assertContains(response, "token-otp_token")  # asks for the code next
    assert client.get("/admin/").status_code == 302

    code = str(totp(device.bin_key)).zfill(6)
    response = client.post(
        LOGIN, {"login_view-current_step": "token", "token-otp_token": code}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_wrong_code_is_refused(client, two_factor_required):
    staff = StaffFactory(is_superuser=True)
    TOTPDevice.objects.create(user=staff, name="default", confirmed=True)
    password_step(client, staff.username)
    response = client.post(
        LOGIN, {"login_view-current_step": "token", "token-otp_token": "000000"}
    )
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_demo_mode_uses_the_plain_admin_login(client):
    staff = StaffFactory(is_superuser=True)
    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": staff.username, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_repeated_failures_lock_the_account_out(client, settings):
    staff = StaffFactory()
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(
            "/admin/login/", {"username": staff.username, "password": "salah-salah"}
        )
        assertContains(response, "sandi yang benar untuk akun staf")
    client.post("/admin/login/", {"username": staff.username, "password": "salah"})
    # Even the right password is refused now, with an Indonesian explanation.
    response = client.post(
        "/admin/login/", {"username": staff.username, "password": PASSWORD}
    )
    assertContains(response, "Akun dikunci sementara", status_code=429)


@pytest.mark.django_db
def test_passwords_need_twelve_characters(admin_client):
    response = admin_client.post(
        "/admin/auth/user/add/",
        {"username": "baru", "password1": "pendek-123", "password2": "pendek-123"},
    )
    assertContains(response, "Harus mengandung setidaknya 12 karakter")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, data",
    [
        (LOGIN, None),
        ("/admin/login/", {"username": "tidak-ada", "password": "salah-salah"}),
    ],
)
def test_a_wrong_password_is_explained_in_plain_indonesian(client, path, data):
    if data is None:
        response = password_step(client, "tidak-ada", "salah-salah")
    else:
        response = client.post(path, data)
    html = response.content.decode()
    assert "Masukkan nama pengguna dan sandi yang benar" in html
    assert "nama pengguna nama pengguna" not in html


@pytest.mark.django_db
def test_the_first_login_step_has_no_dead_back_button(client):
    html = client.get(LOGIN).content.decode()
    assert "Kembali" not in html.split("<form", 1)[1].split("</form>", 1)[0]
    assert 'action=""' not in html
