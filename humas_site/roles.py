"""Staff roles as Django groups, with their permissions.

Permissions are looked up by app and codename, so a role picks up the models
of apps as they are added; run ``manage.py seed_demo`` (or call
``sync_roles()``) after migrating to bring the groups up to date.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

ADMINISTRATOR = "Administrator"
EDITOR = "Editor"
CONTRIBUTOR = "Kontributor"
LEADER = "Pimpinan"

CONTENT_APPS = ["news", "agendas", "meetings", "flatpages", "taggit", "sites"]


def _permissions_for(role):
    if role == ADMINISTRATOR:
        return Permission.objects.all()
    if role == EDITOR:
        return Permission.objects.filter(content_type__app_label__in=CONTENT_APPS)
    if role == LEADER:
        return Permission.objects.filter(codename__startswith="view_")
    # Contributors write news drafts and upload photos; they publish nothing.
    return Permission.objects.filter(
        Q(content_type__app_label="news", codename__regex=r"^(add|change|view)_")
        & ~Q(codename__in=["change_category", "add_category"])
        | Q(content_type__app_label="taggit", codename__in=["add_tag", "view_tag"])
        | Q(content_type__app_label="humas_site", codename="view_unit")
    )


def sync_roles():
    """Create the four role groups and set their permissions; return them by name."""
    groups = {}
    for role in (ADMINISTRATOR, EDITOR, CONTRIBUTOR, LEADER):
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions_for(role))
        groups[role] = group
    return groups
