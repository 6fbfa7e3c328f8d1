"""Editors publish stories only through the Safeguarding review: the admin offers no Publish button for a
story, turns back a publish that is sent anyway (keeping the editor's words), and bulk publishing refuses
stories that have not passed review instead of failing with a server error."""

import pytest

from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.factories.journeys import ConsentRecordFactory, JourneyPageFactory
from journeys.models import JourneyPage
from journeys.review.page_admin import refuse_unreviewed_publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model):
    """A member of Wagtail's Moderators group, who may publish pages (editors may only submit them)."""
    moderator = django_user_model.objects.create_user(email="moderator@example.org", password="a-long-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return moderator


def story_form_data(page, **changes):
    """What the edit form sends for `page`, with `changes` typed in (its StreamField is drawn by JavaScript,
    so the data is built rather than scraped)."""
    values = {
        "title": page.title,
        "slug": page.slug,
        "introduction": page.introduction,
        "identity_level": page.identity_level,
        "storyteller_first_name": page.storyteller_first_name,
        "pull_quote": page.pull_quote,
        "story": streamfield([("text", rich_text("<p>I arrived in winter, with one bag.</p>"))]),
    }
    values.update(changes)
    return nested_form_data(values)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def message_texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_story_editor_offers_submit_to_review_but_no_publish_button(client, moderator, draft_journey):
    client.force_login(moderator)

    response = client.get(edit_url(draft_journey))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="action-submit"' in html
    assert 'name="action-publish"' not in html


def test_other_pages_keep_their_publish_button(client, moderator, home_page):
    client.force_login(moderator)

    response = client.get(edit_url(home_page))

    assert 'name="action-publish"' in response.content.decode()


@pytest.mark.parametrize("who", ["editor", "moderator"])
def test_publishing_a_story_from_the_editor_is_refused_and_keeps_what_was_typed(client, request, who, draft_journey):
    ConsentRecordFactory(journey=draft_journey)
    client.force_login(request.getfixturevalue(who))
    data = story_form_data(draft_journey, title="Finding work in Leeds, one winter")
    data["action-publish"] = "action-publish"

    response = client.post(edit_url(draft_journey), data)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Submit to Safeguarding review" in html  # the reason, in the form's errors
    assert 'value="Finding work in Leeds, one winter"' in html
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live


def test_a_story_created_with_publish_is_saved_as_a_draft_and_the_editor_told_why(client, moderator, journey_index):
    client.force_login(moderator)
    data = story_form_data(
        JourneyPageFactory.build(title="Crossing the sea", slug="crossing-the-sea"), title="Crossing the sea"
    )
    data["action-publish"] = "action-publish"
    add_url = reverse("wagtailadmin_pages:add", args=["journeys", "journeypage", journey_index.pk])

    response = client.post(add_url, data)

    story = JourneyPage.objects.get(slug="crossing-the-sea")
    assert response.status_code == 302
    assert response["Location"] == edit_url(story)
    assert not story.live
    assert story.get_latest_revision().as_object().title == "Crossing the sea"
    texts = message_texts(response)
    assert any("saved as a draft, not published" in text for text in texts)
    assert any("no consent record" in text for text in texts)


def test_the_create_view_for_a_story_has_no_publish_button(client, moderator, journey_index):
    client.force_login(moderator)

    response = client.get(reverse("wagtailadmin_pages:add", args=["journeys", "journeypage", journey_index.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="action-publish"' not in html
    assert "Save a draft of the story first" in html


def test_submitting_a_story_starts_the_safeguarding_review(client, editor, draft_journey):
    client.force_login(editor)
    data = story_form_data(draft_journey)
    data["action-submit"] = "action-submit"

    response = client.post(edit_url(draft_journey), data)

    story = JourneyPage.objects.get(pk=draft_journey.pk)
    assert response.status_code == 302
    assert story.workflow_in_progress
    assert story.current_workflow_state.workflow.name == "Safeguarding review"
    assert not story.live


def test_changing_a_published_story_needs_the_review_again(client, editor, published_journey):
    client.force_login(editor)
    data = story_form_data(published_journey, title="Finding work in Leeds, and a home")
    data["action-publish"] = "action-publish"

    refused = client.post(edit_url(published_journey), data)

    assert refused.status_code == 200
    assert "Every change to a published story is reviewed again" in refused.content.decode()
    assert JourneyPage.objects.get(pk=published_journey.pk).title == "Finding work in Leeds"
    del data["action-publish"]
    data["action-submit"] = "action-submit"
    client.post(edit_url(published_journey), data)
    story = JourneyPage.objects.get(pk=published_journey.pk)
    assert story.workflow_in_progress
    assert story.title == "Finding work in Leeds", "the live story is unchanged until the review approves"


def publish_request(user):
    """A request as the admin's views receive it, with a session and messages."""
    request = RequestFactory().post("/admin/")
    request.user = user
    SessionMiddleware(lambda request: None).process_request(request)
    request._messages = FallbackStorage(request)
    return request


def test_the_publish_hook_turns_back_a_story_that_has_not_passed_review(moderator, draft_journey):
    ConsentRecordFactory(journey=draft_journey)
    draft_journey.save_revision(user=moderator)
    request = publish_request(moderator)

    response = refuse_unreviewed_publication(request, draft_journey)

    assert response.status_code == 302
    assert response["Location"] == edit_url(draft_journey)
    texts = [str(message) for message in request._messages]
    assert any("Submit to Safeguarding review" in text for text in texts)


def test_the_publish_hook_lets_reviewed_stories_and_other_pages_through(moderator, published_journey, home_page):
    assert refuse_unreviewed_publication(publish_request(moderator), published_journey) is None
    assert refuse_unreviewed_publication(publish_request(moderator), home_page) is None


def bulk_publish_url(page, next_url):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    return f"{url}?id={page.pk}&next={next_url}"


def test_bulk_publishing_a_story_is_refused_with_a_message_not_a_server_error(client, moderator, draft_journey):
    ConsentRecordFactory(journey=draft_journey)
    draft_journey.save_revision(user=moderator)
    client.force_login(moderator)
    next_url = reverse("wagtailadmin_explore", args=[draft_journey.get_parent().pk])

    response = client.post(bulk_publish_url(draft_journey, next_url), {})

    assert response.status_code == 302
    assert response["Location"] == next_url
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live
    assert any("Nothing was published" in text and "Finding work in Leeds" in text for text in message_texts(response))


def test_bulk_publishing_the_index_with_its_draft_stories_is_refused(client, moderator, journey_index, draft_journey):
    draft_journey.save_revision(user=moderator)
    client.force_login(moderator)
    next_url = reverse("wagtailadmin_explore", args=[journey_index.get_parent().pk])

    response = client.post(bulk_publish_url(journey_index, next_url), {"include_descendants": "on"})

    assert response.status_code == 302
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live
    assert any("Finding work in Leeds" in text for text in message_texts(response))


def test_bulk_publishing_a_story_whose_latest_version_passed_review_goes_through(client, moderator, published_journey):
    client.force_login(moderator)

    response = client.post(bulk_publish_url(published_journey, "/admin/"), {})

    assert response.status_code == 302
    assert JourneyPage.objects.get(pk=published_journey.pk).live
    assert not any("Nothing was published" in text for text in message_texts(response))


def test_bulk_publishing_other_pages_still_works(client, moderator, home_page, standard_page):
    standard_page.title = "About IMIX"
    standard_page.save_revision(user=moderator)
    client.force_login(moderator)

    response = client.post(bulk_publish_url(standard_page, "/admin/"), {})

    assert response.status_code == 302
    assert Page.objects.get(pk=standard_page.pk).title == "About IMIX"


def test_copying_a_live_story_makes_a_draft_and_offers_no_way_to_publish_it(client, moderator, published_journey):
    client.force_login(moderator)
    copy_url = reverse("wagtailadmin_pages:copy", args=[published_journey.pk])

    form_html = client.get(copy_url).content.decode()
    response = client.post(
        copy_url,
        {
            "new_title": "Finding work in Leeds (copy)",
            "new_slug": "finding-work-copy",
            "new_parent_page": str(published_journey.get_parent().pk),
            "publish_copies": "on",
            "alias": "on",
        },
    )

    assert 'name="publish_copies"' not in form_html
    assert 'name="alias"' not in form_html
    assert response.status_code == 302
    copy = JourneyPage.objects.get(slug="finding-work-copy")
    assert not copy.live and copy.alias_of_id is None
    assert any("needs its own consent record" in text for text in message_texts(response))


# --- The status panel on a story's edit screen -----------------------------------------------------------


def test_status_panel_lists_every_reason_the_story_cannot_be_published(client, editor, draft_journey):
    ConsentRecordFactory(journey=draft_journey, covers_website=False, storyteller_name="Amal Haddad")
    client.force_login(editor)

    html = client.get(edit_url(draft_journey)).content.decode()

    assert "Consent and Safeguarding review" in html
    assert "does not cover the website" in html
    assert "has not passed the Safeguarding review" in html
    assert "Haddad" not in html, "the real name stays in the consent record"
    assert "/admin/snippets/journeys/consentrecord/" not in html, "editors are not offered the record"


def test_status_panel_shows_problems_in_what_the_editor_just_typed(client, editor, draft_journey):
    ConsentRecordFactory(journey=draft_journey, storyteller_name="Amal Haddad")
    client.force_login(editor)
    data = story_form_data(draft_journey, introduction="Amal Haddad came to Leeds in 2019.")
    data["action-publish"] = "action-publish"

    html = client.post(edit_url(draft_journey), data).content.decode()

    assert "real name appears in the introduction" in html


def test_status_panel_says_so_when_there_is_no_consent_record(client, editor, draft_journey):
    client.force_login(editor)

    html = client.get(edit_url(draft_journey)).content.decode()

    assert "This story has no consent record" in html
    assert "Add a consent record" not in html


def test_status_panel_offers_the_safeguarding_group_the_record(client, safeguarder, editor, draft_journey):
    safeguarder.groups.add(*editor.groups.all())  # a safeguarder who also edits pages
    client.force_login(safeguarder)

    html = client.get(edit_url(draft_journey)).content.decode()
    add_link = f"/admin/snippets/journeys/consentrecord/add/?journey={draft_journey.pk}"
    assert add_link in html

    record = ConsentRecordFactory(journey=draft_journey)
    html = client.get(edit_url(draft_journey)).content.decode()
    assert f"/admin/snippets/journeys/consentrecord/edit/{record.pk}/" in html
    assert "Amal Haddad" not in html


def test_status_panel_shows_a_passed_review(client, editor, published_journey):
    client.force_login(editor)

    html = client.get(edit_url(published_journey)).content.decode()

    assert "This version passed the Safeguarding review on" in html
    assert "The consent record allows this version of the story on the website" in html
