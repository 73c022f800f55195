"""The editorial workflow: who may move an article where, and what it leaves behind."""

import contextlib
import datetime
import io
import os
import resource

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from pytest_django.asserts import assertContains, assertNotContains

from humas_site.demo import demo_image
from humas_site.models import AuditEvent, StaffProfile
from humas_site.roles import CONTRIBUTOR, EDITOR, LEADER
from news import services, workflow
from news.models import Article
from tests.factories import ArticleFactory, StaffFactory, UnitFactory

pytestmark = pytest.mark.django_db


def staff(role, unit=None, **kwargs):
    user = StaffFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user, unit=unit, must_change_password=False)
    return user


@pytest.fixture
def unit():
    return UnitFactory(name="Divisi Data", slug="divisi-data")


@pytest.fixture
def other_unit():
    return UnitFactory(name="Divisi Hukum", slug="divisi-hukum")


@pytest.fixture
def writer(unit):
    return staff(CONTRIBUTOR, unit, first_name="Dimas", last_name="Prasetyo")


@pytest.fixture
def editor():
    return staff(EDITOR, first_name="Rina", last_name="Wulandari")


def draft(unit, writer, **kwargs):
    kwargs.setdefault("status", Article.Status.DRAFT)
    return ArticleFactory(
        unit=unit,
        created_by=writer,
        published_at=timezone.now() - datetime.timedelta(days=3),
        **kwargs,
    )


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def contributor_form_data(client, article, **extra):
    """What the contributor's change form posts, with the inline management
    forms read from the page itself."""
    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    data = {
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "image_caption": "",
        "image_credit": "",
        "image_alt": "",
        "category": article.category_id or "",
        "tags": "",
        "writer": article.writer,
        "photographer": "",
    }
    for inline in page.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        # No new inline rows (the blank extra rows are left out).
        data[management.add_prefix("TOTAL_FORMS")] = management["INITIAL_FORMS"].value()
    data.update(extra)
    return data


# ---- the service ----
def test_contributor_submits_own_draft_and_editors_are_told(
    writer, editor, unit, mailoutbox
):
    article = draft(unit, writer)
    services.article_transition(
        article=article, user=writer, transition=workflow.Transition.SUBMIT
    )
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW
    assert article.submitted_at is not None
    assert [m.to for m in mailoutbox] == [[editor.email]]
    assert article.title in mailoutbox[0].subject
    change_url = reverse("admin:news_article_change", args=[article.pk])
    assert f"https://example.com{change_url}" in mailoutbox[0].body
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.SUBMITTED, actor=writer, object_id=str(article.pk)
    ).exists()


def test_contributor_may_not_publish(writer, unit):
    article = draft(unit, writer)
    with pytest.raises(workflow.TransitionRefused, match="tidak dapat menerbitkan"):
        services.article_transition(
            article=article, user=writer, transition=workflow.Transition.PUBLISH
        )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert AuditEvent.objects.filter(action=AuditEvent.Action.REFUSED).exists()


def test_contributor_may_not_submit_another_units_draft(writer, other_unit):
    article = draft(other_unit, staff(CONTRIBUTOR, other_unit))
    with pytest.raises(workflow.TransitionRefused, match="unit kerja Anda"):
        services.article_transition(
            article=article, user=writer, transition=workflow.Transition.SUBMIT
        )


def test_only_allowed_transitions_from_each_status(editor, writer, unit):
    article = draft(unit, writer)
    assert workflow.available_transitions(user=editor, article=article) == [
        workflow.Transition.SUBMIT,
        workflow.Transition.PUBLISH,
        workflow.Transition.DELETE,
    ]
    assert workflow.available_transitions(user=writer, article=article) == [
        workflow.Transition.SUBMIT
    ]
    with pytest.raises(workflow.TransitionRefused, match="tidak berlaku"):
        services.article_transition(
            article=article, user=editor, transition=workflow.Transition.ARCHIVE
        )
    with pytest.raises(workflow.TransitionRefused, match="tidak dikenal"):
        services.article_transition(article=article, user=editor, transition="hapus")


