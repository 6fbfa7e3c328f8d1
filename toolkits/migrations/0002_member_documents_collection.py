"""The "Member documents" collection, restricted to the Members group: documents put in it are served only to
members (toolkits.documents answers everyone else with a 403)."""

from django.db import migrations

COLLECTION_NAME = "Member documents"


def create_member_documents(apps, schema_editor):
    from wagtail.models import Collection, CollectionViewRestriction

    Group = apps.get_model("auth", "Group")
    group, _created = Group.objects.get_or_create(name="Members")
    root = Collection.get_first_root_node()
    if root is None:
        root = Collection.add_root(name="Root")
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.filter(
        collection_id=collection.pk, restriction_type=CollectionViewRestriction.GROUPS
    ).first()
    if restriction is None:
        restriction = CollectionViewRestriction.objects.create(
            collection_id=collection.pk, restriction_type=CollectionViewRestriction.GROUPS
        )
    restriction.groups.add(group.pk)


class Migration(migrations.Migration):
    dependencies = [
        ("toolkits", "0001_initial"),
        ("members", "0003_members_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_member_documents, migrations.RunPython.noop)]
