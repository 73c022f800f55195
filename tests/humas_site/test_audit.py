"""The audit log records logins, failures, deletions and hand-overs; nobody edits it."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from pytest_django.asserts import assertContains

from humas_site.models import AuditEvent, StaffProfile
from humas_site.roles import EDITOR, LEADER
from news.models import Article
from tests.factories import ArticleFactory, StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-coba-123"


def staff(role, **kwargs):
    user = StaffFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    StaffProfile.objects.create(user=user, must_change_password=False)
    return user


def test_login_and_failed_login_are_recorded(client):
    user = StaffFactory(username="operator")
    client.post("/admin/login/", {"username": "operator", "password": "salah-sandi"})
    failed = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN_FAILED)
    assert failed.message == "operator"
    assert failed.actor is None
    assert failed.actor_name == "operator"  # the username that was tried
    assert "salah-sandi" not in str(failed.__dict__)
    client.post("/admin/login/", {"username": "operator", "password": PASSWORD})
    login = AuditEvent.objects.get(action=AuditEvent.Action.LOGIN)
    assert login.actor == user
    assert login.ip_address == "127.0.0.1"


def test_deletion_through_the_admin_names_who_deleted(client):
    editor = staff(EDITOR, username="rina")
    article = ArticleFactory(title="Berita salah tayang")
    client.force_login(editor)
    response = client.post(
        reverse("admin:news_article_delete", args=[article.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=AuditEvent.Action.DELETED)
    assert event.actor == editor
    assert event.object_repr == "Berita salah tayang"


def test_role_removal_is_recorded(admin_client):
    user = staff(EDITOR, username="mantan.editor")
    user.groups.clear()
    event = AuditEvent.objects.filter(action=AuditEvent.Action.ROLE_CHANGED).first()
    assert "dicabut" in event.message and "Editor" in event.message


def test_nobody_can_edit_the_audit_log_in_the_admin(admin_client):
    event = AuditEvent.objects.create(action=AuditEvent.Action.LOGIN, actor_name="x")
    assert (
        admin_client.get(reverse("admin:humas_site_auditevent_add")).status_code == 403
    )
    change_url = reverse("admin:humas_site_auditevent_change", args=[event.pk])
    page = admin_client.get(change_url)
    assert page.status_code == 200  # view only
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.post(change_url, {"action": "logout"}).status_code == 403
    delete_url = reverse("admin:humas_site_auditevent_delete", args=[event.pk])
    assert admin_client.post(delete_url, {"post": "yes"}).status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk, action="login").exists()


def test_leader_reads_the_audit_log_editor_does_not(client):
    AuditEvent.objects.create(action=AuditEvent.Action.PUBLISHED, actor_name="rina")
    client.force_login(staff(LEADER))
    assert (
        client.get(reverse("admin:humas_site_auditevent_changelist")).status_code == 200
    )
    client.force_login(staff(EDITOR))
    assert (
        client.get(reverse("admin:humas_site_auditevent_changelist")).status_code == 403
    )


def test_handover_command_moves_content_and_is_audited(capsys):
    departing = StaffFactory(username="pindah")
    successor = StaffFactory(username="penerus")
    ArticleFactory.create_batch(2, created_by=departing)
    call_command("handover_content", "pindah", "penerus")
    assert Article.objects.filter(created_by=successor).count() == 2
    assert not Article.objects.filter(created_by=departing).exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.HANDOVER)
    assert event.object_repr == "pindah"
    assert "2 konten" in event.message
    assert "2 konten dialihkan" in capsys.readouterr().out


def test_handover_admin_action(admin_client):
    departing = StaffFactory(username="pindah")
    successor = StaffFactory(username="penerus")
    ArticleFactory(created_by=departing)
    url = reverse("admin:auth_user_changelist")
    confirm = admin_client.post(
        url, {"action": "hand_over_content", "_selected_action": [departing.pk]}
    )
    assert "Alihkan konten" in confirm.content.decode()
    admin_client.post(
        url,
        {
            "action": "hand_over_content",
            "_selected_action": [departing.pk],
            "apply": "1",
            "successor": successor.pk,
        },
    )
    assert Article.objects.get().created_by == successor
    assert (
        AuditEvent.objects.get(action=AuditEvent.Action.HANDOVER).actor_name == "admin"
    )


def test_failed_login_shows_the_tried_username_in_the_log_and_dashboard(
    client, admin_client
):
    client.post("/admin/login/", {"username": "tamu.iseng", "password": "salah"})
    log = admin_client.get(reverse("admin:humas_site_auditevent_changelist"))
    assertContains(log, '<td class="field-actor_name">tamu.iseng</td>', html=True)
    dashboard = admin_client.get(reverse("admin:index"))
    assertContains(dashboard, "tamu.iseng: Login gagal")