def test_send_back_needs_a_note_and_tells_the_writer(editor, writer, unit, mailoutbox):
    article = draft(unit, writer, status=Article.Status.REVIEW)
    with pytest.raises(workflow.TransitionRefused, match="catatan"):
        services.article_transition(
            article=article, user=editor, transition=workflow.Transition.SEND_BACK
        )
    services.article_transition(
        article=article,
        user=editor,
        transition=workflow.Transition.SEND_BACK,
        note="Tambahkan jumlah peserta.",
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert article.review_note == "Tambahkan jumlah peserta."
    assert list(Article.objects.sent_back()) == [article]
    assert mailoutbox[-1].to == [writer.email]
    assert "Tambahkan jumlah peserta." in mailoutbox[-1].body


def test_publishing_a_draft_dates_it_now_and_tells_the_writer(
    editor, writer, unit, mailoutbox
):
    article = draft(unit, writer, status=Article.Status.REVIEW)
    before = timezone.now()
    services.article_transition(
        article=article, user=editor, transition=workflow.Transition.PUBLISH
    )
    article.refresh_from_db()
    assert article.is_published_now()
    assert article.published_at >= before
    assert article.reviewed_by == editor
    assert "sudah terbit" in mailoutbox[-1].subject
    assert AuditEvent.objects.filter(action=AuditEvent.Action.PUBLISHED).exists()


def test_publishing_with_a_future_time_schedules(editor, writer, unit):
    later = timezone.now() + datetime.timedelta(days=2)
    article = draft(unit, writer)
    Article.objects.filter(pk=article.pk).update(published_at=later)
    article.refresh_from_db()
    services.article_transition(
        article=article, user=editor, transition=workflow.Transition.PUBLISH
    )
    article.refresh_from_db()
    assert article.is_scheduled
    assert article.published_at == later
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SCHEDULED).exists()


def test_unpublish_and_archive_are_audited(editor, unit):
    live = ArticleFactory(unit=unit)
    other = ArticleFactory(unit=unit)
    services.article_transition(
        article=live, user=editor, transition=workflow.Transition.UNPUBLISH
    )
    services.article_transition(
        article=other, user=editor, transition=workflow.Transition.ARCHIVE
    )
    assert Article.objects.published().count() == 0
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {AuditEvent.Action.UNPUBLISHED, AuditEvent.Action.ARCHIVED} <= actions


def test_review_queue_is_oldest_first(unit, writer):
    now = timezone.now()
    newer = draft(unit, writer, status=Article.Status.REVIEW)
    older = draft(unit, writer, status=Article.Status.REVIEW)
    Article.objects.filter(pk=newer.pk).update(submitted_at=now)
    Article.objects.filter(pk=older.pk).update(
        submitted_at=now - datetime.timedelta(hours=5)
    )
    assert list(Article.objects.in_review()) == [older, newer]


# ---- the admin enforces the same rules ----
def test_contributor_sees_only_their_units_articles(client, writer, unit, other_unit):
    draft(unit, writer, title="Draf unit sendiri")
    secret = draft(other_unit, staff(CONTRIBUTOR, other_unit), title="Draf unit lain")
    client.force_login(writer)
    changelist = client.get(reverse("admin:news_article_changelist"))
    assertContains(changelist, "Draf unit sendiri")
    assertNotContains(changelist, "Draf unit lain")
    change = client.get(reverse("admin:news_article_change", args=[secret.pk]))
    assert change.status_code == 302  # Django's "doesn't exist" redirect
    history = client.get(reverse("admin:news_article_history", args=[secret.pk]))
    assert history.status_code == 404


def test_forged_publish_post_by_contributor_is_refused(client, writer, unit):
    article = draft(unit, writer)
    client.force_login(writer)
    url = reverse("admin:news_article_change", args=[article.pk])
    response = client.post(
        url,
        contributor_form_data(
            client, article, _transition="publish", status="published"
        ),
    )
    assert response.status_code == 302
    assert any("tidak dapat menerbitkan" in m for m in messages_of(response))
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_forged_publish_action_by_contributor_changes_nothing(client, writer, unit):
    article = draft(unit, writer)
    client.force_login(writer)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish", "_selected_action": [article.pk]},
        follow=True,
    )
    assertContains(response, "Hanya editor yang dapat menerbitkan")
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_contributor_submits_from_the_change_form(client, writer, unit, editor):
    article = draft(unit, writer)
    client.force_login(writer)
    page = client.get(reverse("admin:news_article_change", args=[article.pk]))
    assertContains(page, 'value="submit"')
    assertNotContains(page, 'value="publish"')
    response = client.post(
        reverse("admin:news_article_change", args=[article.pk]),
        contributor_form_data(client, article, _transition="submit"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.status == Article.Status.REVIEW


def test_contributor_cannot_edit_once_submitted_or_published(client, writer, unit):
    in_review = draft(unit, writer, status=Article.Status.REVIEW)
    published = ArticleFactory(unit=unit, created_by=writer)
    client.force_login(writer)
    for article in (in_review, published):
        url = reverse("admin:news_article_change", args=[article.pk])
        page = client.get(url)
        assert page.status_code == 200  # read-only view
        assertNotContains(page, 'name="_save"')
        response = client.post(url, {"title": "Diubah diam-diam"})
        assert response.status_code == 403
        article.refresh_from_db()
        assert article.title != "Diubah diam-diam"


def test_editor_actions_go_through_the_workflow(client, editor, unit):
    draft_article = draft(unit, None)
    live = ArticleFactory(unit=unit)
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "archive", "_selected_action": [draft_article.pk, live.pk]},
        follow=True,
    )
    live.refresh_from_db()
    draft_article.refresh_from_db()
    assert live.status == Article.Status.ARCHIVED
    assert draft_article.status == Article.Status.DRAFT
    assertContains(response, "tidak berlaku untuk berita berstatus")


