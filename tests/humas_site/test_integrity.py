"""check_integrity flags each kind of injection and passes clean content."""

import pytest
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.management import CommandError, call_command

from humas_site.integrity import scan
from news.models import Article
from tests.factories import ArticleFactory


class CloakingMiddleware:
    """What attackers install: extra links only for search-engine crawlers."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if "Googlebot" in request.headers.get("User-Agent", ""):
            response.content = response.content.replace(
                b"</main>", b'<a href="https://slot-gacor.example/">slot</a></main>'
            )
        return response


@pytest.fixture
def hosts(settings):
    settings.ALLOWED_HOSTS = ["kpu-contoh.go.id", "testserver"]


def kinds(findings):
    return {finding.kind for finding in findings}


@pytest.mark.django_db
def test_clean_content_passes(hosts):
    ArticleFactory(
        body='<p>Rapat koordinasi <a href="https://jdih.kpu.go.id/">JDIH</a>.</p>'
    )
    assert scan() == []


@pytest.mark.django_db
def test_gambling_vocabulary_is_flagged(hosts):
    ArticleFactory(body="<p>Daftar situs slot gacor hari ini, pasti maxwin!</p>")
    findings = scan(cloaking=False)
    assert kinds(findings) == {"judi"}
    assert any("maxwin" in f.detail for f in findings)


@pytest.mark.django_db
def test_links_to_unknown_domains_are_flagged(hosts):
    ArticleFactory(body='<p><a href="https://toko-obat.example/">klik</a></p>')
    findings = scan(cloaking=False)
    assert kinds(findings) == {"tautan"}
    assert "toko-obat.example" in findings[0].detail


@pytest.mark.django_db
def test_hidden_injected_markup_is_flagged(hosts):
    article = ArticleFactory(body="<p>Berita biasa.</p>")
    # Written straight to the database, as an SQL injection would: no sanitiser.
    Article.objects.filter(pk=article.pk).update(
        body='<p>Berita biasa.</p><div style="display:none">'
        '<a href="https://bandar-togel.example/">togel</a></div>'
    )
    assert kinds(scan(cloaking=False)) == {"judi", "tautan", "tersembunyi", "revisi"}


@pytest.mark.django_db
def test_text_changed_outside_the_application_is_flagged(hosts):
    article = ArticleFactory(body="<p>Rapat pleno terbuka.</p>")
    edited = ArticleFactory(body="<p>Versi pertama.</p>")
    edited.body = "<p>Versi kedua, disimpan lewat aplikasi.</p>"
    edited.save()
    assert scan(cloaking=False) == []
    Article.objects.filter(pk=article.pk).update(body="<p>Rapat pleno tertutup.</p>")
    findings = scan(cloaking=False)
    assert [(f.kind, f.detail) for f in findings] == [
        ("revisi", "diubah di luar aplikasi: body")
    ]


@pytest.mark.django_db
def test_flatpages_are_scanned_too(hosts):
    page = FlatPage.objects.create(url="/ppid/", title="PPID", content="<p>togel</p>")
    page.sites.set([Site.objects.get_current()])
    assert kinds(scan(cloaking=False)) == {"judi"}


@pytest.mark.django_db
def test_cloaking_for_search_engines_is_flagged(hosts, settings):
    ArticleFactory()
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.humas_site.test_integrity.CloakingMiddleware",
    ]
    findings = scan()
    assert "cloaking" in kinds(findings)
    assert any("slot-gacor.example" in f.detail for f in findings)


@pytest.mark.django_db
def test_command_exits_non_zero_when_something_is_found(hosts, capsys):
    ArticleFactory(body="<p>judi online</p>")
    with pytest.raises(CommandError, match="1 temuan"):
        call_command("check_integrity")
    assert "[judi]" in capsys.readouterr().out


@pytest.mark.django_db
def test_seeded_demo_content_is_clean(hosts, capsys):
    call_command("seed_demo")
    call_command("check_integrity")
    assert "Tidak ada tanda injeksi" in capsys.readouterr().out
