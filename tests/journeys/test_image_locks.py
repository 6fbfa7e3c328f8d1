"""A Human Journeys story's images change only through the Safeguarding team.

An editor who could replace a live story's photo, or its title and alt text, would change a reviewed story
without a review. While a story that uses an image is live, in review or scheduled, editors are refused
every way the admin changes or deletes an image, with a message saying why, and the image stays as it was.
"""

import datetime
import io

import pytest
from PIL import Image

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from demo.factories.home import ImageFactory
from demo.factories.journeys import JourneyPageFactory, publish_through_review
from home.models import CustomImage
from journeys.review.models import safeguarding_workflow

pytestmark = pytest.mark.django_db

LOCK_MESSAGE = "This image is used in a Human Journeys story; only the Safeguarding team can change it."


@pytest.fixture
def story_image(media_root):
    return ImageFactory(title="Harbour at dusk", file__width=80, file__height=60)


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def image_safeguarder(safeguarder):
    """A Safeguarding team member who also has the image permissions editors have."""
    safeguarder.groups.add(Group.objects.get(name="Editors"))
    return safeguarder


def _new_jpeg(colour="#aa3300"):
    output = io.BytesIO()
    Image.new("RGB", (50, 40), colour).save(output, "JPEG")
    return SimpleUploadedFile("replacement.jpg", output.getvalue(), content_type="image/jpeg")


def _stored(image):
    image.refresh_from_db()
    with image.file.open("rb") as stored:
        return image.title, image.file.name, stored.read()


def _edit(client, image, **data):
    return client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {"title": "Changed", "collection": image.collection_id, "file": _new_jpeg(), **data},
        follow=True,
    )


def _story_block(image):
    return {
        "type": "image",
        "value": {"image": {"image": image.pk, "alt_text": "A harbour", "decorative": False}, "caption": ""},
    }


def test_an_editor_cannot_edit_or_replace_a_live_storys_image(editor_client, journey_index, safeguarder, story_image):
    publish_through_review(JourneyPageFactory(parent=journey_index, listing_image=story_image), reviewer=safeguarder)
    before = _stored(story_image)

    opened = editor_client.get(reverse("wagtailimages:edit", args=(story_image.pk,)), follow=True)
    response = _edit(editor_client, story_image)

    assert LOCK_MESSAGE in opened.content.decode()
    assert LOCK_MESSAGE in response.content.decode()
    assert _stored(story_image) == before


def test_an_editor_cannot_delete_a_live_storys_image_one_at_a_time_or_in_bulk(
    editor_client, journey_index, safeguarder, story_image
):
    publish_through_review(
        JourneyPageFactory(parent=journey_index, story=[_story_block(story_image)]), reviewer=safeguarder
    )

    single = editor_client.post(reverse("wagtailimages:delete", args=(story_image.pk,)), follow=True)
    bulk_url = reverse(
        "wagtail_bulk_action", args=(CustomImage._meta.app_label, CustomImage._meta.model_name, "delete")
    )
    editor_client.post(f"{bulk_url}?id={story_image.pk}")

    assert LOCK_MESSAGE in single.content.decode()
    assert CustomImage.objects.filter(pk=story_image.pk).exists()


def test_an_editor_cannot_change_or_delete_a_storys_image_through_the_multiple_upload(
    editor_client, journey_index, safeguarder, story_image
):
    publish_through_review(JourneyPageFactory(parent=journey_index, social_image=story_image), reviewer=safeguarder)
    before = _stored(story_image)
    prefix = f"image-{story_image.pk}"

    edited = editor_client.post(
        reverse("wagtailimages:edit_multiple", args=(story_image.pk,)),
        {f"{prefix}-title": "Changed", f"{prefix}-collection": story_image.collection_id},
    )
    deleted = editor_client.post(reverse("wagtailimages:delete_multiple", args=(story_image.pk,)))

    assert edited.status_code == deleted.status_code == 403
    assert edited.json()["error_message"] == LOCK_MESSAGE
    assert _stored(story_image) == before


