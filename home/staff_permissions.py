"""What IMIX staff (Wagtail's Editors and Moderators groups) may manage besides pages, granted by migrations.

Each app's migration grants its own snippets: `migrations.RunPython(*staff_may_manage("news", ["author"]))`.
"""

from django.contrib.auth.management import create_permissions

STAFF_GROUPS = ["Editors", "Moderators"]
ACTIONS = ["add", "change", "delete"]


def _permissions(apps, app_label, model_names):
    Permission = apps.get_model("auth", "Permission")
    codenames = [f"{action}_{model}" for model in model_names for action in ACTIONS]
    return Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)


def staff_may_manage(app_label, model_names):
    """A (forwards, backwards) pair for RunPython: staff may add, change and delete these models."""

    def grant(apps, schema_editor):
        # Permissions are normally made after all migrations have run; make this app's now.
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True  # historical app configs lack it; create_permissions skips apps without
        create_permissions(app_config, apps=apps, verbosity=0)
        permissions = list(_permissions(apps, app_label, model_names))
        for group in apps.get_model("auth", "Group").objects.filter(name__in=STAFF_GROUPS):
            group.permissions.add(*permissions)

    def revoke(apps, schema_editor):
        permissions = list(_permissions(apps, app_label, model_names))
        for group in apps.get_model("auth", "Group").objects.filter(name__in=STAFF_GROUPS):
            group.permissions.remove(*permissions)

    return grant, revoke
