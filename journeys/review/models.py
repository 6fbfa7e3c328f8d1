"""The Safeguarding review: a workflow task only members of the Safeguarding group can approve, with a checklist.

Approval is tied to one revision: `journeys.review.guard` refuses to publish any revision of a story that
does not have its own approved review, so editing a published story needs review again (and Wagtail is told
never to carry an old approval over to a new revision: WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT).
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, TaskState, Workflow

from journeys.consent.checks import consent_problems
from journeys.team import is_safeguarder

SAFEGUARDING_WORKFLOW = "Safeguarding review"

CHECKLIST = [
    ("risk_to_family", _("Nothing in the story or pictures puts the storyteller's family at risk.")),
    ("asylum_claim", _("The stage of any asylum claim is known, and publishing cannot harm it.")),
    ("under_18", _("Nobody under 18 is identifiable, or a parent or guardian has consented.")),
    ("places", _("Places are named no more precisely than the storyteller agreed.")),
    ("faces", _("Faces are visible only where the people shown agreed.")),
    ("photo_metadata", _("Photo metadata is stripped (the site does this on upload; check screenshots too).")),
]


def safeguarding_workflow():
    """The active workflow whose task is the Safeguarding review (created by migration 0002)."""
    return (
        Workflow.objects.filter(
            active=True, workflow_tasks__task__in=SafeguardingReviewTask.objects.filter(active=True)
        )
        .order_by("pk")
        .first()
    )


class SafeguardingChecklistForm(forms.Form):
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, label in CHECKLIST:
            self.fields[name] = forms.BooleanField(
                label=label, required=True, error_messages={"required": _("Check this before approving.")}
            )


class SafeguardingReviewTask(AbstractGroupApprovalTask):
    """Group approval limited to the group's members, with a checklist that must be ticked to approve."""

    class Meta:
        verbose_name = _("Safeguarding review")
        verbose_name_plural = _("Safeguarding reviews")

    @classmethod
    def get_description(cls):
        return _("A member of the Safeguarding group checks the story against the safeguarding checklist.")

    def _user_in_groups(self, user):
        return is_safeguarder(user) and super()._user_in_groups(user)

    def user_can_access_editor(self, obj, user):
        return self._user_in_groups(user)

    def locked_for_user(self, obj, user):
        return not self._user_in_groups(user)

    def get_actions(self, obj, user):
        if not self._user_in_groups(user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve after safeguarding checks"), True),
        ]

    def get_form_for_action(self, action):
        if action == "approve":
            return SafeguardingChecklistForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        """The approve dialog shows the consent and its problems above the checklist, so the reviewer sees
        why approval would be refused before ticking anything."""
        if action == "approve":
            return "journeys/admin/review_approve_modal.html"
        return super().get_template_for_action(action)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if self._user_in_groups(user):
            return self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        return TaskState.objects.none()

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self.check_approval(task_state, user, kwargs)
            task_state = task_state.specific
            task_state.checklist = {name: True for name, _label in CHECKLIST}
            task_state.save(update_fields=["checklist"])
            return super().on_action(task_state, user, action_name, comment=kwargs.get("comment", ""))
        return super().on_action(task_state, user, action_name, comment=kwargs.get("comment", ""))

    def check_approval(self, task_state, user, data):
        """The checklist comes through the modal form, or as raw JSON from the editor: check it either way."""
        if not self._user_in_groups(user):
            raise PermissionDenied(_("Only members of the Safeguarding group can approve a story."))
        form = SafeguardingChecklistForm(data=data)
        if not form.is_valid():
            raise PermissionDenied(_("Every safeguarding check must be ticked before approving."))
        page = task_state.revision.as_object()
        problems = consent_problems(page)
        if problems:
            raise PermissionDenied(" ".join(str(problem) for problem in problems))


class SafeguardingReviewTaskState(TaskState):
    checklist = models.JSONField(default=dict, blank=True)

    class Meta:
        verbose_name = _("Safeguarding review state")
        verbose_name_plural = _("Safeguarding review states")


SafeguardingReviewTask.task_state_class = SafeguardingReviewTaskState
