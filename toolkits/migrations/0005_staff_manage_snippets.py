"""IMIX staff (Editors and Moderators) manage toolkit topics, in every language."""

from django.db import migrations

from home.staff_permissions import staff_may_manage


class Migration(migrations.Migration):
    dependencies = [
        ("toolkits", "0004_document_languages"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(*staff_may_manage("toolkits", ["topic"]))]
