"""The staff who decide applications to join: they may open the admin and approve or decline, and are emailed
about each new application (settings.MEMBERSHIP_APPROVERS_GROUP names the group). Until now only superusers
could decide, so a new application depended on one of them happening to look."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Membership approvers"
PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("members", "view_membershipapplication"),
    ("members", "change_membershipapplication"),
]


def create_group(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make this app's now (Wagtail's migration
    # already made access_admin).
    app_config = apps.get_app_config("members")
    app_config.models_module = True  # historical app configs lack it; create_permissions skips apps without
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    for app_label, codename in PERMISSIONS:
        group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_plural_names"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
