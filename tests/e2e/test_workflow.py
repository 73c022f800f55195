"""In Chromium, each role in turn: contributor writes and submits, editor sends
back and publishes, administrator creates an account and reads the dashboard
and the audit log."""

import re

import pytest
from playwright.sync_api import expect

from humas_site.demo import demo_image
from humas_site.models import StaffProfile
from humas_site.roles import CONTRIBUTOR, EDITOR, sync_roles
from news.models import Article
from tests.factories import ArticleFactory, StaffFactory, UnitFactory

PASSWORD = "sandi-uji-coba-123"


def log_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_be_visible()


def new_page(browser):
    context = browser.new_context(
        locale="id-ID", viewport={"width": 1280, "height": 900}
    )
    return context, context.new_page()


@pytest.mark.django_db(transaction=True)
def test_roles_write_review_publish_and_administer(
    browser, page, live_server, tmp_path
):
    groups = sync_roles()
    unit = UnitFactory(name="Divisi Data")
    other = UnitFactory(name="Divisi Hukum")
    writer = StaffFactory(username="dimas", first_name="Dimas", last_name="Prasetyo")
    writer.groups.add(groups[CONTRIBUTOR])
    StaffProfile.objects.create(user=writer, unit=unit, must_change_password=False)
    editor = StaffFactory(username="rina")
    editor.groups.add(groups[EDITOR])
    StaffFactory(username="admin", is_superuser=True)
    ArticleFactory(title="Draf rahasia unit lain", status="draft", unit=other)
    photos = []
    for number in range(3):
        path = tmp_path / f"foto-{number}.jpg"
        path.write_bytes(demo_image(f"Foto {number}", size=(900, 600)).read())
        photos.append(str(path))

    # Contributor (on a phone): writes and submits a draft with three photos.
    log_in(page, live_server, "dimas")
    page.get_by_role("link", name="Tulis draf berita").first.click()
    page.get_by_label("Judul berita").fill("Bimtek Operator Desa")
    page.get_by_label("Apa yang terjadi?").fill(
        "Operator desa berlatih memutakhirkan data pemilih."
    )
    page.get_by_label("Di mana?").fill("Aula Kantor KPU")
    page.get_by_label("Siapa saja yang terlibat?").fill("40 operator desa")
    page.get_by_label("Foto kegiatan").set_input_files(photos)
    page.get_by_role("button", name="Kirim untuk ditinjau").click()
    expect(page.locator(".messagelist")).to_contain_text("sudah dikirim ke editor")
    article = Article.objects.get(title="Bimtek Operator Desa")
    assert article.status == Article.Status.REVIEW
    assert article.featured_image and article.photos.count() == 2  # + featured
    # ...cannot see the other unit's draft nor publish.
    page.goto(f"{live_server.url}/admin/news/article/")
    expect(page.locator("#result_list")).to_contain_text("Bimtek Operator Desa")
    expect(page.locator("body")).not_to_contain_text("Draf rahasia unit lain")
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    expect(page.get_by_role("button", name=re.compile("Terbitkan"))).to_have_count(0)

    # Editor: sends back with a note, then publishes.
    context, editor_page = new_page(browser)
    log_in(editor_page, live_server, "rina")
    expect(editor_page.locator("#dash-queue")).to_contain_text("Antrean tinjauan (1)")
    editor_page.get_by_role("link", name="Bimtek Operator Desa").first.click()
    editor_page.get_by_label("Catatan peninjau").fill("Tambahkan nama narasumber.")
    editor_page.get_by_role("button", name="Kembalikan ke penulis").click()
    expect(editor_page.locator(".messagelist")).to_contain_text("Draf")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.review_note == "Tambahkan nama narasumber."

    page.goto(f"{live_server.url}/admin/")
    expect(page.locator("#dash-sent-back").locator("..")).to_contain_text(
        "Tambahkan nama narasumber."
    )

    editor_page.get_by_role("button", name=re.compile("Terbitkan")).click()
    expect(editor_page.locator(".messagelist")).to_contain_text("Terbit")
    article.refresh_from_db()
    assert article.is_published_now()
    editor_page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(editor_page.locator("h1")).to_contain_text("Bimtek Operator Desa")
    context.close()

    # Administrator: creates an account, reads the dashboard and the audit log.
    context, admin_page = new_page(browser)
    log_in(admin_page, live_server, "admin")
    expect(admin_page.locator("#dash-units")).to_be_visible()
    expect(admin_page.locator("svg[role=img]")).to_be_visible()
    admin_page.goto(f"{live_server.url}/admin/auth/user/add/")
    admin_page.fill("#id_username", "operator.baru")
    admin_page.fill("#id_password1", "sementara-2026-xyz")
    admin_page.fill("#id_password2", "sementara-2026-xyz")
    # The form says what the new person must do; staff status follows the role.
    expect(admin_page.locator("#content")).to_contain_text("verifikasi dua langkah")
    expect(admin_page.locator("#id_is_staff")).to_have_count(0)
    admin_page.select_option("#id_groups_from", label=CONTRIBUTOR)
    admin_page.locator("#id_groups_add").click()
    admin_page.select_option("#id_staff_profile-0-unit", label="Divisi Data")
    admin_page.click("input[name=_save]")
    expect(admin_page.locator(".messagelist")).to_contain_text(
        "login di " + live_server.url + "/admin/login/"
    )
    assert StaffProfile.objects.get(user__username="operator.baru").must_change_password
    # The new person logs in with the temporary password and must replace it.
    newcomer_context, newcomer = new_page(browser)
    newcomer.goto(f"{live_server.url}/admin/login/?next=/admin/")
    newcomer.fill("#id_username", "operator.baru")
    newcomer.fill("#id_password", "sementara-2026-xyz")
    newcomer.click("input[type=submit]")
    expect(newcomer).to_have_url(re.compile(r"/admin/password_change/$"))
    expect(newcomer.locator(".messagelist")).to_contain_text("sandi sementara")
    newcomer_context.close()
    admin_page.goto(f"{live_server.url}/admin/humas_site/auditevent/")
    expect(admin_page.locator("#result_list")).to_contain_text("Diterbitkan")
    expect(admin_page.locator("#result_list")).to_contain_text(
        "Dikembalikan ke penulis"
    )
    # Read-only: no "add" button above the audit log.
    expect(admin_page.locator(".object-tools .addlink")).to_have_count(0)
    context.close()
