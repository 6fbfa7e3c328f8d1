"""Withdrawing consent takes a story off the site by every path a visitor, a crawler or a feed reader could use:
every language, every alias, every listing, search, feeds, the sitemap and the image files themselves. It is
final: the story cannot be published again. The page history says who did it, never why.

The story here has a listing image and an image in its text, a published French translation and an Arabic
alias; a news-style page elsewhere shares its listing image.
"""

import pytest
from bs4 import BeautifulSoup

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Locale, PageLogEntry, WorkflowState

from demo.factories.home import ImageFactory, StandardPageFactory
from demo.factories.journeys import JourneyPageFactory, approve_review, publish_through_review
from home.models import CustomImage
from imix_site.urls import serve_uploaded_image
from journeys.consent.withdrawal import WITHDRAWN_ACTION, withdraw_consent
from journeys.models import ConsentRecord, JourneyPage, StorytellerRequest
from journeys.review.models import safeguarding_workflow

pytestmark = pytest.mark.django_db

MARKER = "Zephyrinemarker"
TITLE = f"The {MARKER} crossing"
REASON = "Her brother was questioned about the story at home"


@pytest.fixture
def locale_fr(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def listing_image(media_root):
    return ImageFactory(title="Harbour at dawn", file__width=320, file__height=200)


@pytest.fixture
def inline_image(media_root):
    return ImageFactory(title="A kitchen table", file__width=240, file__height=160)


def story_blocks(image):
    return [
        {"type": "text", "value": f"<p>I crossed at night. {MARKER} was the name of the boat.</p>"},
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "decorative": False, "alt_text": "A kitchen table"},
                "caption": "Our first kitchen",
                "credit": "",
            },
        },
    ]


@pytest.fixture
def story(journey_index, safeguarder, listing_image, inline_image):
    page = JourneyPageFactory(
        parent=journey_index,
        title=TITLE,
        slug="the-crossing",
        listing_image=listing_image,
        story=story_blocks(inline_image),
    )
    return publish_through_review(page, reviewer=safeguarder)


@pytest.fixture
def french(story, safeguarder, locale_fr):
    translation = story.copy_for_translation(locale_fr, copy_parents=True)
    translation.title = f"La traversée {MARKER}"
    translation.save_revision()
    return publish_through_review(translation, reviewer=safeguarder)


@pytest.fixture
def arabic_alias(story, locale_ar):
    alias = story.copy_for_translation(locale_ar, copy_parents=True, alias=True)
    return JourneyPage.objects.get(pk=alias.pk)


@pytest.fixture
def sharing_page(home_page, listing_image):
    """Another page that uses the story's listing image."""
    return StandardPageFactory(
        parent=home_page,
        title="Our volunteers",
        slug="volunteers",
        listing_image=listing_image,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )


@pytest.fixture
def everything(story, french, arabic_alias, sharing_page):
    return {"story": story, "french": french, "alias": arabic_alias, "sharing": sharing_page}


def public_urls(journey_index):
    return {
        "index": journey_index.url,
        "home": "/en/",
        "search": f"/en/search/?query={MARKER}",
        "rss": f"{journey_index.url}feed/rss/",
        "atom": f"{journey_index.url}feed/atom/",
        "sitemap": "/sitemap.xml",
    }


def rendition_paths(*images):
    return [rendition.file.name for image in images for rendition in image.renditions.all()]


def assert_media_gone(media_root, rf, paths):
    for path in paths:
        assert not (media_root / path).exists(), path
        with pytest.raises(Http404):
            serve_uploaded_image(rf.get(f"/media/{path}"), path)


