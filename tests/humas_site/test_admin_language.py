"""The admin looks like the office's own tool and speaks Indonesian throughout."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from humas_site.demo import demo_image
from humas_site.roles import CONTRIBUTOR, EDITOR, LEADER
from tests.factories import (
    ArticleFactory,
    ArticlePhotoFactory,
    InstitutionProfileFactory,
    StaffFactory,
)

pytestmark = pytest.mark.django_db

# English (and code names) that Django, its Indonesian catalogue and the
# third-party apps leave in the admin when nothing corrects them.
ENGLISH = [
    "Humas CMS",
    "Taggit",
    "Axes",
    "Otp_Static",
    "Otp_Totp",
    "Django_Comments",
    "Static device",
    "TOTP device",
    "Identity",
    "Timestamps",
    "Configuration",
    "Throttling",
    "Merge selected tags",
    "Tagged item",
    "Breadcrumbs",
    "Sidebar",
    "Search",
    "Choose",
    "Remove",
    "News",
    "Home",
    "History",
    "View on site",
    "Log out",
    "Rubah",
    "Autentidikasi",
    "Single Sign-On",
    "Get full name",
    "Can add",
    "Can change",
    "Can delete",
    "Can view",
]
ENGLISH_RE = re.compile(r"\b(?:" + "|".join(map(re.escape, ENGLISH)) + r")\b", re.I)
# "nama pengguna nama pengguna": a word or two, then the same again.
DOUBLED_RE = re.compile(r"\b(\w{3,}(?:\s+\w+)?)\s+\1\b", re.I)


class VisibleText(HTMLParser):
    """Text nodes and the attributes people read (alt, title, labels, buttons)."""

    def __init__(self):
        super().__init__()
        self.chunks = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self.hidden += 1
        attrs = dict(attrs)
        for name in ("title", "alt", "aria-label", "placeholder"):
            if attrs.get(name):
                self.chunks.append(attrs[name])
        if tag == "input" and attrs.get("type") in ("submit", "button"):
            self.chunks.append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden and data.strip():
            self.chunks.append(" ".join(data.split()))


def language_slips(html):
    parser = VisibleText()
    parser.feed(html)
    slips = []
    for chunk in parser.chunks:
        slips += [m.group(0) for m in ENGLISH_RE.finditer(chunk)]
        slips += [m.group(0) for m in DOUBLED_RE.finditer(chunk)]
    return slips


def admin_pages():
    """Index, every app index, every model's list, add form and a demo object."""
    paths, app_labels = [reverse("admin:index")], set()
    for model in admin.site._registry:
        opts = model._meta
        app_labels.add(opts.app_label)
        paths.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        paths.append(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        demo = model._default_manager.order_by("pk").first()
        if demo is not None:
            paths.append(
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_change", args=[demo.pk]
                )
            )
    paths += [reverse("admin:app_list", args=[label]) for label in sorted(app_labels)]
    return paths


@pytest.fixture
def demo_admin(client):
    call_command("seed_demo", verbosity=0)
    # Second factors to list, as in an office where staff enrolled.
    administrator = get_user_model().objects.get(username="admin")
    administrator.totpdevice_set.create(name="Ponsel")
    administrator.staticdevice_set.create(name="Kode cadangan")
    client.force_login(administrator)
    return client


def test_every_admin_page_speaks_indonesian(demo_admin):
    problems = {}
    for path in admin_pages():
        response = demo_admin.get(path)
        if response.status_code == 403:  # e.g. "add" of a read-only log
            continue
        assert response.status_code == 200, path
        slips = language_slips(response.content.decode())
        if slips:
            problems[path] = sorted(set(slips))
    assert problems == {}


def test_third_party_apps_have_indonesian_names(admin_client):
    response = admin_client.get(reverse("admin:index"))
    for name in (
        "Tag",
        "Keamanan login",
        "Kode cadangan login",
        "Verifikasi dua langkah",
    ):
        assertContains(response, f'class="section" title="Model pada aplikasi {name}"')


def test_revision_breadcrumbs_name_the_app_not_its_code(admin_client):
    article = ArticleFactory()
    revision = article.history.get()
    response = admin_client.get(
        reverse(
            "admin:news_article_simple_history",
            args=[article.pk, revision.history_id],
        )
    )
    assert response.status_code == 200
    breadcrumbs = re.search(
        r'<div class="breadcrumbs">(.*?)</div>', response.content.decode(), re.S
    ).group(1)
    assert "Berita" in breadcrumbs
    assert language_slips(breadcrumbs) == []


