"""IMIX staff (Editors and Moderators) manage the navigation menus and the funders, in every language."""

from django.db import migrations

from home.staff_permissions import staff_may_manage


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_customimage_quarantined_at"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*staff_may_manage("home", ["navigationmenu", "funder"]))]