def test_the_lock_holds_for_a_story_in_another_language(
    editor_client, journey_index, safeguarder, story_image, arabic_home_page, locale_ar
):
    source = publish_through_review(JourneyPageFactory(parent=journey_index), reviewer=safeguarder)
    translation = source.copy_for_translation(locale_ar, copy_parents=True)
    translation.story = [_story_block(story_image)]
    translation.save_revision()
    publish_through_review(translation, reviewer=safeguarder)
    before = _stored(story_image)

    response = _edit(editor_client, story_image)

    assert LOCK_MESSAGE in response.content.decode()
    assert _stored(story_image) == before


def test_the_lock_holds_while_a_story_is_in_review(editor_client, draft_journey, editor, story_image):
    draft_journey.story = [_story_block(story_image)]
    draft_journey.save_revision(user=editor)
    safeguarding_workflow().start(draft_journey, editor)
    before = _stored(story_image)

    response = _edit(editor_client, story_image)

    assert LOCK_MESSAGE in response.content.decode()
    assert _stored(story_image) == before


def test_the_lock_holds_for_a_revision_scheduled_to_go_live(editor_client, draft_journey, editor, story_image):
    draft_journey.listing_image = story_image
    revision = draft_journey.save_revision(user=editor)
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(days=2)
    revision.save()
    before = _stored(story_image)

    response = _edit(editor_client, story_image)

    assert LOCK_MESSAGE in response.content.decode()
    assert _stored(story_image) == before


def test_a_draft_never_sent_for_review_does_not_lock_its_images(editor_client, draft_journey, editor, story_image):
    draft_journey.listing_image = story_image
    draft_journey.save_revision(user=editor)

    response = _edit(editor_client, story_image)

    story_image.refresh_from_db()
    assert LOCK_MESSAGE not in response.content.decode()
    assert story_image.title == "Changed"


def test_the_safeguarding_team_can_edit_replace_and_delete_a_storys_image(
    client, journey_index, image_safeguarder, story_image
):
    publish_through_review(
        JourneyPageFactory(parent=journey_index, listing_image=story_image), reviewer=image_safeguarder
    )
    _title, old_name, old_bytes = _stored(story_image)
    client.force_login(image_safeguarder)

    response = _edit(client, story_image)

    title, name, data = _stored(story_image)
    assert LOCK_MESSAGE not in response.content.decode()
    assert title == "Changed"
    assert name != old_name and data != old_bytes

    client.post(reverse("wagtailimages:delete", args=(story_image.pk,)))

    assert not CustomImage.objects.filter(pk=story_image.pk).exists()


def test_a_superuser_outside_the_safeguarding_team_is_refused_too(
    client, django_user_model, journey_index, safeguarder, story_image
):
    publish_through_review(JourneyPageFactory(parent=journey_index, listing_image=story_image), reviewer=safeguarder)
    client.force_login(django_user_model.objects.create_superuser(email="admin@imix.org.uk", password="a-long-pass"))
    before = _stored(story_image)

    response = _edit(client, story_image)

    assert LOCK_MESSAGE in response.content.decode()
    assert _stored(story_image) == before


def test_editors_still_edit_and_delete_images_no_story_uses(editor_client, journey_index, safeguarder, story_image):
    publish_through_review(JourneyPageFactory(parent=journey_index), reviewer=safeguarder)
    other = ImageFactory(title="Office party", file__width=40, file__height=30)

    response = _edit(editor_client, story_image)
    editor_client.post(reverse("wagtailimages:delete", args=(other.pk,)))

    story_image.refresh_from_db()
    assert LOCK_MESSAGE not in response.content.decode()
    assert story_image.title == "Changed"
    assert not CustomImage.objects.filter(pk=other.pk).exists()


def test_editors_can_still_choose_a_storys_image_for_a_page(editor_client, journey_index, safeguarder, story_image):
    publish_through_review(JourneyPageFactory(parent=journey_index, listing_image=story_image), reviewer=safeguarder)

    listing = editor_client.get(reverse("wagtailimages_chooser:choose"))
    chosen = editor_client.get(reverse("wagtailimages_chooser:chosen", args=(story_image.pk,)))

    assert story_image.title in listing.json()["html"]
    assert chosen.status_code == 200
    assert str(chosen.json()["result"]["id"]) == str(story_image.pk)