@pytest.mark.parametrize("visitor", ["anonymous", "non_member"])
def test_after_withdrawal_the_story_is_gone_from_every_path(
    client, rf, user, visitor, everything, journey_index, safeguarder, listing_image, inline_image, media_root
):
    if visitor == "non_member":
        client.force_login(user)
    story, french, alias = everything["story"], everything["french"], everything["alias"]
    urls = public_urls(journey_index)

    # Before: the story is everywhere, and the home page's section is cached with it.
    for page in (story, french, alias):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
    assert alias.live and french.live
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert story.url in response.content.decode() or story.full_url in response.content.decode(), name
    image_paths = [listing_image.file.name, inline_image.file.name, *rendition_paths(listing_image, inline_image)]
    assert len(image_paths) > 2, "the pages made renditions"
    assert all((media_root / path).exists() for path in image_paths)

    unpublished = withdraw_consent(ConsentRecord.objects.for_page(story), user=safeguarder, reason=REASON)

    assert {page.pk for page in unpublished} >= {story.pk, french.pk}
    for page in (story, french, alias):
        assert not JourneyPage.objects.get(pk=page.pk).live, page
        response = client.get(page.url)
        assert response.status_code == 404, page.url
        assert MARKER not in response.content.decode()
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert story.url not in html and french.url not in html and alias.url not in html, name
        if name != "search":  # the search page repeats the words searched for
            assert MARKER not in html, name
    for url in ("/api/v2/pages/", f"/api/v2/pages/{story.pk}/", "/en/api/v2/pages/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert MARKER not in response.content.decode()
    assert_media_gone(media_root, rf, image_paths)


def test_withdrawal_quarantines_images_and_other_pages_render_without_them(
    client, everything, listing_image, inline_image
):
    story, sharing = everything["story"], everything["sharing"]
    assert client.get(sharing.url).status_code == 200

    withdraw_consent(ConsentRecord.objects.for_page(story), reason=REASON)

    for image in (listing_image, inline_image):
        image = CustomImage.objects.get(pk=image.pk)
        assert image.quarantined_at is not None
        assert image.file.name.startswith("quarantine/")
        assert not image.renditions.exists()
    response = client.get(sharing.url)
    assert response.status_code == 200, "a page sharing a quarantined image still renders"
    assert "quarantine/" not in response.content.decode()


def test_a_withdrawn_story_cannot_be_published_again(everything, safeguarder):
    story = everything["story"]
    withdraw_consent(ConsentRecord.objects.for_page(story), user=safeguarder, reason=REASON)

    story = JourneyPage.objects.get(pk=story.pk)
    story.title = f"{TITLE}, again"
    story.save_revision(user=safeguarder)
    with pytest.raises(PermissionDenied, match="withdrawn"):
        approve_review(story, safeguarder)
    french = JourneyPage.objects.get(pk=everything["french"].pk)
    french.save_revision(user=safeguarder)
    with pytest.raises(PermissionDenied, match="withdrawn"):
        approve_review(french, safeguarder)
    assert not JourneyPage.objects.filter(translation_key=story.translation_key, live=True).exists()


def test_the_record_and_the_page_history_say_who_and_when_but_the_reason_stays_on_the_record(everything, safeguarder):
    story, french = everything["story"], everything["french"]
    before = timezone.now()

    withdraw_consent(ConsentRecord.objects.for_page(story), user=safeguarder, reason=REASON)

    consent = ConsentRecord.objects.for_page(story)
    assert consent.status == ConsentRecord.Status.WITHDRAWN
    assert consent.taken_down_by == safeguarder
    assert consent.taken_down_at >= before
    assert consent.take_down_source == ConsentRecord.Source.STAFF
    assert consent.take_down_reason == REASON
    for page in (story, french):
        entries = PageLogEntry.objects.filter(page_id=page.pk, action=WITHDRAWN_ACTION)
        assert entries.count() == 1
        entry = entries.get()
        assert entry.user == safeguarder and entry.timestamp >= before
        assert entry.data == {"source": "staff"}
        assert REASON not in str(entry.data) and REASON not in entry.message
        unpublish = PageLogEntry.objects.get(page_id=page.pk, action="wagtail.unpublish")
        assert unpublish.user == safeguarder


def test_withdrawing_twice_changes_nothing_more(everything, safeguarder, editor):
    story = everything["story"]
    consent = ConsentRecord.objects.for_page(story)
    withdraw_consent(consent, user=safeguarder, reason=REASON)

    again = withdraw_consent(consent, user=editor, reason="Another reason")

    consent.refresh_from_db()
    assert again == []
    assert consent.taken_down_by == safeguarder and consent.take_down_reason == REASON
    assert PageLogEntry.objects.filter(page_id=story.pk, action=WITHDRAWN_ACTION).count() == 1


def test_withdrawal_cancels_a_review_in_progress_and_any_scheduled_publication(story, safeguarder):
    story.title = f"{TITLE}, revised"
    revision = story.save_revision(user=safeguarder)
    revision.approved_go_live_at = timezone.now() + timezone.timedelta(days=2)
    revision.save()
    JourneyPage.objects.filter(pk=story.pk).update(go_live_at=timezone.now() + timezone.timedelta(days=2))
    safeguarding_workflow().start(story, safeguarder)
    assert WorkflowState.objects.active().for_instance(story).exists()

    withdraw_consent(ConsentRecord.objects.for_page(story), user=safeguarder, reason=REASON)

    story = JourneyPage.objects.get(pk=story.pk)
    assert not WorkflowState.objects.active().for_instance(story).exists()
    assert story.go_live_at is None
    assert not story.revisions.exclude(approved_go_live_at=None).exists()
    assert not story.live


# The admin's confirmation page.


def withdraw_url(consent):
    return reverse("journeys_withdraw_consent", args=[consent.pk])


def test_the_confirmation_page_shows_what_will_happen(client, everything, safeguarder):
    consent = ConsentRecord.objects.for_page(everything["story"])
    client.force_login(safeguarder)

    response = client.get(withdraw_url(consent))

    html = response.content.decode()
    assert response.status_code == 200
    assert TITLE in html and f"La traversée {MARKER}" in html
    assert "French" in html and "Arabic" in html and "alias" in html
    assert "Harbour at dawn" in html and "A kitchen table" in html
    assert "Our volunteers" in html, "another page using the images is named"
    assert ConsentRecord.objects.get(pk=consent.pk).is_active, "looking changes nothing"


def test_withdrawing_from_the_admin_needs_a_reason_then_takes_the_story_down(client, everything, safeguarder):
    story = everything["story"]
    consent = ConsentRecord.objects.for_page(story)
    client.force_login(safeguarder)

    response = client.post(withdraw_url(consent), {"reason": "", "source": "storyteller"})
    assert response.status_code == 200
    assert ConsentRecord.objects.get(pk=consent.pk).is_active
    assert JourneyPage.objects.get(pk=story.pk).live

    response = client.post(withdraw_url(consent), {"reason": REASON, "source": "storyteller"})
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.status == ConsentRecord.Status.WITHDRAWN
    assert consent.take_down_source == ConsentRecord.Source.STORYTELLER
    assert consent.taken_down_by == safeguarder
    assert not JourneyPage.objects.filter(translation_key=story.translation_key, live=True).exists()


def test_staff_without_the_withdraw_permission_cannot_withdraw(client, story, editor):
    consent = ConsentRecord.objects.for_page(story)
    client.force_login(editor)

    for response in (client.get(withdraw_url(consent)), client.post(withdraw_url(consent), {"reason": REASON})):
        assert response.status_code in (302, 403)
    assert ConsentRecord.objects.get(pk=consent.pk).is_active
    assert JourneyPage.objects.get(pk=story.pk).live


def test_the_consent_listing_links_to_the_withdraw_and_link_pages(client, story, safeguarder):
    consent = ConsentRecord.objects.for_page(story)
    client.force_login(safeguarder)

    listing = client.get(reverse(ConsentRecord.snippet_viewset.get_url_name("list")))
    edit = client.get(reverse(ConsentRecord.snippet_viewset.get_url_name("edit"), args=[consent.pk]))

    assert listing.status_code == 200 and edit.status_code == 200
    for response in (listing, edit):
        html = response.content.decode()
        assert withdraw_url(consent) in html
        assert reverse("journeys_storyteller_link", args=[consent.pk]) in html


def test_images_of_the_live_version_and_of_an_unpublished_draft_are_both_taken_off(story, listing_image):
    draft_image = ImageFactory(title="A new photo, not yet published", file__width=64, file__height=64)
    story.listing_image = draft_image
    story.save_revision()
    assert JourneyPage.objects.get(pk=story.pk).listing_image_id == listing_image.pk, "the live version keeps its image"

    withdraw_consent(ConsentRecord.objects.for_page(story), reason=REASON)

    assert CustomImage.objects.get(pk=listing_image.pk).is_quarantined
    assert CustomImage.objects.get(pk=draft_image.pk).is_quarantined


def test_the_consent_record_history_shows_the_withdrawal(client, story, safeguarder):
    consent = ConsentRecord.objects.for_page(story)
    withdraw_consent(consent, user=safeguarder, reason=REASON)
    client.force_login(safeguarder)

    response = client.get(reverse(ConsentRecord.snippet_viewset.get_url_name("history"), args=[consent.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Consent withdrawn" in html and "Staff, in the admin" in html
    assert REASON not in html


def test_a_second_withdrawal_from_the_admin_changes_nothing(client, story, safeguarder, editor):
    consent = ConsentRecord.objects.for_page(story)
    withdraw_consent(consent, user=safeguarder, reason=REASON)
    client.force_login(safeguarder)

    response = client.post(withdraw_url(consent), {"reason": "Again", "source": "staff"})

    assert response.status_code == 200
    assert "cannot be published again" in response.content.decode()
    assert ConsentRecord.objects.get(pk=consent.pk).take_down_reason == REASON


def test_acting_on_a_storyteller_request_starts_the_withdrawal_with_them_as_the_source(client, story, safeguarder):
    consent = ConsentRecord.objects.for_page(story)
    request = StorytellerRequest.objects.create(consent=consent, kind="withdraw")
    client.force_login(safeguarder)

    handled_page = client.get(
        reverse(StorytellerRequest.snippet_viewset.get_url_name("handled"), args=[request.pk])
    ).content.decode()
    link = f"{withdraw_url(consent)}?source=storyteller"
    assert link in handled_page
    confirmation = client.get(link).content.decode()

    radio = BeautifulSoup(confirmation, "html.parser").find("input", {"name": "source", "value": "storyteller"})
    assert radio.has_attr("checked")


def test_images_of_an_older_published_version_are_taken_off_too(story, safeguarder, listing_image):
    """A photo the story showed once, then dropped in a later reviewed version, may have been seen and copied."""
    replacement = ImageFactory(title="A quiet street", file__width=64, file__height=64)
    story.listing_image = replacement
    story.save_revision(user=safeguarder)
    story = publish_through_review(story, reviewer=safeguarder)
    assert story.live and story.live_revision.as_object().listing_image_id == replacement.pk

    withdraw_consent(ConsentRecord.objects.for_page(story), reason=REASON)

    assert CustomImage.objects.get(pk=listing_image.pk).is_quarantined
    assert CustomImage.objects.get(pk=replacement.pk).is_quarantined
