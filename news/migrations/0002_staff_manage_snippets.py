"""IMIX staff (Editors and Moderators) manage blog authors and categories, in every language."""

from django.db import migrations

from home.staff_permissions import staff_may_manage


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*staff_may_manage("news", ["author", "blogcategory"]))]
