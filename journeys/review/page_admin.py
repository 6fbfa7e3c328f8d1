"""Publishing stories only through the Safeguarding review, in the page admin.

The admin is steered towards the review: the "Publish" button is taken out of a story's action menu, a
publish that gets through anyway (the create view, a hand-made request) is turned back with the reasons,
bulk publishing refuses stories that have not passed review, and a refused approval is explained in the review
dialog instead of ending in a bare 403.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.admin.views.pages.copy import CopyView as PageCopyView
from wagtail.admin.views.pages.edit import EditView as PageEditView
from wagtail.admin.views.pages.workflow import CollectWorkflowActionDataView, WorkflowActionView
from wagtail.admin.viewsets.pages import PageViewSet

from journeys.consent.checks import consent_problems
from journeys.consent.models import ConsentRecord
from journeys.stories.models import JourneyPage
from privacy.admin_views import SetPrivacyView

from .guard import publication_problems

# The name of the "Publish" item of the page action menu, which is also what its button sends.
PUBLISH_ACTION = "action-publish"


# --- Publishing stories: only through the Safeguarding review ---------------------------------------------


def is_story(page):
    return page is not None and issubclass(page.specific_class or type(page), JourneyPage)


@hooks.register("construct_page_action_menu")
def remove_publish_from_stories(menu_items, request, context):
    """Stories are published by passing the review: "Submit to Safeguarding review" is the way."""
    if is_story(context.get("page")) or is_story_model(context.get("parent_page"), request):
        menu_items[:] = [item for item in menu_items if item.name != PUBLISH_ACTION]


def is_story_model(parent_page, request):
    """On the create view the menu has no page yet: the URL names the model being created."""
    if parent_page is None:
        return False
    match = getattr(request, "resolver_match", None)
    kwargs = match.kwargs if match else {}
    return (kwargs.get("content_type_app_name"), kwargs.get("content_type_model_name")) == (
        "journeys",
        "journeypage",
    )


def refuse_with_reasons(request, page, problems):
    messages.error(request, _("“%(title)s” was saved as a draft, not published.") % {"title": page.title})
    for problem in problems:
        messages.error(request, problem)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_publish_page")
def refuse_unreviewed_publication(request, page):
    """A second line behind the missing button: the edits are already saved as a draft, so nothing typed is
    lost; the editor is sent back to the story with every reason it cannot go live."""
    if not is_story(page):
        return None
    page = page.specific
    problems = publication_problems(page, page.get_latest_revision())
    return refuse_with_reasons(request, page, problems) if problems else None


def stories_to_bulk_publish(objects, include_descendants):
    stories = [page.specific for page in objects if is_story(page)]
    if include_descendants:
        for page in objects:
            stories.extend(JourneyPage.objects.descendant_of(page).not_live())
    return stories


def bulk_publish_problems(story):
    """Bulk publish puts the latest revision live: judge that version, not the one on the site."""
    revision = story.get_latest_revision()
    return publication_problems(revision.as_object() if revision else story, revision)


@hooks.register("before_bulk_action")
def refuse_bulk_publishing_unreviewed_stories(request, action_type, objects, action_class_instance):
    """Bulk publish would otherwise stop with a server error at the first story the guard refuses."""
    if action_type != "publish":
        return None
    form = getattr(action_class_instance, "cleaned_form", None)
    include_descendants = bool(form and form.cleaned_data.get("include_descendants"))
    refused = [story for story in stories_to_bulk_publish(objects, include_descendants) if bulk_publish_problems(story)]
    if not refused:
        return None
    messages.error(
        request,
        _(
            "Nothing was published. Stories go live only by passing the Safeguarding review, and these have not: "
            "%(titles)s."
        )
        % {"titles": ", ".join(f"“{story.title}”" for story in refused)},
    )
    return redirect(action_class_instance.next_url)


# --- The Safeguarding review: refusals explained where the reviewer is looking -------------------------


def refusal_message(refusal):
    return str(refusal) or _("The Safeguarding review could not be approved.")


def review_context(task_state):
    """What the approve dialog shows above the checklist: the consent for the revision under review."""
    page = task_state.revision.as_object()
    return {
        "consent": ConsentRecord.objects.for_page(page),
        "consent_problems": consent_problems(page),
        "reviewed_page": page,
    }


# Override (tests/journeys/test_upstream_contracts.py): a Task chooses the action dialog's form and template, but no
# documented extension point adds to its context or turns a refusal in `on_action` into an error in the dialog.
class StoryWorkflowActionView(WorkflowActionView):
    """Wagtail's workflow action view, except that a refused approval (consent expired since the dialog
    opened, a missing tick) comes back as the dialog with the reason, or as a message, not a 403."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**review_context(self.task_state), **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            with transaction.atomic():
                return super().post(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return self.refused(request, refusal)

    def refused(self, request, refusal):
        if self.form_class and request.headers.get("x-requested-with") == "XMLHttpRequest":
            form = self.form_class(request.POST)
            form.is_valid()
            form.add_error(None, refusal_message(refusal))
            return self.render_modal_form(request, form)
        messages.error(request, refusal_message(refusal))
        return redirect(self.redirect_url)


# Override (tests/journeys/test_upstream_contracts.py): as above, for the dialog the page editor opens before approving.
class StoryCollectWorkflowActionDataView(CollectWorkflowActionDataView):
    """The editor's "approve" dialog checks the consent too, so the reviewer sees a refusal in the dialog
    rather than after the page form is sent."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(**review_context(self.task_state), **kwargs)

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST) if self.form_class else None
        if self.action_name == "approve" and form is not None and form.is_valid():
            try:
                self.task.check_approval(self.task_state, request.user, form.cleaned_data)
            except PermissionDenied as refusal:
                form.add_error(None, refusal_message(refusal))
                return self.render_modal_form(request, form)
        return super().post(request, *args, **kwargs)


# Override (tests/journeys/test_upstream_contracts.py): no documented hook runs before a workflow action in the page
# editor, or lets a refused approval show the form again with what the reviewer typed.
class StoryEditView(PageEditView):
    """The page editor for stories: a refused approval keeps what the reviewer typed and says why."""

    def perform_workflow_action(self):
        task_state = self.page.current_workflow_task_state
        task = self.page.current_workflow_task
        if self.workflow_action == "approve" and hasattr(task, "check_approval"):
            extra = self.request.POST.get("workflow-action-extra-data", "{}")
            try:
                task.check_approval(task_state, self.request.user, json.loads(extra))
            except (PermissionDenied, ValueError) as refusal:
                messages.error(self.request, refusal_message(refusal))
                self.has_unsaved_changes = True
                return self.render_to_response(self.get_context_data())
        try:
            with transaction.atomic():
                response = super().perform_workflow_action()
        except PermissionDenied as refusal:
            # Refused after the check above (the consent changed meanwhile): nothing was saved, so show
            # the form again with what the reviewer typed.
            messages.error(self.request, refusal_message(refusal))
            self.has_unsaved_changes = True
            return self.render_to_response(self.get_context_data())
        if self.workflow_action == "approve" and self.has_content_changes:
            # The approval was for the version under review; the reviewer's own changes are a new version.
            messages.warning(
                self.request,
                _(
                    "You approved the version that was submitted. Your changes are saved as a new version, which "
                    "needs the Safeguarding review too before it goes live."
                ),
            )
        return response


# Set on the request when "Publish" on the create view is turned into "Save draft" for a new story.
PUBLISH_REFUSED_ON_CREATE = "journeys_publish_refused_on_create"


@hooks.register("before_create_page")
def create_new_stories_as_drafts(request, parent_page, page_class):
    """A new story has had no review, so "Publish" saves it as a draft and says why it is not live.

    Wagtail's create view adds a page to the tree already live when publishing, which the guard in
    `journeys.review.guard` refuses before `before_publish_page` runs: everything typed would be lost to a 403.
    So the publish button's value is taken out of the request before the view reads it: the view saves a
    draft, and `explain_why_the_new_story_is_a_draft` sends the editor to it with the reasons.
    """
    if request.method != "POST" or not issubclass(page_class, JourneyPage):
        return None
    if request.POST.get(PUBLISH_ACTION) and parent_page.permissions_for_user(request.user).can_publish_subpage():
        request.POST = request.POST.copy()
        request.POST.pop(PUBLISH_ACTION)
        setattr(request, PUBLISH_REFUSED_ON_CREATE, True)
    return None


@hooks.register("after_create_page")
def explain_why_the_new_story_is_a_draft(request, page):
    if not getattr(request, PUBLISH_REFUSED_ON_CREATE, False):
        return None
    page = page.specific
    return refuse_with_reasons(request, page, publication_problems(page, page.get_latest_revision()))


# Override (tests/journeys/test_upstream_contracts.py): no documented extension point takes fields out of the page
# copy form.
class StoryCopyView(PageCopyView):
    """A copy of a story is a new story: a draft, with no consent record and no review of its own yet.

    "Publish copies" and "alias" are not offered, since either would put the copy live at once, which the
    guard in `journeys.review.guard` refuses.
    """

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        form.fields.pop("publish_copies", None)
        form.fields.pop("alias", None)
        return form

    def form_valid(self, form):
        response = super().form_valid(form)
        messages.info(
            self.request,
            _(
                "The copy is a draft. It is a separate story: it needs its own consent record and Safeguarding "
                "review before it can be published."
            ),
        )
        return response


class JourneyPageViewSet(PageViewSet):
    model = JourneyPage
    parent_models = []  # the index's listing stays Wagtail's: it also holds the "Share your journey" page
    copy_view_class = StoryCopyView
    edit_view_class = StoryEditView
    workflow_action_view_class = StoryWorkflowActionView
    collect_workflow_action_data_view_class = StoryCollectWorkflowActionDataView
    set_privacy_view_class = SetPrivacyView  # privacy is set on the original story, for every translation


@hooks.register("register_admin_viewset")
def register_journey_page_viewset():
    return JourneyPageViewSet("journey_pages")