def test_review_queue_in_the_admin_lists_oldest_first(client, editor, unit, writer):
    now = timezone.now()
    for title, hours in [("Kiriman baru", 1), ("Kiriman lama", 9)]:
        article = draft(unit, writer, title=title, status=Article.Status.REVIEW)
        Article.objects.filter(pk=article.pk).update(
            submitted_at=now - datetime.timedelta(hours=hours)
        )
    client.force_login(editor)
    page = client.get(reverse("admin:news_article_changelist"), {"keadaan": "review"})
    text = page.content.decode()
    assert text.index("Kiriman lama") < text.index("Kiriman baru")


def test_leader_reads_but_cannot_change(client, unit, writer):
    leader = staff(LEADER)
    article = draft(unit, writer)
    client.force_login(leader)
    url = reverse("admin:news_article_change", args=[article.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"title": "x"}).status_code == 403
    assert client.get(reverse("admin:news_article_write")).status_code == 403


# ---- revisions ----
def test_every_save_keeps_a_revision_with_compare_and_restore(client, editor, unit):
    article = ArticleFactory(unit=unit, body="<p>Rapat dihadiri 20 orang.</p>")
    article.body = "<p>Rapat dihadiri 35 orang.</p>"
    article._history_user = editor
    article.save()
    newest, oldest = article.history.all()[:2]
    assert newest.history_user == editor
    client.force_login(editor)
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    assertContains(history, "Bandingkan")
    compare = client.get(
        reverse("admin:news_article_compare", args=[article.pk, newest.pk])
    )
    assertContains(compare, "<del>20</del>", html=True)
    assertContains(compare, "<ins>35</ins>", html=True)
    assertContains(compare, "Pulihkan revisi ini")


def test_restoring_a_revision_keeps_the_current_status(client, editor, unit):
    article = ArticleFactory(unit=unit, status=Article.Status.DRAFT, title="Lama")
    old_version = article.history.first()
    services.article_transition(
        article=article, user=editor, transition=workflow.Transition.PUBLISH
    )
    client.force_login(editor)
    url = reverse(
        "admin:news_article_simple_history", args=[article.pk, old_version.pk]
    )
    page = client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {
        name: form[name].value()
        for name in form.fields
        if form[name].value() is not None
    }
    data["published_at_0"] = "2026-01-05"
    data["published_at_1"] = "09:00:00"
    data["tags"] = ""
    data.pop("published_at", None)
    data.pop("featured_image", None)
    data.pop("share_image", None)
    data["allow_comments"] = "on"
    # The article changed after the revision (it was published): restoring
    # is not an edit of a stale copy and is not refused as one.
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.title == "Lama"
    restore = article.history.first()
    assert restore.history_user == editor
    assert restore.history_change_reason == f"Revisi #{old_version.pk} dipulihkan."
    event = AuditEvent.objects.get(action=AuditEvent.Action.RESTORED)
    assert event.object_repr == "Lama" and event.actor == editor


def test_contributor_cannot_restore(client, writer, unit):
    article = draft(unit, writer)
    version = article.history.first()
    client.force_login(writer)
    url = reverse("admin:news_article_simple_history", args=[article.pk, version.pk])
    assert client.get(url).status_code == 403


