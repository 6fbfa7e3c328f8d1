"""The Safeguarding group, its permissions, the "Consent forms" collection only it can open, and the
"Safeguarding review" workflow every story passes through (JourneyPage.get_workflow returns it)."""

from django.db import migrations

GROUP_NAME = "Safeguarding"
WORKFLOW_NAME = "Safeguarding review"
COLLECTION_NAME = "Consent forms"

MODEL_PERMISSIONS = {
    "consentrecord": ["add", "change", "view", "withdraw_consent"],
    "storytellerrequest": ["change", "view"],
    "storysubmission": ["change", "view", "delete", "review_storysubmission"],
}


def create_safeguarding(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    from wagtail.models import Collection, CollectionViewRestriction

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    SafeguardingReviewTask = apps.get_model("journeys", "SafeguardingReviewTask")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for model_name, actions in MODEL_PERMISSIONS.items():
        for action in actions:
            codename = action if action in ("withdraw_consent", "review_storysubmission") else f"{action}_{model_name}"
            group.permissions.add(
                Permission.objects.get(content_type__app_label="journeys", codename=codename)
            )

    root = Collection.get_first_root_node()
    if root is None:
        root = Collection.add_root(name="Root")
    collection = root.get_children().filter(name=COLLECTION_NAME).first()
    if collection is None:
        collection = root.add_child(name=COLLECTION_NAME)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection_id=collection.pk, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(group.pk)
    for codename in ("add_document", "change_document", "choose_document"):
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection_id=collection.pk,
            permission=Permission.objects.get(content_type__app_label="wagtaildocs", codename=codename),
        )

    task = SafeguardingReviewTask.objects.filter(name=WORKFLOW_NAME).first()
    if task is None:
        task = SafeguardingReviewTask.objects.create(
            name=WORKFLOW_NAME,
            active=True,
            content_type=ContentType.objects.get(app_label="journeys", model="safeguardingreviewtask"),
        )
    task.groups.add(group)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})


class Migration(migrations.Migration):
    dependencies = [
        ("journeys", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_safeguarding, migrations.RunPython.noop)]
