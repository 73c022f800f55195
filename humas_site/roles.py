"""Staff roles as Django groups, with their permissions.

The groups are created by a data migration (humas_site 0003) and brought up to
date by ``manage.py sync_roles`` (also run by ``seed_demo``) whenever apps add
models. Permissions are looked up by app and codename, so a role picks up the
models of apps as they are added.

- Administrator: everything, including accounts, roles, units and the profile.
- Editor (humas team): all content (news, agenda, meetings, comments, static
  pages), publishing and unpublishing; no accounts, no audit log.
- Kontributor (staff of a unit): writes news drafts of their own unit and
  uploads photos; never publishes (``news.admin`` and ``news.workflow`` narrow
  this to their unit's drafts).
- Pimpinan (head of office): reads everything, the dashboard's statistics and
  the audit log; changes nothing.
"""

from django.db.models import Q

ADMINISTRATOR = "Administrator"
EDITOR = "Editor"
CONTRIBUTOR = "Kontributor"
LEADER = "Pimpinan"
ROLES = (ADMINISTRATOR, EDITOR, CONTRIBUTOR, LEADER)

CONTENT_APPS = ["news", "agendas", "meetings", "flatpages", "taggit", "django_comments"]

# Who may publish: the permission the workflow checks.
PUBLISH_PERMISSION = "news.publish_article"
# Who sees the publishing statistics and the audit log on the dashboard.
STATISTICS_PERMISSION = "humas_site.view_statistics"


def _permissions_for(role, Permission):
    if role == ADMINISTRATOR:
        return Permission.objects.all()
    if role == EDITOR:
        return Permission.objects.filter(
            Q(content_type__app_label__in=CONTENT_APPS)
            | Q(content_type__app_label="humas_site", codename="view_unit")
        )
    if role == LEADER:
        return Permission.objects.filter(
            Q(content_type__app_label__in=[*CONTENT_APPS, "humas_site"])
            & (Q(codename__startswith="view_"))
        )
    # Contributors write news drafts and upload photos; they publish nothing,
    # delete nothing and do not touch categories.
    return Permission.objects.filter(
        Q(
            content_type__app_label="news",
            codename__in=[
                "add_article",
                "change_article",
                "view_article",
                "add_articlephoto",
                "change_articlephoto",
                "delete_articlephoto",
                "view_articlephoto",
                "view_category",
            ],
        )
        | Q(content_type__app_label="taggit", codename__in=["add_tag", "view_tag"])
        | Q(content_type__app_label="humas_site", codename="view_unit")
    )


def sync_roles(apps=None):
    """Create the four role groups and set their permissions; return them by name.

    ``apps`` is the migration state when called from a data migration.
    """
    if apps is None:
        from django.contrib.auth.models import Group, Permission
    else:
        Group = apps.get_model("auth", "Group")
        Permission = apps.get_model("auth", "Permission")
    groups = {}
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions_for(role, Permission))
        groups[role] = group
    return groups


def staff_by_role(*, is_superuser, role_names):
    """Whether an account is staff (may log in to the admin): it holds one of
    the roles, or it is a superuser. ``role_names`` are its group names."""
    return is_superuser or any(name in ROLES for name in role_names)


def can_publish(user):
    return user.is_active and user.has_perm(PUBLISH_PERMISSION)


def sees_statistics(user):
    """Administrators and Pimpinan: statistics per unit and the audit log."""
    return user.is_active and user.has_perm(STATISTICS_PERMISSION)


def staff_unit(user):
    """The unit of ``user``'s staff profile, or None."""
    profile = getattr(user, "staff_profile", None) if user.is_authenticated else None
    return profile.unit if profile else None
