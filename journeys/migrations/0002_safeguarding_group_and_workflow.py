"""The Safeguarding group, its permissions, and the "Safeguarding review" workflow every story passes through
(JourneyPage.get_workflow returns it).

Signed consent forms are files of their consent record (`ConsentRecord.signed_form`), never Wagtail documents,
so the group needs no collection or document permissions."""

from django.db import migrations

GROUP_NAME = "Safeguarding"
WORKFLOW_NAME = "Safeguarding review"

MODEL_PERMISSIONS = {
    "consentrecord": ["add", "change", "view", "withdraw_consent"],
    "storytellerrequest": ["change", "view"],
    "storysubmission": ["change", "view", "delete", "review_storysubmission"],
}


def create_safeguarding(apps, schema_editor):
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, apps=apps)
        create_permissions(app_config, verbosity=0, apps=apps)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    SafeguardingReviewTask = apps.get_model("journeys", "SafeguardingReviewTask")

    group, _created = Group.objects.get_or_create(name=GROUP_NAME)
    group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for model_name, actions in MODEL_PERMISSIONS.items():
        for action in actions:
            codename = action if action in ("withdraw_consent", "review_storysubmission") else f"{action}_{model_name}"
            group.permissions.add(Permission.objects.get(content_type__app_label="journeys", codename=codename))

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
        # Not for documents (the group has none): Wagtail's documents migrations give every group with admin
        # access "choose" on the Root collection, and must run before the group exists, as they always have.
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_safeguarding, migrations.RunPython.noop)]
