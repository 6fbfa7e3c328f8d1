"""A story goes the way its original goes, in every language: renamed, narrowed, unpublished or deleted
in English, it never stays on the site in French or Arabic saying more than the original now says."""

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse

from wagtail.models import Locale

from demo.factories.journeys import approve_review, publish_through_review
from journeys.models import ConsentRecord, IdentityLevel, JourneyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def story_in_three_languages(published_journey, safeguarder):
    """The English story, and its French and Arabic translations, each published through its own review."""
    pages = {"en": published_journey}
    for code in ("fr", "ar"):
        translation = published_journey.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
        pages[code] = publish_through_review(translation, reviewer=safeguarder)
        assert pages[code].live
    return pages


def live(page):
    return JourneyPage.objects.filter(pk=page.pk, live=True).exists()


def readable(client, page):
    response = client.get(page.url)
    return response.status_code == 200 and "Amal" in response.content.decode()


def test_original_made_anonymous__translations_that_still_name_the_storyteller_come_off(
    story_in_three_languages, safeguarder, client
):
    english, french, arabic = (story_in_three_languages[code] for code in ("en", "fr", "ar"))
    assert readable(client, french)

    english = JourneyPage.objects.get(pk=english.pk)
    english.identity_level = IdentityLevel.ANONYMOUS
    english.storyteller_first_name = ""
    english.save_revision(user=safeguarder)
    approve_review(english, safeguarder)

    assert live(english)
    assert not live(french) and not live(arabic)
    assert client.get(french.url).status_code == 404
    assert client.get(arabic.url).status_code == 404


def test_original_republished_unchanged__translations_stay(story_in_three_languages, safeguarder):
    english = JourneyPage.objects.get(pk=story_in_three_languages["en"].pk)
    english.introduction = "A new first line, the storyteller named as before."
    english.save_revision(user=safeguarder)
    approve_review(english, safeguarder)

    assert live(story_in_three_languages["fr"]) and live(story_in_three_languages["ar"])


def test_consent_narrowed_to_anonymous__every_page_that_names_the_storyteller_comes_off(
    story_in_three_languages, client
):
    consent = ConsentRecord.objects.get(journey=story_in_three_languages["en"])
    consent.identity_level = IdentityLevel.ANONYMOUS
    consent.save()

    for page in story_in_three_languages.values():
        assert not live(page), page.url
        assert client.get(page.url).status_code == 404


def test_consent_no_longer_covering_the_website__the_story_comes_off_in_every_language(story_in_three_languages):
    consent = ConsentRecord.objects.get(journey=story_in_three_languages["en"])
    consent.covers_website = False
    consent.save()

    assert not any(live(page) for page in story_in_three_languages.values())


def test_consent_edited_without_narrowing__nothing_comes_off(story_in_three_languages):
    consent = ConsentRecord.objects.get(journey=story_in_three_languages["en"])
    consent.collected_by = "Another member of staff"
    consent.save()

    assert all(live(page) for page in story_in_three_languages.values())


def test_original_unpublished_in_the_admin__every_language_goes(story_in_three_languages, admin_client, client):
    english = story_in_three_languages["en"]
    response = admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[english.pk]))
    assert response.status_code == 302

    for page in story_in_three_languages.values():
        assert not live(page), page.url
    admin_client.logout()
    assert client.get(story_in_three_languages["fr"].url).status_code == 404


def test_original_deleted_in_the_admin__no_translation_stays_live_without_its_consent_record(
    story_in_three_languages, admin_client, client
):
    english, french = story_in_three_languages["en"], story_in_three_languages["fr"]
    french_url = french.url
    response = admin_client.post(reverse("wagtailadmin_pages:delete", args=[english.pk]))
    assert response.status_code == 302
    assert not JourneyPage.objects.filter(pk=english.pk).exists()

    assert not JourneyPage.objects.filter(live=True).exists()
    admin_client.logout()
    assert client.get(french_url).status_code == 404


