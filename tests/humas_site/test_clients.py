"""One rule for the client address: DJANGO_PROXY_COUNT proxies that each append
to X-Forwarded-For; the entry the outermost one appended is the client.

(tests/humas_site/test_proxy.py checks the same through the real nginx.)
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import RequestFactory

from humas_site.clients import client_ip, connection_report


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored(settings):
    settings.PROXY_COUNT = 0
    assert client_ip(request_from("203.0.113.7", "10.9.9.9")) == "203.0.113.7"


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        # What nginx's $proxy_add_x_forwarded_for sends for a normal visitor.
        ("203.0.113.9", "203.0.113.9"),
        # A visitor who sent their own header: nginx appends the real address.
        ("6.6.6.6, 203.0.113.5", "203.0.113.5"),
        ("6.6.6.6, 7.7.7.7, 198.51.100.7", "198.51.100.7"),
        ("not-an-address, 198.51.100.7", "198.51.100.7"),
        ("2001:db8::5", "2001:db8::5"),
    ],
)
def test_behind_nginx_alone_the_address_nginx_appended_is_used(
    settings, forwarded, expected
):
    settings.PROXY_COUNT = 1
    assert client_ip(request_from("127.0.0.1", forwarded)) == expected


@pytest.mark.parametrize(
    ("forwarded", "expected"),
    [
        # CDN appends the visitor, nginx appends the CDN's edge.
        ("203.0.113.9, 192.0.2.50", "203.0.113.9"),
        ("6.6.6.6, 203.0.113.9, 192.0.2.50", "203.0.113.9"),
        # A visitor who reached nginx without the CDN: nginx's entry is theirs.
        ("198.51.100.7", "198.51.100.7"),
        ("garbage, 198.51.100.7", "198.51.100.7"),
    ],
)
def test_behind_a_cdn_and_nginx_the_cdns_entry_is_used(settings, forwarded, expected):
    settings.PROXY_COUNT = 2
    assert client_ip(request_from("127.0.0.1", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", " , "])
def test_without_the_proxy_header_the_peer_address_is_used(settings, forwarded):
    settings.PROXY_COUNT = 1
    assert client_ip(request_from("192.0.2.77", forwarded)) == "192.0.2.77"


def test_lockouts_use_the_same_address(settings):
    from axes.helpers import get_client_ip_address

    settings.PROXY_COUNT = 1
    assert get_client_ip_address(request_from("127.0.0.1", "203.0.113.9")) == (
        "203.0.113.9"
    )


def test_trusting_the_https_header_without_a_proxy_warns(settings):
    settings.PROXY_COUNT = 0
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert "humas_site.W001" in [check.id for check in run_checks()]
    settings.PROXY_COUNT = 1
    assert "humas_site.W001" not in [check.id for check in run_checks()]


def test_default_settings_do_not_contradict_each_other():
    assert not [check for check in run_checks() if check.id.startswith("humas_site")]


def test_connection_report_names_an_undeclared_proxy(settings):
    settings.PROXY_COUNT = 0
    report = connection_report(request_from("127.0.0.1", "203.0.113.9"))
    assert report["address"] == "127.0.0.1"
    assert report["problem"] == "proxy_not_declared"
    settings.PROXY_COUNT = 1
    report = connection_report(request_from("127.0.0.1", "203.0.113.9"))
    assert report["address"] == "203.0.113.9"
    assert report["problem"] == ""


@pytest.mark.django_db
def test_the_administrators_dashboard_shows_the_address_the_application_sees(
    client, settings
):
    from django.contrib.auth.models import Group

    from humas_site.models import StaffProfile
    from humas_site.roles import ADMINISTRATOR, EDITOR
    from tests.factories import StaffFactory

    def dashboard_as(role, **headers):
        user = StaffFactory()
        user.groups.add(Group.objects.get(name=role))
        StaffProfile.objects.create(user=user, must_change_password=False)
        client.force_login(user)
        response = client.get("/admin/", REMOTE_ADDR="127.0.0.1", **headers)
        assert response.status_code == 200
        return response.content.decode()

    settings.PROXY_COUNT = 1
    page = dashboard_as(ADMINISTRATOR, HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert '<strong class="humas-client-address">203.0.113.9</strong>' in page
    assert "DJANGO_PROXY_COUNT=1" in page
    assert "Alamat ini harus alamat publik Anda sendiri" in page

    settings.PROXY_COUNT = 0
    page = dashboard_as(ADMINISTRATOR, HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert '<strong class="humas-client-address">127.0.0.1</strong>' in page
    assert "Setel DJANGO_PROXY_COUNT=1 di belakang nginx" in page

    assert "humas-client-address" not in dashboard_as(EDITOR)


def settings_in_a_fresh_process(**env):
    """(PROXY_COUNT, SECURE_PROXY_SSL_HEADER) as a server started with ``env``
    would read them, or the CompletedProcess when the settings refuse to load."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, humas_site.settings as s; print(json.dumps("
            "[s.PROXY_COUNT, getattr(s, 'SECURE_PROXY_SSL_HEADER', None)]))",
        ],
        env=clean | {"DJANGO_SECRET_KEY": "x" * 50} | env,
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(result.stdout) if result.returncode == 0 else result


def test_the_https_header_is_trusted_only_behind_a_declared_proxy():
    assert settings_in_a_fresh_process() == [0, None]
    assert settings_in_a_fresh_process(DJANGO_PROXY_COUNT="1") == [
        1,
        ["HTTP_X_FORWARDED_PROTO", "https"],
    ]


@pytest.mark.parametrize("value", ["satu", "-1"])
def test_a_proxy_count_that_is_not_a_count_stops_the_start(value):
    result = settings_in_a_fresh_process(DJANGO_PROXY_COUNT=value)
    assert result.returncode != 0
    assert "DJANGO_PROXY_COUNT" in result.stderr
