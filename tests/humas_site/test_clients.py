from django.test import RequestFactory

from humas_site.clients import client_ip


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_a_proxy_the_forwarded_header_is_ignored():
    assert client_ip(request_from("203.0.113.7", "10.9.9.9")) == "203.0.113.7"


def test_behind_one_proxy_the_address_it_saw_is_used(settings):
    settings.AXES_IPWARE_PROXY_COUNT = 1
    settings.AXES_IPWARE_PROXY_ORDER = "right-most"
    settings.AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    # A reader forging the header only adds entries on the left.
    request = request_from("127.0.0.1", "6.6.6.6, 198.51.100.23")
    assert client_ip(request) == "198.51.100.23"