# ---- the contributor's short form ----
def photo(name):
    return SimpleUploadedFile(
        name, demo_image(name, size=(900, 600)).read(), content_type="image/jpeg"
    )


def test_contributor_writes_and_submits_a_draft_with_three_photos(
    client, writer, unit, editor, mailoutbox
):
    client.force_login(writer)
    form = client.get(reverse("admin:news_article_write"))
    assertContains(form, "Apa yang terjadi?")
    assertContains(form, "Kirim untuk ditinjau")
    response = client.post(
        reverse("admin:news_article_write"),
        {
            "title": "Bimtek PPK Kecamatan Sukamaju",
            "what": "Sebanyak 40 anggota PPK mengikuti bimbingan teknis.\n\n"
            "Materi meliputi rekapitulasi suara.",
            "when": "2026-05-04",
            "where": "Aula Kecamatan",
            "who": "Ketua KPU & 40 anggota PPK",
            "photos": [photo("satu.jpg"), photo("dua.jpg"), photo("tiga.jpg")],
            "_submit": "1",
        },
    )
    assert response.status_code == 302
    article = Article.objects.get(title="Bimtek PPK Kecamatan Sukamaju")
    assert article.status == Article.Status.REVIEW
    assert article.unit == unit
    assert article.created_by == writer
    assert article.writer == "Dimas Prasetyo"
    # The first photo is the featured one, the others the gallery: each once.
    assert article.featured_image
    assert article.photos.count() == 2
    # The opening is the lead, the rest the body: each sentence once.
    assert article.lead == "Sebanyak 40 anggota PPK mengikuti bimbingan teknis."
    assert "bimbingan teknis" not in article.body
    assert "<p>Materi meliputi rekapitulasi suara.</p>" in article.body
    assert "Ketua KPU &amp; 40 anggota PPK" in article.body
    assert "Aula Kecamatan" in article.body
    assert mailoutbox[-1].to == [editor.email]


def test_draft_preview_shows_the_story_and_each_photo_once(client, writer, editor):
    story = (
        "Sebanyak 40 anggota PPK mengikuti bimbingan teknis rekapitulasi suara di "
        "aula kecamatan selama dua hari penuh. Kegiatan dibuka oleh Ketua KPU "
        "Kabupaten yang menekankan ketelitian dalam setiap tahapan penghitungan "
        "suara. Peserta juga berlatih mengisi formulir hasil penghitungan."
    )
    client.force_login(writer)
    client.post(
        reverse("admin:news_article_write"),
        {
            "title": "Bimtek Rekapitulasi",
            "what": story,
            "when": "2026-05-04",
            "photos": [photo("satu.jpg"), photo("dua.jpg")],
        },
    )
    article = Article.objects.get(title="Bimtek Rekapitulasi")
    client.force_login(editor)
    page = client.get(article.get_absolute_url()).content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    for sentence in story.split(". "):
        assert main.count(sentence.rstrip(".")) == 1, sentence
    assert article.lead.startswith("Sebanyak 40 anggota")
    # Two photos: one featured, one in the gallery.
    assert article.featured_image and article.photos.count() == 1


def test_a_short_story_without_facts_is_the_body(client, writer):
    client.force_login(writer)
    client.post(
        reverse("admin:news_article_write"),
        {"title": "Rapat singkat", "what": "Rapat digelar.", "when": ""},
    )
    article = Article.objects.get(title="Rapat singkat")
    assert article.body == "<p>Rapat digelar.</p>" and article.lead == ""


def test_draft_form_errors_are_kind_and_keep_the_input(client, writer):
    client.force_login(writer)
    response = client.post(
        reverse("admin:news_article_write"),
        {
            "title": "",
            "what": "Cerita kegiatan.",
            "photos": [
                SimpleUploadedFile("bukan-foto.jpg", b"teks biasa", "image/jpeg")
            ],
        },
    )
    assert response.status_code == 200
    assertContains(response, "Beri judul singkat")
    assertContains(response, "bukan-foto.jpg")
    assertContains(response, "Cerita kegiatan.")
    assert not Article.objects.exists()


def field_block(response, name):
    """The HTML of the draft form's block for field ``name`` (label to input)."""
    page = response.content.decode()
    end = page.index(f'name="{name}"')
    return page[page.rindex('<div class="humas-field', 0, end) : end]


