"""The Safeguarding review in the admin: the approve dialog shows the consent and the checklist, only the
Safeguarding group can approve, and a refused approval is explained to the reviewer rather than ending in a
bare 403."""

import datetime
import json

import pytest

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils.html import escape

from wagtail.models import TaskState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.factories.journeys import ConsentRecordFactory
from demo.factories.members import UserFactory
from journeys.models import ConsentRecord, IdentityLevel, JourneyPage
from journeys.review.models import CHECKLIST, safeguarding_workflow
from tests.journeys.test_admin_publish import story_form_data

pytestmark = pytest.mark.django_db

AJAX = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # how the admin's dialog sends its form


@pytest.fixture
def story_in_review(draft_journey, editor):
    """A story with a consent record, submitted to the Safeguarding review by an editor."""
    ConsentRecordFactory(journey=draft_journey)
    draft_journey.save_revision(user=editor)
    safeguarding_workflow().start(draft_journey, editor)
    return JourneyPage.objects.get(pk=draft_journey.pk)


@pytest.fixture
def story_submitted_in_admin(client, draft_journey, editor):
    """A story an editor submitted through the edit form, so its content is what the form stores."""
    ConsentRecordFactory(journey=draft_journey)
    client.force_login(editor)
    data = story_form_data(draft_journey)
    data["action-submit"] = "action-submit"
    assert client.post(reverse("wagtailadmin_pages:edit", args=[draft_journey.pk]), data).status_code == 302
    client.logout()
    return JourneyPage.objects.get(pk=draft_journey.pk)


def action_url(page, action="approve"):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])


def ticked(**extra):
    return {**{name: "on" for name, _label in CHECKLIST}, **extra}


def is_live(page):
    return JourneyPage.objects.get(pk=page.pk).live


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_approve_dialog_shows_the_consent_and_every_check(client, safeguarder, story_in_review):
    client.force_login(safeguarder)

    response = client.get(action_url(story_in_review), **AJAX)

    html = response.json()["html"]
    assert response.status_code == 200
    assert "Consent record: Active" in html
    assert "The consent record allows this version of the story on the website" in html
    for _name, label in CHECKLIST:
        assert escape(str(label)) in html


def test_the_approve_dialog_says_why_approval_would_be_refused(client, safeguarder, story_in_review):
    ConsentRecord.objects.update(covers_website=False)
    client.force_login(safeguarder)

    html = client.get(action_url(story_in_review), **AJAX).json()["html"]

    assert "Approval will be refused while" in html
    assert "does not cover the website" in html


def test_a_safeguarder_approves_with_the_checklist_and_the_story_goes_live(client, safeguarder, story_in_review):
    client.force_login(safeguarder)

    response = client.post(action_url(story_in_review), ticked(comment="Checked with Amal."), **AJAX)

    assert response.json()["step"] == "success"
    assert is_live(story_in_review)
    state = TaskState.objects.get(revision__object_id=str(story_in_review.pk)).specific
    assert state.status == TaskState.STATUS_APPROVED
    assert state.checklist == {name: True for name, _label in CHECKLIST}


def test_the_approval_also_works_without_the_dialog(client, safeguarder, story_in_review):
    client.force_login(safeguarder)

    response = client.post(action_url(story_in_review), ticked())

    assert response.status_code == 302
    assert is_live(story_in_review)


def test_approval_without_every_check_is_refused_with_the_missing_checks_marked(client, safeguarder, story_in_review):
    client.force_login(safeguarder)
    incomplete = {name: "on" for name, _label in CHECKLIST[:-1]}

    response = client.post(action_url(story_in_review), incomplete, **AJAX)

    body = response.json()
    assert body["step"] == "action", "the dialog stays open"
    assert "Check this before approving." in body["html"]
    assert not is_live(story_in_review)
    assert JourneyPage.objects.get(pk=story_in_review.pk).workflow_in_progress


@pytest.mark.parametrize("who", ["superuser", "editor"])
def test_only_the_safeguarding_group_can_approve(client, request, who, story_in_review):
    user = UserFactory(is_superuser=True, is_staff=True) if who == "superuser" else request.getfixturevalue("editor")
    client.force_login(user)

    dialog = client.post(action_url(story_in_review), ticked(), **AJAX)
    form_post = client.post(action_url(story_in_review), ticked())

    assert dialog.status_code == 403
    assert form_post.status_code == 302 and form_post["Location"] == reverse("wagtailadmin_home")
    assert not is_live(story_in_review)
    assert JourneyPage.objects.get(pk=story_in_review.pk).workflow_in_progress


