"""In Chromium, an editor restores an older revision of a published article:
the public page shows the old text again, and the restore is a new revision
in the history and a line in the audit log."""

import re

import pytest
from playwright.sync_api import expect

from humas_site.models import AuditEvent
from humas_site.roles import EDITOR, sync_roles
from news.models import Article
from tests.e2e.test_workflow import log_in, new_page
from tests.factories import ArticleFactory, StaffFactory


@pytest.mark.django_db(transaction=True)
def test_editor_restores_an_older_revision(browser, live_server):
    editor = StaffFactory(username="rina", first_name="Rina", last_name="Wulandari")
    editor.groups.add(sync_roles()[EDITOR])
    article = ArticleFactory(
        title="Rapat pleno rekapitulasi",
        body="<p>Rapat dihadiri 20 anggota PPK.</p>",
    )
    context, page = new_page(browser)
    log_in(page, live_server, "rina")

    # A mistaken edit, saved through the change form.
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/change/")
    editor_box = page.locator(".ProseMirror:visible").first
    editor_box.click()
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("Rapat dihadiri 2000 anggota PPK.")
    page.locator("input[name=_continue]").click()
    expect(page.locator(".messagelist")).to_be_visible()
    article.refresh_from_db()
    assert "2000" in article.body

    # History → the first revision → "Kembalikan".
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/history/")
    page.locator("#change-history tbody tr").last.locator("a").first.click()
    page.get_by_role("button", name="Kembalikan").first.click()
    expect(page.locator("#content")).not_to_contain_text("sudah diubah")
    expect(page.locator(".messagelist")).to_be_visible()

    page.goto(f"{live_server.url}{article.get_absolute_url()}")
    expect(page.locator("main")).to_contain_text("Rapat dihadiri 20 anggota PPK.")
    expect(page.locator("main")).not_to_contain_text("2000 anggota")

    # The restore is the newest revision, by the editor, with its reason...
    page.goto(f"{live_server.url}/admin/news/article/{article.pk}/history/")
    newest = page.locator("#change-history tbody tr").first
    expect(newest).to_contain_text("rina")
    expect(newest).to_contain_text(re.compile(r"Revisi #\d+ dipulihkan"))
    assert Article.objects.get(pk=article.pk).history.count() == 3
    # ...and a line in the audit log.
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.RESTORED, actor=editor, object_id=str(article.pk)
    ).exists()
    context.close()