def test_one_rejected_photo_names_the_good_ones_to_choose_again(client, writer):
    """The browser empties the file input: the form says which photos to pick."""
    client.force_login(writer)
    response = client.post(
        reverse("admin:news_article_write"),
        {
            "title": "Bimtek PPK",
            "what": "Cerita kegiatan.",
            "photos": [
                photo("satu.jpg"),
                SimpleUploadedFile("rusak.jpg", b"teks biasa", "image/jpeg"),
                photo("tiga.jpg"),
            ],
            "_submit": "1",
        },
    )
    assert response.status_code == 200
    assert not Article.objects.exists()
    block = field_block(response, "photos")
    assert "rusak.jpg: Unggah gambar yang valid." in block
    assert "Pilih lagi “satu.jpg” dan “tiga.jpg” sebelum menyimpan." in block
    assert "belum tersimpan" in block
    assertContains(response, "Foto perlu dipilih lagi")


def test_photos_of_a_form_sent_back_for_another_field_are_named(client, writer):
    client.force_login(writer)
    response = client.post(
        reverse("admin:news_article_write"),
        {
            "title": "",
            "what": "Cerita kegiatan.",
            "photos": [photo("satu.jpg"), photo("dua.jpg"), photo("tiga.jpg")],
        },
    )
    assert response.status_code == 200
    assert "Beri judul singkat" in field_block(response, "title")
    assert "Pilih lagi “satu.jpg”, “dua.jpg” dan “tiga.jpg” sebelum menyimpan." in (
        field_block(response, "photos")
    )