@pytest.mark.parametrize(
    ("consent_change", "message"),
    [
        ({"valid_until": datetime.date(2020, 1, 1), "consent_date": datetime.date(2019, 1, 1)}, "consent expired on"),
        ({"status": ConsentRecord.Status.WITHDRAWN}, "consent was withdrawn"),
        ({"covers_website": False}, "does not cover the website"),
        ({"identity_level": IdentityLevel.PSEUDONYM}, "they agreed only to"),
    ],
    ids=["expired", "withdrawn", "no-website", "over-revealing"],
)
def test_consent_that_does_not_allow_the_story_blocks_approval_with_the_reason(
    client, safeguarder, story_in_review, consent_change, message
):
    client.force_login(safeguarder)
    dialog = client.get(action_url(story_in_review), **AJAX)  # the reviewer opens the dialog...
    ConsentRecord.objects.update(**consent_change)  # ...and the consent changes before they approve

    response = client.post(action_url(story_in_review), ticked(), **AJAX)

    assert dialog.status_code == 200
    body = response.json()
    assert response.status_code == 200
    assert body["step"] == "action"
    assert message in body["html"]
    assert not is_live(story_in_review)
    assert JourneyPage.objects.get(pk=story_in_review.pk).workflow_in_progress, "the review can go on once fixed"


def test_a_refused_approval_without_the_dialog_comes_back_as_a_message(client, safeguarder, story_in_review):
    ConsentRecord.objects.update(covers_website=False)
    client.force_login(safeguarder)

    response = client.post(action_url(story_in_review), ticked())

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[story_in_review.pk])
    assert any("does not cover the website" in text for text in message_texts(response))
    assert not is_live(story_in_review)


def test_requesting_changes_sends_the_story_back(client, safeguarder, story_in_review):
    client.force_login(safeguarder)

    response = client.post(action_url(story_in_review, "reject"), {"comment": "Blur the street sign."}, **AJAX)

    assert response.json()["step"] == "success"
    story = JourneyPage.objects.get(pk=story_in_review.pk)
    assert story.current_workflow_state.status == story.current_workflow_state.STATUS_NEEDS_CHANGES
    assert not story.live


# --- Approving from the page editor ----------------------------------------------------------------------


def collect_url(page):
    task_state = page.current_workflow_task_state
    return reverse("wagtailadmin_pages:collect_workflow_action_data", args=[page.pk, "approve", task_state.pk])


def unchanged_story(page):
    """The edit form's data for the story exactly as submitted, block ids and all, so that nothing changes."""
    revision = page.get_latest_revision().as_object()
    data = story_form_data(
        revision, story=streamfield([(block.block_type, block_form_value(block)) for block in revision.story])
    )
    for index, block in enumerate(revision.story):
        data[f"story-{index}-id"] = block.id
    return data


def block_form_value(block):
    if block.block_type == "text":
        return rich_text(block.value.source)
    return dict(block.value)


def editor_approval(page, **changes):
    data = unchanged_story(page)
    data.update(nested_form_data(changes))
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = "approve"
    data["workflow-action-extra-data"] = json.dumps({name: True for name, _label in CHECKLIST})
    return data


def test_a_safeguarder_approves_from_the_page_editor(client, safeguarder, story_submitted_in_admin):
    client.force_login(safeguarder)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story_submitted_in_admin.pk])

    editor_html = client.get(edit_url).content.decode()
    response = client.post(edit_url, editor_approval(story_submitted_in_admin))

    assert "Approve after safeguarding checks" in editor_html
    assert response.status_code == 302
    assert is_live(story_submitted_in_admin)


def test_the_editor_dialog_refuses_approval_when_the_consent_does_not_allow_it(
    client, safeguarder, story_submitted_in_admin
):
    ConsentRecord.objects.update(identity_level=IdentityLevel.ANONYMOUS)
    client.force_login(safeguarder)

    response = client.post(collect_url(story_submitted_in_admin), ticked(), **AJAX)

    body = response.json()
    assert body["step"] == "action"
    assert "they agreed only to" in body["html"]


def test_approving_with_changes_from_the_page_editor_asks_for_a_review_of_the_changes(
    client, safeguarder, story_submitted_in_admin
):
    client.force_login(safeguarder)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story_submitted_in_admin.pk])

    response = client.post(edit_url, editor_approval(story_submitted_in_admin, title="Finding work, and friends"))

    story = JourneyPage.objects.get(pk=story_submitted_in_admin.pk)
    assert any("needs the Safeguarding review too" in text for text in message_texts(response))
    assert not story.live
    assert story.workflow_in_progress
    assert story.current_workflow_task_state.revision == story.get_latest_revision()


def test_a_refused_approval_in_the_page_editor_keeps_what_the_reviewer_typed(
    client, safeguarder, story_submitted_in_admin
):
    ConsentRecord.objects.update(covers_website=False)
    client.force_login(safeguarder)
    edit_url = reverse("wagtailadmin_pages:edit", args=[story_submitted_in_admin.pk])

    response = client.post(edit_url, editor_approval(story_submitted_in_admin, title="Finding work, and friends"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "does not cover the website" in html
    assert 'value="Finding work, and friends"' in html
    assert not is_live(story_submitted_in_admin)
