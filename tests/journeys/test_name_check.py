"""The hidden-name check: a story whose identity level hides part of the storyteller's real name cannot pass the
Safeguarding review while that part turns up anywhere the site shows: a title or slug, the name fields
themselves, "as told to", the story's text and image alt text, or an image's title, description or file name.
Spelling tricks (accents, capitals, "_" or "." between words) do not get past it, and the refusal says where
to look without repeating the hidden name."""

import pytest

from django.core.exceptions import PermissionDenied

from demo.factories.home import ImageFactory
from demo.factories.journeys import ConsentRecordFactory, JourneyPageFactory, approve_review
from home.models import CustomImage
from journeys.models import IdentityLevel, JourneyPage

pytestmark = pytest.mark.django_db


def make_story(journey_index, real_name, consent_level=None, **fields):
    fields.setdefault("identity_level", IdentityLevel.FIRST_NAME)
    fields.setdefault("storyteller_first_name", "")
    page = JourneyPageFactory(parent=journey_index, **fields)
    ConsentRecordFactory(journey=page, storyteller_name=real_name, identity_level=consent_level or page.identity_level)
    page.save_revision()
    return page


def assert_refused(page, reviewer, *expected, hidden=()):
    """The review is refused, the message names where the name is and never the hidden name itself."""
    with pytest.raises(PermissionDenied) as refusal:
        approve_review(page, reviewer)
    message = str(refusal.value)
    assert "real name appears in the" in message, message
    for text in expected:
        assert text in message, message
    for word in hidden:
        assert word.casefold() not in message.casefold(), message
    assert not JourneyPage.objects.get(pk=page.pk).live
    return message


def assert_published(page, reviewer):
    approve_review(page, reviewer)
    assert JourneyPage.objects.get(pk=page.pk).live


# (a) The first-name field holding the whole name.


def test_the_whole_real_name_in_the_first_name_field_is_refused(journey_index, safeguarder):
    page = make_story(journey_index, "Leyla Karimova", storyteller_first_name="Leyla Karimova")

    message = assert_refused(page, safeguarder, "first name", hidden=["Karimova"])

    assert "holds one word" in message


def test_a_family_name_typed_as_the_first_name_is_refused(journey_index, safeguarder):
    page = make_story(
        journey_index, "Leyla Karimova", storyteller_first_name="Leyla", introduction="Karimova came by sea."
    )

    assert_refused(page, safeguarder, "introduction", hidden=["Karimova"])


def test_at_first_name_and_town_the_town_must_not_hold_the_family_name(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Leyla Karimova",
        identity_level=IdentityLevel.FIRST_NAME_AND_TOWN,
        storyteller_first_name="Leyla",
        storyteller_town="Karimova Street, Leeds",
    )

    assert_refused(page, safeguarder, "town", hidden=["Karimova"])


# (b) Pseudonym, "as told to" and the content warning note.


def test_a_pseudonym_that_is_the_real_name_is_refused(journey_index, safeguarder):
    page = make_story(
        journey_index, "Omid Tehrani", identity_level=IdentityLevel.PSEUDONYM, storyteller_pseudonym="Omid Tehrani"
    )

    message = assert_refused(page, safeguarder, "pseudonym", hidden=["Omid", "Tehrani"])

    assert "must not contain any part of the storyteller's real name" in message


def test_a_pseudonym_with_one_real_name_word_is_refused(journey_index, safeguarder):
    page = make_story(
        journey_index, "Omid Tehrani", identity_level=IdentityLevel.PSEUDONYM, storyteller_pseudonym="Omid Rostami"
    )

    assert_refused(page, safeguarder, "pseudonym", hidden=["Tehrani"])


def test_as_told_to_naming_the_storyteller_is_refused(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Omid Tehrani",
        identity_level=IdentityLevel.PSEUDONYM,
        storyteller_pseudonym="Sina",
        as_told_to="Omid Tehrani's cousin",
    )

    assert_refused(page, safeguarder, "“as told to”", hidden=["Omid", "Tehrani"])


def test_the_content_warning_note_is_checked_for_an_anonymous_story(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Omid Tehrani",
        identity_level=IdentityLevel.ANONYMOUS,
        content_warning_note="Mentions the arrest of Tehrani's father.",
    )

    assert_refused(page, safeguarder, "content warning note", hidden=["Tehrani"])


# (c) Separators, accents and capitals.


@pytest.mark.parametrize(
    "slug",
    ["story_of_zainab_haidari", "story-of-zainab-haidari", "zainab__haidari", "zainab2haidari", "HAIDARI"],
)
def test_the_family_name_in_the_slug_is_refused_whatever_separates_the_words(journey_index, safeguarder, slug):
    page = make_story(journey_index, "Zainab Haidari", storyteller_first_name="Zainab", slug=slug)

    assert_refused(page, safeguarder, "slug", hidden=["Haidari"])


