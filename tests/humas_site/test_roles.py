"""Roles are groups with permissions; new accounts choose their own password."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from humas_site.models import AuditEvent, StaffProfile
from humas_site.roles import ADMINISTRATOR, CONTRIBUTOR, EDITOR, LEADER, sync_roles
from tests.factories import StaffFactory, UnitFactory

pytestmark = pytest.mark.django_db

PASSWORD = "sandi-uji-coba-123"


def perms(role):
    return {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Group.objects.get(name=role).permissions.select_related("content_type")
    }


def test_migrating_creates_the_four_roles():
    # No sync_roles() call here: the groups come from humas_site 0003 and are
    # completed after every migrate (post_migrate).
    assert set(Group.objects.values_list("name", flat=True)) >= {
        ADMINISTRATOR,
        EDITOR,
        CONTRIBUTOR,
        LEADER,
    }
    assert perms(ADMINISTRATOR) == {
        f"{p.content_type.app_label}.{p.codename}"
        for p in Permission.objects.select_related("content_type")
    }


def test_editors_publish_and_moderate_but_manage_no_accounts():
    editor = perms(EDITOR)
    assert {
        "news.publish_article",
        "news.change_article",
        "news.delete_article",
        "agendas.change_event",
        "meetings.change_meeting",
    } <= editor
    assert "auth.change_user" not in editor
    assert "humas_site.view_auditevent" not in editor
    assert "humas_site.change_institutionprofile" not in editor


def test_contributors_write_drafts_but_never_publish():
    contributor = perms(CONTRIBUTOR)
    assert {"news.add_article", "news.change_article", "news.add_articlephoto"} <= (
        contributor
    )
    assert "news.publish_article" not in contributor
    assert "news.delete_article" not in contributor
    assert not any(p.startswith(("agendas.", "meetings.")) for p in contributor)


def test_leaders_only_read_and_see_statistics_and_audit_log():
    leader = perms(LEADER)
    assert all(p.split(".")[1].startswith("view_") for p in leader)
    assert {"humas_site.view_auditevent", "humas_site.view_statistics"} <= leader
    assert "news.view_article" in leader


def test_audit_log_has_no_write_permissions_at_all():
    codenames = set(
        Permission.objects.filter(content_type__model="auditevent").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"view_auditevent", "view_statistics"}


def test_sync_roles_command_restores_permissions(capsys):
    Group.objects.get(name=EDITOR).permissions.clear()
    call_command("sync_roles")
    assert "news.publish_article" in perms(EDITOR)
    assert "Editor:" in capsys.readouterr().out
    before = {name: set(perms(name)) for name in (EDITOR, CONTRIBUTOR)}
    sync_roles()
    assert {name: set(perms(name)) for name in before} == before


def test_administrator_creates_an_account_with_role_and_unit(admin_client):
    unit = UnitFactory(name="Divisi Teknis")
    response = admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "operator.baru",
            "first_name": "Sari",
            "last_name": "Lestari",
            "email": "sari@contoh.example",
            "usable_password": "true",
            "password1": "sementara-2026-xyz",
            "password2": "sementara-2026-xyz",
            "groups": [Group.objects.get(name=CONTRIBUTOR).pk],
            "staff_profile-TOTAL_FORMS": "1",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
            "staff_profile-0-unit": unit.pk,
            "staff_profile-0-position": "Staf Teknis",
            "staff_profile-0-phone": "0812",
            "staff_profile-0-must_change_password": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = get_user_model().objects.get(username="operator.baru")
    assert user.is_staff
    assert user.groups.get().name == CONTRIBUTOR
    assert user.staff_profile.unit == unit
    assert user.staff_profile.must_change_password
    event = AuditEvent.objects.get(action=AuditEvent.Action.ROLE_CHANGED)
    assert event.object_repr == "operator.baru"
    assert "Kontributor" in event.message
    assert event.actor_name == "admin"


def add_account(admin_client, username, groups=(), **extra):
    return admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": username,
            "usable_password": "true",
            "password1": "sementara-2026-xyz",
            "password2": "sementara-2026-xyz",
            "groups": [Group.objects.get(name=name).pk for name in groups],
            "staff_profile-TOTAL_FORMS": "1",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
            "staff_profile-0-must_change_password": "on",
            **extra,
        },
        follow=True,
    )


def test_new_account_with_a_role_logs_in_and_is_told_what_to_do(admin_client):
    unit = UnitFactory(name="Divisi Teknis")
    form = admin_client.get(reverse("admin:auth_user_add"))
    assertContains(form, "membuat sandi sendiri")
    assertContains(form, "verifikasi dua langkah")
    assertNotContains(form, 'name="is_staff"')  # follows the role, no checkbox
    response = add_account(
        admin_client,
        "operator.baru",
        [CONTRIBUTOR],
        **{"staff_profile-0-unit": unit.pk},
    )
    message = " ".join(str(m) for m in response.context["messages"])
    assert "login di http://testserver/admin/login/" in message
    assert "«operator.baru»" in message and "kode cadangan" in message

    newcomer = Client()
    response = newcomer.post(
        reverse("admin:login"),
        {"username": "operator.baru", "password": "sementara-2026-xyz"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("admin:password_change")
    assertNotContains(response, "sandi yang benar")


def test_account_without_a_role_is_not_staff_and_the_admin_is_warned(admin_client):
    response = add_account(admin_client, "tanpa.peran")
    assert not get_user_model().objects.get(username="tanpa.peran").is_staff
    assertContains(response, "belum punya peran")


def test_taking_every_role_away_ends_staff_status(admin_client):
    user = StaffFactory(username="mantan", is_staff=False)
    editor, leader = Group.objects.get(name=EDITOR), Group.objects.get(name=LEADER)
    user.groups.add(editor, leader)
    assert get_user_model().objects.get(pk=user.pk).is_staff and user.is_staff
    user.groups.remove(editor)
    assert get_user_model().objects.get(pk=user.pk).is_staff
    user.groups.remove(leader)
    assert not get_user_model().objects.get(pk=user.pk).is_staff
    editor.user_set.add(user)  # from the group's side too
    assert get_user_model().objects.get(pk=user.pk).is_staff
    # Through the user form: no role left, no staff status (superusers keep it).
    page = admin_client.get(reverse("admin:auth_user_change", args=[user.pk]))
    assertContains(page, "Status staf mengikuti peran")
    data = {
        "username": "mantan",
        "is_active": "on",
        "groups": [],
        "date_joined_0": "2026-01-05",
        "date_joined_1": "09:00:00",
        "initial-date_joined_0": "2026-01-05",
        "initial-date_joined_1": "09:00:00",
        "staff_profile-TOTAL_FORMS": "0",
        "staff_profile-INITIAL_FORMS": "0",
        "staff_profile-MIN_NUM_FORMS": "0",
        "staff_profile-MAX_NUM_FORMS": "1",
    }
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[user.pk]), data
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    assert not get_user_model().objects.get(pk=user.pk).is_staff
    data["is_superuser"] = "on"
    admin_client.post(reverse("admin:auth_user_change", args=[user.pk]), data)
    assert get_user_model().objects.get(pk=user.pk).is_staff


def test_account_created_without_touching_the_profile_still_must_change_password(
    admin_client,
):
    admin_client.post(
        reverse("admin:auth_user_add"),
        {
            "username": "operator.dua",
            "usable_password": "true",
            "password1": "sementara-2026-xyz",
            "password2": "sementara-2026-xyz",
            "staff_profile-TOTAL_FORMS": "1",
            "staff_profile-INITIAL_FORMS": "0",
            "staff_profile-MIN_NUM_FORMS": "0",
            "staff_profile-MAX_NUM_FORMS": "1",
            "staff_profile-0-must_change_password": "on",
        },
    )
    user = get_user_model().objects.get(username="operator.dua")
    assert StaffProfile.objects.get(user=user).must_change_password


def test_new_account_must_set_its_own_password_first(client):
    user = StaffFactory(username="baru")
    StaffProfile.objects.create(user=user, must_change_password=True)
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.url == reverse("admin:password_change")
    assert client.get(reverse("admin:password_change")).status_code == 200
    response = client.post(
        reverse("admin:password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "sandi-pilihan-sendiri-77",
            "new_password2": "sandi-pilihan-sendiri-77",
        },
    )
    assert response.status_code == 302
    user.staff_profile.refresh_from_db()
    assert not user.staff_profile.must_change_password
    assert client.get(reverse("admin:index")).status_code == 200
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.PASSWORD_CHANGED, actor=user
    ).exists()


def test_password_set_by_an_administrator_is_temporary_again(admin_client):
    user = StaffFactory(username="lupa")
    StaffProfile.objects.create(user=user, must_change_password=False)
    response = admin_client.post(
        reverse("admin:auth_user_password_change", args=[user.pk]),
        {
            "password1": "sementara-baru-2026",
            "password2": "sementara-baru-2026",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    user.staff_profile.refresh_from_db()
    assert user.staff_profile.must_change_password


def test_user_list_shows_roles_and_units(admin_client):
    unit = UnitFactory(name="Sekretariat Contoh")
    user = StaffFactory(username="rina")
    user.groups.add(Group.objects.get(name=EDITOR))
    StaffProfile.objects.create(user=user, unit=unit, must_change_password=False)
    page = admin_client.get(reverse("admin:auth_user_changelist"))
    content = page.content.decode()
    assert "Sekretariat Contoh" in content and "Editor" in content
    filtered = admin_client.get(
        reverse("admin:auth_user_changelist"), {"peran": EDITOR}
    )
    assert "rina" in filtered.content.decode()
