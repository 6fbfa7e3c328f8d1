"""IMIX staff (Editors and Moderators) manage the Human Journeys themes, in every language."""

from django.db import migrations

from home.staff_permissions import staff_may_manage


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0002_safeguarding_group_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*staff_may_manage("journeys", ["journeytheme"]))]
