"""Create the four role groups with their permissions (see humas_site/roles.py).

Permissions are normally created after all migrations ran (post_migrate); they
are created here first so that the groups get them on a fresh database. Later
models are added to the roles by ``manage.py sync_roles``.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from humas_site.roles import sync_roles

    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0, apps=apps)
    sync_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("humas_site", "0002_staff_profile_audit_event"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0004_article_workflow_history"),
        ("agendas", "0002_event_meeting_article"),
        ("meetings", "0001_initial"),
        ("flatpages", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
