"""Wagtail's "finish workflow" action for this site. Imported by Wagtail while its models load, so every
import is inside the function."""


def publish_approved_workflow(workflow_state, user=None):
    """What finishing a workflow does (WAGTAIL_FINISH_WORKFLOW_ACTION).

    For a story: publish exactly the revision the Safeguarding reviewer approved (Wagtail would publish the
    latest revision, which may be newer), and let that approval stand for the publish permission, which
    the Safeguarding group does not otherwise need. Everything else is published as Wagtail does.
    """
    from wagtail.workflows import publish_workflow_state

    from journeys.stories.models import JourneyPage

    content_object = workflow_state.content_object  # the generic Page: compare its specific class
    if issubclass(getattr(content_object, "specific_class", None) or type(content_object), JourneyPage):
        workflow_state.current_task_state.revision.publish(user=user, skip_permission_checks=True)
    else:
        publish_workflow_state(workflow_state, user=user)
