"""Indonesian by default, English on request, and complete catalogues.

Bahasa Indonesia is the source language: every msgid in the code and the
templates is Indonesian, and locale/en holds the English translation.
locale/id only fills in third-party apps without Indonesian (two-factor
login, django-otp, the admin's rich-text editor).
"""

import ast
import datetime
import gettext
import re
import shutil
import zoneinfo
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pytest_django.asserts import assertContains, assertNotContains

from tests.factories import ArticleFactory, InstitutionProfileFactory, StaffFactory

LOCALE = Path(settings.BASE_DIR) / "locale"
ENGLISH_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"
INDONESIAN_PO = LOCALE / "id" / "LC_MESSAGES" / "django.po"
LANGUAGE_COOKIE = {settings.LANGUAGE_COOKIE_NAME: "en"}
# %(name)s / %(count)d, {name} / {0}, and markup: a translation keeps them all.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdi]|%[sdi]|\{\w*\}|<[^>]+>")
# As in the Makefile's `messages` target.
EXTRACT_IGNORE = ["staticfiles", "media", "bench"]


# ---- a tiny PO reader (stdlib only) ----
def read_po(path):
    """The entries of a PO file (header left out), as dicts.

    Keys: "msgctxt", "msgid", "msgid_plural", "msgstr" (a list: one item, or
    one per plural form), "flags" and "references" (the "#:" source files).
    """
    entries = []
    for block in Path(path).read_text(encoding="utf-8").strip().split("\n\n"):
        entry = {"flags": set(), "msgstr": [], "references": []}
        key = None
        for line in block.splitlines():
            if line.startswith("#,"):
                entry["flags"] |= {flag.strip() for flag in line[2:].split(",")}
            elif line.startswith("#:"):
                entry["references"] += line[2:].split()
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                text = ast.literal_eval(line)
                if key == "msgstr":
                    entry["msgstr"][-1] += text
                else:
                    entry[key] += text
            else:
                keyword, _space, text = line.partition(" ")
                key = keyword.split("[")[0]
                if key == "msgstr":
                    entry["msgstr"].append(ast.literal_eval(text))
                else:
                    entry[key] = ast.literal_eval(text)
        if entry.get("msgid"):
            entries.append(entry)
    return entries


def untranslated(entries):
    return [
        entry["msgid"]
        for entry in entries
        if "fuzzy" in entry["flags"] or not all(entry["msgstr"])
    ]


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def institution():
    return InstitutionProfileFactory(
        phone="0274 555 0101", facebook_url="https://www.facebook.com/contoh"
    )


def article_on_4_may_2021():
    published = datetime.datetime(
        2021, 5, 4, 10, 0, tzinfo=zoneinfo.ZoneInfo("Asia/Jakarta")
    )
    return ArticleFactory(
        title="Bimtek PPK se-Kabupaten Contoh", published_at=published
    )


# ---- pages ----
@pytest.mark.django_db
def test_home_page_is_indonesian_by_default(client):
    institution()
    response = client.get("/")
    assertContains(response, '<html lang="id">')
    for label in ("Berita", "Rapat", "Kembali ke atas", "Media sosial", "Telepon:"):
        assertContains(response, label)
    assertNotContains(response, "Back to top")


@pytest.mark.django_db
def test_home_page_in_english_with_the_language_cookie(client):
    institution()
    article_on_4_may_2021()
    client.cookies.load(LANGUAGE_COOKIE)
    response = client.get("/")
    assertContains(response, '<html lang="en">')
    assert response["Content-Language"] == "en"
    nav = response.content.decode().split('class="site-nav"')[1].split("</nav>")[0]
    for label in (">Home<", ">News<", ">Agenda<", ">Meetings<", ">Gallery<"):
        assert label in nav
    for label in ("Skip to main content", "Back to top", "Social media", "Phone:"):
        assertContains(response, label)
    for label in ("Kembali ke atas", "Langsung ke konten utama", ">Rapat<"):
        assertNotContains(response, label)


@pytest.mark.django_db
def test_language_link_sets_the_cookie_and_returns(client):
    InstitutionProfileFactory()
    response = client.get("/bahasa/en/", {"next": "/berita/"})
    assert response.status_code == 302
    assert response["Location"] == "/berita/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assertContains(client.get("/"), "Back to top")

    client.get("/bahasa/id/")
    assertContains(client.get("/"), "Kembali ke atas")


