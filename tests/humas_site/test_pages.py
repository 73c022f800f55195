import datetime

import pytest
import time_machine
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains, assertTemplateUsed

from tests.factories import InstitutionProfileFactory

HOSTILE_HTML = (
    "<p>Visi kami<script>alert('x')</script></p>"
    '<p><img src="/media/a.jpg" onerror="alert(1)"></p>'
    '<p><a href="javascript:alert(1)">klik</a></p>'
    '<p style="position:fixed">slot gacor</p>'
    '<iframe src="https://evil.example/"></iframe>'
)


def make_page(url="/profil/", title="Profil", content="<p>Tentang kami</p>"):
    page = FlatPage.objects.create(url=url, title=title, content=content)
    page.sites.set([Site.objects.get_current()])
    return page


def assert_no_hostile_markup(text):
    for needle in ("<script", "onerror", "javascript:", "style=", "<iframe"):
        assert needle not in text


@pytest.mark.django_db
def test_home_shows_institution_name_and_navigation(client):
    InstitutionProfileFactory(
        name="KPU Kabupaten Contoh", tagline="Pemilu berintegritas"
    )
    make_page()
    response = client.get("/")
    assertTemplateUsed(response, "base.html")
    assertContains(response, "KPU Kabupaten Contoh")
    assertContains(response, "Pemilu berintegritas")
    assertContains(response, '<a class="skip-link" href="#konten">', html=False)
    assertContains(response, "Kembali ke atas")
    assertContains(response, '<a href="/profil/">Profil</a>', html=True)


@pytest.mark.django_db
def test_footer_shows_address_and_social_links(client):
    InstitutionProfileFactory(
        address="Jl. Pemilu No. 1", facebook_url="https://www.facebook.com/contoh"
    )
    response = client.get("/")
    assertContains(response, "Jl. Pemilu No. 1")
    assertContains(
        response,
        '<a href="https://www.facebook.com/contoh" rel="noopener">Facebook</a>',
        html=True,
    )


@pytest.mark.django_db
def test_not_found_page_is_in_indonesian(client):
    response = client.get("/halaman-yang-tidak-ada/")
    assert response.status_code == 404
    assertContains(response, "Halaman tidak ditemukan", status_code=404)
    assertContains(response, "Kembali ke beranda", status_code=404)


def test_server_error_page_renders_without_database():
    from django.template.loader import render_to_string

    # No request, no context processors: what Django's handler500 does.
    html = render_to_string("500.html")
    assert "Terjadi gangguan" in html


@pytest.mark.django_db
def test_flatpage_is_served_with_the_site_frame(client):
    make_page(
        url="/profil/visi-dan-misi/", title="Visi dan Misi", content="<p>Mandiri</p>"
    )
    response = client.get("/profil/visi-dan-misi/")
    assertTemplateUsed(response, "flatpages/default.html")
    assertContains(response, "<h1>Visi dan Misi</h1>", html=True)
    assertContains(response, "Mandiri")


@pytest.mark.django_db
def test_flatpage_saved_from_code_is_sanitised(client):
    page = make_page(content=HOSTILE_HTML)
    page.refresh_from_db()
    assert_no_hostile_markup(page.content)
    assert "Visi kami" in page.content
    response = client.get("/profil/")
    article = response.content.decode().split('<article class="prose">')[1]
    assert_no_hostile_markup(article.split("</article>")[0])


@pytest.mark.django_db
def test_flatpage_saved_through_admin_is_sanitised(admin_client):
    site = Site.objects.get_current()
    response = admin_client.post(
        "/admin/flatpages/flatpage/add/",
        {
            "url": "/ppid/",
            "title": "PPID",
            "content": HOSTILE_HTML,
            "sites": [site.pk],
            "template_name": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = FlatPage.objects.get(url="/ppid/")
    assert_no_hostile_markup(page.content)
    assert "slot gacor" in page.content  # the text stays, the styling goes


@pytest.mark.django_db
def test_robots_txt_points_to_sitemap(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assertContains(response, "Sitemap: http://testserver/sitemap.xml")
    assertNotContains(response, "admin")


@pytest.mark.django_db
@pytest.mark.any_hour
def test_sitemap_lists_flatpages_dated_by_their_last_change(client):
    page = make_page()
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        page.content = "<p>Tentang kami, diperbarui</p>"
        page.save()
        changed = timezone.localdate()
    make_page(url="/kontak/", title="Kontak")
    response = client.get("/sitemap-pages.xml")
    assertContains(
        response,
        "<url><loc>http://testserver/profil/</loc>"
        f"<lastmod>{changed.isoformat()}</lastmod>",
    )
    assertContains(
        response,
        "<url><loc>http://testserver/kontak/</loc>"
        f"<lastmod>{timezone.localdate().isoformat()}</lastmod>",
    )
    assert page.revisions.count() == 2


@pytest.mark.django_db
def test_admin_pages_render_for_superuser(admin_client):
    for url in (
        "/admin/",
        "/admin/humas_site/institutionprofile/add/",
        "/admin/humas_site/unit/",
        "/admin/humas_site/unit/add/",
        "/admin/flatpages/flatpage/add/",
    ):
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_institution_profile_cannot_be_added_twice(admin_client):
    InstitutionProfileFactory()
    assert (
        admin_client.get("/admin/humas_site/institutionprofile/add/").status_code == 403
    )


@pytest.mark.django_db
def test_favicon_points_to_the_logo_or_the_default_icon(client):
    assert client.get("/favicon.ico")["Location"].startswith("/static/img/favicon")
    profile = InstitutionProfileFactory()
    from humas_site.demo import demo_image

    profile.logo.save("logo.png", demo_image("KPU", (64, 64), fmt="PNG"))
    assert client.get("/favicon.ico")["Location"] == profile.logo.url


@pytest.mark.django_db
def test_every_public_page_has_the_header_search(client):
    """A plain GET form to /cari/ with a labelled field, in the header."""
    make_page()
    for path in ["/", "/berita/", "/agenda/", "/rapat/", "/galeri/", "/profil/"]:
        response = client.get(path)
        header = response.content.decode().split('<header class="site-header">')[1]
        header = header.split("</header>")[0]
        assert '<form class="header-search" action="/cari/" method="get"' in header
        assert '<label class="visually-hidden" for="cari-berita">Cari berita' in header
        assert '<input type="search" id="cari-berita" name="q"' in header