def test_two_list_selector_speaks_indonesian(admin_client):
    response = admin_client.get(reverse("admin:jsi18n"))
    catalog = json.loads(
        re.search(
            r"const newcatalog = (\{.*?\});", response.content.decode(), re.S
        ).group(1)
    )
    texts = [
        catalog[msgid] % "grup"
        for msgid in (
            'Choose %s by selecting them and then select the "Choose" arrow button.',
            "Choose selected %s",
            "Remove selected %s",
            'Remove %s by selecting them and then select the "Remove" arrow button.',
            "Remove all %s",
        )
    ]
    assert texts == [
        'Pilih grup dengan menandainya, lalu tekan tombol panah "Pilih".',
        "Pilih grup yang ditandai",
        "Lepas grup yang ditandai",
        'Lepas grup dengan menandainya, lalu tekan tombol panah "Lepas".',
        "Lepas semua grup",
    ]


@pytest.mark.parametrize("two_factor", [False, True])
def test_failed_login_message_names_the_field_once(client, settings, two_factor):
    settings.STAFF_2FA_REQUIRED = two_factor
    InstitutionProfileFactory()
    StaffFactory(username="operator")
    if two_factor:
        response = client.post(
            "/account/login/",
            {
                "login_view-current_step": "auth",
                "auth-username": "operator",
                "auth-password": "salah-sekali-123",
            },
        )
    else:
        response = client.post(
            reverse("admin:login"),
            {"username": "operator", "password": "salah-sekali-123"},
        )
    assertContains(response, "Masukkan nama pengguna dan sandi yang benar")
    assert language_slips(response.content.decode()) == []


def test_admin_header_shows_the_office_name_and_logo(admin_client):
    profile = InstitutionProfileFactory(name="Bawaslu Kota Contoh")
    profile.logo.save("logo.png", demo_image("B", size=(120, 120), fmt="PNG"))
    cache.clear()
    response = admin_client.get(reverse("admin:index"))
    assertContains(response, "<title>Panel admin | Bawaslu Kota Contoh</title>")
    assertContains(response, f'<img src="{profile.logo.url}"')
    assertContains(response, "<span>Bawaslu Kota Contoh</span>")
    assertNotContains(response, "Humas CMS")


def test_gallery_inline_shows_thumbnails_not_file_paths(admin_client):
    article = ArticleFactory(featured_image=demo_image("Utama", size=(900, 600)))
    ArticlePhotoFactory.create_batch(2, article=article)
    response = admin_client.get(reverse("admin:news_article_change", args=[article.pk]))
    html = response.content.decode()
    for photo in article.photos.all():
        assert f">{photo.image.name}<" not in html
        assert f'<img src="{photo.image_400.url}"' in html
    assertNotContains(response, f">{article.featured_image.name}<")


@pytest.mark.parametrize(
    ("role", "hidden", "shown"),
    [
        (CONTRIBUTOR, ["Kategori", "Unit kerja", "Tag"], ["Berita"]),
        (LEADER, ["Kategori", "Unit kerja", "Tag", "Alamat lama berita"], ["Rapat"]),
        (EDITOR, ["Unit kerja"], ["Kategori", "Tag", "Kategori agenda"]),
    ],
)
def test_reference_lists_only_in_the_menus_of_their_maintainers(
    client, role, hidden, shown
):
    from django.contrib.auth.models import Group

    user = StaffFactory()
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    menu = {
        model["name"]
        for app in client.get(reverse("admin:index")).context["app_list"]
        for model in app["models"]
    }
    assert not menu & set(hidden)
    assert set(shown) <= menu
    # The lists stay readable where forms and filters need them.
    if role == CONTRIBUTOR:
        assert client.get(reverse("admin:news_category_changelist")).status_code == 200


def test_gallery_with_a_missing_file_still_opens(admin_client):
    photo = ArticlePhotoFactory()
    photo.image.storage.delete(photo.image.name)
    response = admin_client.get(
        reverse("admin:news_article_change", args=[photo.article.pk])
    )
    assert response.status_code == 200
    assertContains(response, f'<img src="{photo.image.url}"')