@pytest.mark.django_db
def test_article_page_dates_and_labels_follow_the_language(client):
    InstitutionProfileFactory(time_zone="Asia/Jakarta")
    url = article_on_4_may_2021().get_absolute_url()

    response = client.get(url)
    assertContains(response, "Selasa, 4 Mei 2021 · 10.00 WIB")
    assertContains(response, "Pen: Sari Anggraini")
    assertContains(response, "Beranda")

    client.cookies.load(LANGUAGE_COOKIE)
    response = client.get(url)
    assertContains(response, "Tuesday, 4 May 2021 · 10.00 WIB")
    assertContains(response, "Writer: Sari Anggraini")
    assertContains(response, ">Home</a>")
    assertContains(response, "Viewed 0 times")
    assertNotContains(response, "Selasa")


@pytest.mark.django_db
def test_two_factor_login_page_is_indonesian(client, settings):
    settings.STAFF_2FA_REQUIRED = True
    response = client.get("/account/login/")
    assertContains(response, "<h1>Masuk</h1>", html=True)
    assertContains(response, "Masukkan nama pengguna dan sandi Anda.")
    assertContains(response, "Lanjut")
    assertContains(response, "Nama pengguna")  # Django's own Indonesian
    assertNotContains(response, "Enter your credentials.")
    assertNotContains(response, ">Next<")


@pytest.mark.django_db
def test_two_factor_setup_wizard_is_indonesian(client, settings):
    settings.STAFF_2FA_REQUIRED = True
    client.force_login(StaffFactory())
    response = client.get("/account/two_factor/setup/")
    assertContains(response, "Aktifkan Verifikasi Dua Langkah")
    assertContains(response, "Anda akan meningkatkan keamanan akun Anda.")
    assertNotContains(response, "Enable Two-Factor Authentication")


# ---- catalogues ----
def test_english_catalogue_is_complete():
    entries = read_po(ENGLISH_PO)
    assert len(entries) > 500
    assert untranslated(entries) == [], "untranslated or fuzzy in locale/en"


@pytest.mark.parametrize("po_path", [ENGLISH_PO, INDONESIAN_PO], ids=["en", "id"])
def test_translations_keep_every_placeholder(po_path):
    wrong = []
    for entry in read_po(po_path):
        for number, text in enumerate(entry["msgstr"]):
            source = entry["msgid_plural"] if number else entry["msgid"]
            if len(entry["msgstr"]) == 1 and "msgid_plural" in entry:
                source = entry["msgid_plural"]  # Indonesian: one form for all n
            if placeholders(text) != placeholders(source):
                wrong.append((source, text))
    assert wrong == []


@pytest.mark.parametrize("po_path", [ENGLISH_PO, INDONESIAN_PO], ids=["en", "id"])
def test_compiled_catalogue_matches_the_po_file(po_path):
    """The committed .mo is what Django reads: it must not lag behind the .po."""
    with open(po_path.with_suffix(".mo"), "rb") as mo_file:
        catalog = gettext.GNUTranslations(mo_file)._catalog
    stale = []
    for entry in read_po(po_path):
        msgid = entry["msgid"]
        if "msgctxt" in entry:
            msgid = f"{entry['msgctxt']}\x04{msgid}"
        if "msgid_plural" in entry:
            compiled = [catalog.get((msgid, n)) for n in range(len(entry["msgstr"]))]
        else:
            compiled = [catalog.get(msgid)]
        if compiled != entry["msgstr"]:
            stale.append(entry["msgid"])
    assert stale == [], "run `make messages` to compile the catalogues"


def test_indonesian_catalogue_holds_only_third_party_strings():
    """The project's own msgids are Indonesian already (no makemessages -l id).

    Every entry names the third-party package it comes from; none points into
    the project (news/, templates/ …), as `makemessages -l id` would.
    """
    entries = read_po(INDONESIAN_PO)
    assert untranslated(entries) == []
    from_project = [
        (entry["msgid"], reference)
        for entry in entries
        for reference in entry["references"] or ["(no reference)"]
        if reference == "(no reference)"
        or (Path(settings.BASE_DIR) / reference.split("/")[0]).exists()
    ]
    assert from_project == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs GNU gettext")
def test_every_string_in_the_code_has_an_english_translation(tmp_path, settings):
    """Extract the strings again (as `make messages` does) from a copy.

    A new `_("…")` or `{% translate %}` without an English translation in
    locale/en fails here; the printed msgids are the ones to translate.
    """
    source = tmp_path / "src"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(*EXTRACT_IGNORE, ".*", "locale", "*.sqlite3"),
    )
    copy = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    copy.parent.mkdir(parents=True)
    shutil.copy(ENGLISH_PO, copy)
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(source)
        call_command(
            "makemessages",
            locale=["en"],
            ignore_patterns=EXTRACT_IGNORE,
            no_obsolete=True,
            verbosity=0,
        )
    missing = untranslated(read_po(copy))
    assert missing == [], "run `make messages` and translate these in locale/en"