def test_accents_and_capitals_do_not_hide_a_name(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Zaïnab Ḥaidari",
        identity_level=IdentityLevel.ANONYMOUS,
        title="What ZAINAB HAIDARI carried",
    )

    assert_refused(page, safeguarder, "title", hidden=["Zainab", "Haidari"])


def test_an_accented_spelling_on_the_page_is_caught_too(journey_index, safeguarder):
    page = make_story(
        journey_index, "Zainab Haidari", storyteller_first_name="Zainab", introduction="Zaïnab Haïdari's journey."
    )

    assert_refused(page, safeguarder, "introduction", hidden=["Haidari"])


# (d) Images: title, description, file name, and the alt text typed into the story.


def image_block(image, alt_text=""):
    """A story image block as the editor stores it."""
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "decorative": False, "alt_text": alt_text},
            "caption": "The harbour",
            "credit": "",
        },
    }


def test_an_image_title_with_the_family_name_is_refused(journey_index, safeguarder):
    image = ImageFactory(title="Zainab Haidari at the harbour", file__width=64, file__height=64)
    page = make_story(journey_index, "Zainab Haidari", storyteller_first_name="Zainab", listing_image=image)

    assert_refused(page, safeguarder, f"the title of image {image.pk}", hidden=["Haidari"])


def test_an_image_description_with_the_family_name_is_refused(journey_index, safeguarder):
    image = ImageFactory(title="The harbour", description="Zainab Haidari waving", file__width=64, file__height=64)
    page = make_story(journey_index, "Zainab Haidari", storyteller_first_name="Zainab", social_image=image)

    assert_refused(page, safeguarder, f"the alt text of image {image.pk}", hidden=["Haidari"])


def test_an_image_file_named_after_the_storyteller_is_refused(journey_index, safeguarder):
    """Uploads get a random name now; an image uploaded before that keeps the name it was sent with."""
    image = ImageFactory(title="The harbour", file__width=64, file__height=64)
    CustomImage.objects.filter(pk=image.pk).update(file="original_images/Zainab.Haidari.jpg")
    page = make_story(
        journey_index, "Zainab Haidari", storyteller_first_name="Zainab", story=[image_block(image, "A harbour")]
    )

    assert_refused(page, safeguarder, f"the file name of image {image.pk}", hidden=["Haidari"])


def test_alt_text_in_the_story_naming_the_storyteller_is_refused(journey_index, safeguarder):
    image = ImageFactory(title="The harbour", file__width=64, file__height=64)
    page = make_story(
        journey_index,
        "Zainab Haidari",
        storyteller_first_name="Zainab",
        story=[image_block(image, "Zainab Haidari on the quay")],
    )

    assert_refused(page, safeguarder, "story", hidden=["Haidari"])


# Legitimate stories still publish.


def test_a_story_showing_the_first_name_and_a_town_publishes(journey_index, safeguarder):
    image = ImageFactory(title="Leeds station in the rain", file__width=64, file__height=64)
    page = make_story(
        journey_index,
        "Leyla Karimova",
        identity_level=IdentityLevel.FIRST_NAME_AND_TOWN,
        storyteller_first_name="Leyla",
        storyteller_town="Leeds",
        title="Leyla's first winter in Leeds",
        slug="leylas-first-winter",
        as_told_to="A volunteer at IMIX",
        listing_image=image,
        story=[image_block(image, "Leyla at Leeds station")],
    )

    assert_published(page, safeguarder)


def test_a_first_name_field_using_another_word_of_the_real_name_publishes(journey_index, safeguarder):
    """Some storytellers go by a name that is not the first written: one word of the real name is fine."""
    page = make_story(journey_index, "Karimova Leyla", storyteller_first_name="Leyla", title="Leyla's story")

    assert_published(page, safeguarder)


def test_an_unrelated_pseudonym_publishes(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Omid Tehrani",
        identity_level=IdentityLevel.PSEUDONYM,
        storyteller_pseudonym="Sina",
        as_told_to="His cousin",
        title="Sina's road",
    )

    assert_published(page, safeguarder)


def test_a_full_name_story_may_show_the_whole_name(journey_index, safeguarder):
    page = make_story(
        journey_index,
        "Zainab Haidari",
        identity_level=IdentityLevel.FULL_NAME,
        storyteller_first_name="Zainab",
        storyteller_family_name="Haidari",
        slug="story_of_zainab_haidari",
    )

    assert_published(page, safeguarder)