def test_a_translation_unpublished_on_its_own__leaves_the_original(story_in_three_languages, admin_client):
    french = story_in_three_languages["fr"]
    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=[french.pk]))

    assert not live(french)
    assert live(story_in_three_languages["en"]) and live(story_in_three_languages["ar"])


def test_alias_of_a_live_story__is_live_under_the_same_consent_and_goes_with_a_withdrawal(
    published_journey, journey_index, safeguarder, client
):
    from demo.factories.journeys import JourneyIndexPageFactory
    from journeys.consent.withdrawal import withdraw_consent

    elsewhere = JourneyIndexPageFactory(parent=journey_index.get_parent(), slug="more-stories")
    alias = published_journey.create_alias(parent=elsewhere, update_slug="finding-work-again")
    assert live(alias)
    assert ConsentRecord.objects.for_page(alias) == ConsentRecord.objects.get(journey=published_journey)
    assert client.get(alias.url).status_code == 200

    withdraw_consent(ConsentRecord.objects.get(journey=published_journey), user=safeguarder, reason="asked")
    assert not live(alias)
    assert client.get(alias.url).status_code == 404


def test_check_command__takes_down_a_translation_left_live_without_its_original(story_in_three_languages, capsys):
    from django.core.management import CommandError, call_command
    from django.db.models.signals import pre_delete

    from wagtail.signals import page_unpublished

    from journeys.consent import every_language

    english, french = story_in_three_languages["en"], story_in_three_languages["fr"]
    # The original deleted before deleting took every language down with it (or with signals off).
    pre_delete.disconnect(sender=JourneyPage, dispatch_uid="journeys-deleted")
    page_unpublished.disconnect(sender=JourneyPage, dispatch_uid="journeys-unpublished")
    try:
        english.delete()
    finally:
        pre_delete.connect(every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-deleted")
        page_unpublished.connect(
            every_language.original_unpublished, sender=JourneyPage, dispatch_uid="journeys-unpublished"
        )
    assert live(french)

    with pytest.raises(CommandError):
        call_command("check_translation_privacy")
    assert "live with no original and no consent record" in capsys.readouterr().out
    call_command("check_translation_privacy", "--fix")
    assert not live(french)


def test_story_with_an_alias__its_next_reviewed_change_is_published_and_the_alias_follows(
    published_journey, safeguarder, client
):
    alias = published_journey.create_alias(update_slug="finding-work-again")
    story = JourneyPage.objects.get(pk=published_journey.pk)
    story.introduction = "A new first line, reviewed."
    story.save_revision(user=safeguarder)
    approve_review(story, safeguarder)

    alias = JourneyPage.objects.get(pk=alias.pk)
    assert alias.live and alias.introduction == "A new first line, reviewed."
    assert "A new first line, reviewed." in client.get(alias.url).content.decode()


def test_alias_of_a_live_story__cannot_be_given_text_of_its_own(published_journey):
    from journeys.review.guard import PublicationRefused

    alias = JourneyPage.objects.get(pk=published_journey.create_alias(update_slug="finding-work-again").pk)
    alias.introduction = "Words nobody reviewed."
    with pytest.raises(PublicationRefused):
        alias.save()


def test_consent_record__never_moves_off_a_live_story(story_in_three_languages, journey_index, admin_client):
    from demo.factories.journeys import JourneyPageFactory

    consent = ConsentRecord.objects.get(journey=story_in_three_languages["en"])
    other = JourneyPageFactory(parent=journey_index, slug="another-story")

    # In the admin the story is not offered for change.
    edit_url = reverse("wagtailsnippets_journeys_consentrecord:edit", args=[consent.pk])
    form = admin_client.get(edit_url).context["form"]
    assert form.fields["journey"].disabled

    # And no other path moves it.
    consent.journey = other
    with pytest.raises(PermissionDenied):
        consent.save()
    assert ConsentRecord.objects.get(pk=consent.pk).journey_id == story_in_three_languages["en"].pk