@contextlib.contextmanager
def file_size_limit(limit):
    """The kernel refuses to write any file past ``limit`` bytes (EFBIG), as
    a full disk or quota would (Python ignores SIGXFSZ)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def noise_photo(name):
    """A JPEG of random pixels: it does not compress, so it is large."""
    image = Image.frombytes("RGB", (500, 400), os.urandom(500 * 400 * 3))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def test_draft_refused_by_a_full_disk_keeps_the_text_and_leaves_no_file(
    client, writer, media_root
):
    client.force_login(writer)
    small, large = photo("kecil.jpg"), noise_photo("besar.jpg")
    assert small.size < 64 * 1024 < large.size
    with file_size_limit(64 * 1024):
        response = client.post(
            reverse("admin:news_article_write"),
            {
                "title": "Rapat saat disk penuh",
                "what": "Teks yang tidak boleh hilang.",
                "photos": [small, large],
            },
        )
    assert response.status_code == 200
    assertContains(response, "ruang penyimpanan server penuh")
    assertContains(response, "Rapat saat disk penuh")
    assertContains(response, "Teks yang tidak boleh hilang.")
    assert not Article.objects.exists()
    # The photos written before the refusal and the half-written one are gone.
    assert [p for p in media_root.rglob("*") if p.is_file()] == []


def test_deleting_in_the_admin_moves_the_article_to_the_archive(
    client, editor, unit, writer
):
    article = draft(unit, writer, status=Article.Status.PUBLISHED, title="Rakor Pleno")
    ArticleFactory(title="Berita lain", unit=unit)
    client.force_login(editor)
    url = reverse("admin:news_article_delete", args=[article.pk])
    page = client.get(url)
    # The page says what happens, and lists nothing as deleted.
    assertContains(page, "«Rakor Pleno» akan dipindahkan ke arsip")
    assertContains(page, "Ya, pindahkan ke arsip")
    assertNotContains(page, "deleted-objects")
    assertNotContains(page, "akan dihapus")
    response = client.post(url, {"post": "yes"}, follow=True)
    text = " ".join(messages_of(response))
    assert "«Rakor Pleno» dipindahkan ke arsip" in text
    assert "Pulihkan dari arsip" in text
    assert "dihapus" not in text.replace("tidak dihapus", "")
    article.refresh_from_db()
    assert article.status == Article.Status.ARCHIVED
    assert Client().get(article.get_absolute_url()).status_code == 404  # public
    assert AuditEvent.objects.filter(action=AuditEvent.Action.DELETED).exists()
    # An editor cannot delete it again (only a superuser empties the archive).
    assert client.get(url).status_code == 403


def test_bulk_delete_action_archives_and_says_so(client, editor, unit, writer):
    articles = [draft(unit, writer, title=f"Rakor {n}") for n in range(2)]
    client.force_login(editor)
    changelist = client.get(reverse("admin:news_article_changelist"))
    assertNotContains(changelist, 'value="delete_selected"')
    assertContains(changelist, "Hapus dari situs (pindahkan ke arsip)")
    assertNotContains(changelist, "Hapus permanen dari arsip")  # superusers only
    response = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "move_to_archive", "_selected_action": [a.pk for a in articles]},
        follow=True,
    )
    assert "2 berita diproses: Hapus (pindahkan ke arsip)." in messages_of(response)
    assert set(Article.objects.values_list("status", flat=True)) == {"archived"}


def test_archived_article_is_restored_as_a_draft(client, editor, unit, writer):
    article = draft(unit, writer, status=Article.Status.ARCHIVED)
    client.force_login(editor)
    client.post(
        reverse("admin:news_article_changelist"),
        {"action": "restore", "_selected_action": [article.pk]},
    )
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    assert AuditEvent.objects.filter(action=AuditEvent.Action.UNARCHIVED).exists()


def test_contributors_cannot_delete_or_restore(writer, unit):
    article = draft(unit, writer)
    for transition in (workflow.Transition.DELETE, workflow.Transition.RESTORE):
        with pytest.raises(workflow.TransitionRefused, match="Hanya editor"):
            services.article_transition(
                article=article, user=writer, transition=transition
            )


def test_only_a_superuser_empties_the_archive_for_good(admin_client, unit, writer):
    article = draft(unit, writer, status=Article.Status.ARCHIVED)
    url = reverse("admin:news_article_delete", args=[article.pk])
    assertContains(admin_client.get(url), "menghapus permanen")
    admin_client.post(url, {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()


def test_plain_saves_of_a_published_article_record_no_change(client, editor, unit):
    from tests.humas_site.test_edit_conflicts import submitted_form

    article = draft(unit, editor)
    services.article_transition(
        article=article, user=editor, transition=workflow.Transition.PUBLISH
    )
    client.force_login(editor)
    url = reverse("admin:news_article_change", args=[article.pk])
    published_at = Article.objects.get(pk=article.pk).published_at
    for _save in range(2):
        assert client.post(url, submitted_form(client.get(url))).status_code == 302
    assert Article.objects.get(pk=article.pk).published_at == published_at
    newest, previous = article.history.all()[:2]
    assert newest.diff_against(previous).changed_fields == []
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    assertContains(history, "<strong>Waktu terbit</strong>", count=1)  # publishing


def test_compare_shows_times_in_the_office_zone_in_indonesian(client, editor, unit):
    from tests.factories import InstitutionProfileFactory

    InstitutionProfileFactory(time_zone="Asia/Makassar")
    with time_machine.travel("2026-11-03 01:00:00+00:00", tick=False):
        article = ArticleFactory(
            unit=unit,
            published_at=datetime.datetime(2026, 11, 2, 1, 0, tzinfo=datetime.UTC),
        )
    with time_machine.travel("2026-11-03 02:30:00+00:00", tick=False):
        article.published_at = datetime.datetime(
            2026, 11, 4, 23, 0, tzinfo=datetime.UTC
        )
        article._history_user = editor
        article.save()
    client.force_login(editor)
    newest = article.history.first()
    compare = client.get(
        reverse("admin:news_article_compare", args=[article.pk, newest.pk])
    )
    text = compare.content.decode()
    # 2 Nov 01.00 UTC and 4 Nov 23.00 UTC, in WITA (UTC+8):
    assert "<del>Senin, 2 November 2026 · 09.00 WITA</del>" in text
    assert "<ins>Kamis, 5 November 2026 · 07.00 WITA</ins>" in text
    assert "+00:00" not in text
    # The revisions themselves: 3 Nov 09.00 and 10.30 WITA.
    assert "Selasa, 3 November 2026 · 10.30 WITA" in text
    history = client.get(reverse("admin:news_article_history", args=[article.pk]))
    assertContains(history, "Selasa, 3 November 2026 · 09.00 WITA")


def test_superuser_purges_only_archived_articles_after_confirming(
    admin_client, unit, writer
):
    archived = draft(unit, writer, status=Article.Status.ARCHIVED)
    live = draft(unit, writer, status=Article.Status.PUBLISHED)
    url = reverse("admin:news_article_changelist")
    data = {"action": "purge_archive", "_selected_action": [archived.pk, live.pk]}
    confirm = admin_client.post(url, data)
    # Django's confirmation, listing only what is really deleted.
    assertContains(confirm, archived.title)
    assertNotContains(confirm, live.title)
    admin_client.post(url, {**data, "post": "yes"})
    assert list(Article.objects.all()) == [live]
