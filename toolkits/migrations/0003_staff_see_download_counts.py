"""IMIX staff (the Editors and Moderators groups) may see the toolkit download report."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

STAFF_GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    # Permissions are normally made after all migrations have run; make this app's now.
    app_config = apps.get_app_config("toolkits")
    app_config.models_module = True  # historical app configs lack it; create_permissions skips apps without
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="toolkits", codename="view_documentdownload")
    for group in Group.objects.filter(name__in=STAFF_GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for permission in Permission.objects.filter(content_type__app_label="toolkits", codename="view_documentdownload"):
        for group in Group.objects.filter(name__in=STAFF_GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("toolkits", "0002_member_documents_collection"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
