"""The Human Journeys demo that `manage.py seed_demo` loads: safe stories, honest take-downs, no duplicates.

The tests share one build (tests/demo/conftest.py); each runs in its own savepoint within it.
"""

import datetime

import pytest
from PIL import Image

from django.contrib.auth import get_user_model
from django.utils import timezone

from demo.journeys import DEFAULT_SAFEGUARDING_PASSWORD, SAFEGUARDING_EMAIL
from home.models import CustomImage, HomePage
from journeys.models import (
    ConsentRecord,
    IdentityLevel,
    JourneyIndexPage,
    JourneyPage,
    JourneyTheme,
    ShareJourneyPage,
    StorySubmission,
)
from journeys.review.guard import has_passed_review, publication_problems
from journeys.team import is_safeguarder

from .seeding import IN_ENGLISH, row_counts, seed

pytestmark = pytest.mark.django_db

FICTION_NOTE = "A fictional story written for this demonstration."


def story(slug):
    return JourneyPage.objects.get(slug=slug, **IN_ENGLISH)


@pytest.mark.usefixtures("seeded_site")
class TestJourneysDemo:
    def test_index_and_share_pages_are_live_and_the_home_page_lists_the_stories(self):
        index = JourneyIndexPage.objects.get(**IN_ENGLISH)
        home = HomePage.objects.get(**IN_ENGLISH)
        assert index.live and index.get_parent().pk == home.pk
        assert home.journeys_index_id == index.pk
        share = ShareJourneyPage.objects.child_of(index).get()
        assert share.live and share.introduction and share.thank_you_text
        assert len(share.reassurance) >= 2
        assert set(JourneyTheme.objects.filter(**IN_ENGLISH).values_list("name", flat=True)) == {
            "Arrival",
            "Belonging",
            "Community",
            "Education",
            "Family",
            "Work",
        }

    def test_at_least_six_fictional_stories_cover_every_identity_level(self):
        stories = list(JourneyPage.objects.filter(**IN_ENGLISH))
        assert len(stories) >= 6
        assert {page.identity_level for page in stories} == set(IdentityLevel.values)
        for page in stories:
            assert FICTION_NOTE in page.listing_summary, page

    def test_live_stories_have_an_active_consent_and_passed_the_safeguarding_review(self):
        live = JourneyPage.objects.live()
        assert live.count() >= 5
        today = timezone.localdate()
        for page in live:
            consent = ConsentRecord.objects.for_page(page)
            assert consent.is_active and consent.covers_website, page
            assert consent.valid_until > today + datetime.timedelta(days=300), page
            assert consent.collected_by and consent.storyteller_name, page
            assert has_passed_review(page.live_revision), page
            assert publication_problems(page, page.live_revision) == [], page
        reviewer = get_user_model().objects.get(email=SAFEGUARDING_EMAIL)
        assert is_safeguarder(reviewer)

    def test_stories_use_every_kind_of_telling_with_pictures_that_have_alt_text(self):
        stories = list(JourneyPage.objects.prefetch_related("themes"))
        assert any(page.as_told_to for page in stories)
        assert any(page.has_content_warning for page in stories)
        assert any(page.content_warning_note for page in stories)
        for page in stories:
            assert page.pull_quote and page.themes.all(), page
            assert page.listing_image_id, page
            kinds = [block.block_type for block in page.story]
            assert kinds.count("text") >= 2 and "quote" in kinds and "image" in kinds, page
            assert page.story_text().count("\n") >= 3, page
            for block in page.story:
                if block.block_type == "image":
                    assert not block.value["image"].decorative
                    assert len(block.value["image"].contextual_alt_text) > 20

    def test_a_live_story_page_shows_the_story_and_never_the_real_name(self, client):
        page = story("the-waiting-room")
        consent = ConsentRecord.objects.for_page(page)

        response = client.get(page.url)

        assert response.status_code == 200
        content = response.content.decode()
        assert "Nour" in content and "fictional story" in content
        for part in consent.storyteller_name.split():
            assert part not in content

    def test_the_index_page_lists_the_live_stories_and_none_taken_down(self, client):
        response = client.get(JourneyIndexPage.objects.get(**IN_ENGLISH).url)

        assert response.status_code == 200
        content = response.content.decode()
        for page in JourneyPage.objects.filter(**IN_ENGLISH):
            assert (page.title in content) is page.live, page

    def test_the_expired_story_was_taken_down_by_the_expiry_and_is_not_listed(self, client):
        page = story("a-garden-on-the-allotment")
        consent = ConsentRecord.objects.for_page(page)
        assert consent.status == ConsentRecord.Status.EXPIRED
        assert consent.take_down_source == ConsentRecord.Source.EXPIRY
        assert consent.valid_until < timezone.localdate()
        self.assert_taken_down(client, page)

    def test_the_withdrawn_story_was_taken_down_with_a_reason_and_is_not_listed(self, client):
        page = story("my-first-winter")
        consent = ConsentRecord.objects.for_page(page)
        assert consent.status == ConsentRecord.Status.WITHDRAWN
        assert consent.take_down_reason and consent.taken_down_by.email == SAFEGUARDING_EMAIL
        self.assert_taken_down(client, page)

    def assert_taken_down(self, client, page):
        assert not page.live and page.first_published_at
        index = JourneyIndexPage.objects.get(**IN_ENGLISH)
        assert page not in index.get_listing_pages()
        assert page.pk not in [card.pk for card in HomePage.objects.get(**IN_ENGLISH).build_sections()["journey_pages"]]
        assert client.get(page.url or f"/en/human-journeys/{page.slug}/").status_code == 404
        images = CustomImage.objects.filter(pk__in=page.image_ids())
        assert images and all(image.is_quarantined for image in images), [
            (i.pk, i.file.name, i.quarantined_at) for i in images
        ]
        # Their pictures were their own: every live story's pictures are still on the site.
        for live in JourneyPage.objects.live():
            assert not CustomImage.objects.filter(pk__in=live.image_ids(), quarantined_at__isnull=False).exists()

    def test_two_submissions_wait_for_the_safeguarding_team_one_with_a_clean_photo(self):
        submissions = {submission.status: submission for submission in StorySubmission.objects.all()}
        assert set(submissions) == {StorySubmission.Status.NEW, StorySubmission.Status.IN_REVIEW}
        (photo,) = submissions[StorySubmission.Status.NEW].photos.all()
        assert photo.file.name.startswith("submissions/")
        with photo.file.open("rb") as stored, Image.open(stored) as picture:
            assert picture.format == "JPEG" and picture.size == (photo.width, photo.height)
            assert not picture.getexif()
        assert not submissions[StorySubmission.Status.IN_REVIEW].photos.exists()

    def test_seeding_again_duplicates_nothing(self):
        before = row_counts()
        assert before["journeys.JourneyPage"] >= 6 and before["journeys.StorySubmission"] == 2

        output = seed()

        assert row_counts() == before
        assert output.startswith("Demo content already present; nothing to create.\n")

    def test_a_deleted_story_is_made_again_and_published_through_review(self):
        story("the-team-that-found-me").delete()
        ConsentRecord.objects.filter(journey__isnull=True).delete()
        pages = JourneyPage.objects.count()

        seed()

        again = story("the-team-that-found-me")
        assert JourneyPage.objects.count() == pages + 1
        assert again.live and has_passed_review(again.live_revision)

    def test_an_existing_home_page_is_pointed_at_a_new_journeys_index_and_published(self):
        JourneyIndexPage.objects.get(**IN_ENGLISH).delete()
        home = HomePage.objects.get(**IN_ENGLISH)
        assert home.journeys_index_id is None

        seed()

        home.refresh_from_db()
        index = JourneyIndexPage.objects.get(**IN_ENGLISH)
        assert home.journeys_index_id == index.pk
        assert home.live and not home.has_unpublished_changes
        assert home.live_revision.as_object().journeys_index_id == index.pk
        assert JourneyPage.objects.child_of(index).live().count() >= 5

    def test_the_safeguarding_login_is_printed_only_in_development(self, settings):
        settings.DEBUG = False
        reviewer = get_user_model().objects.get(email=SAFEGUARDING_EMAIL)
        assert not reviewer.has_usable_password()
        assert SAFEGUARDING_EMAIL not in seed("--print-logins")

        settings.DEBUG = True
        seed()

        reviewer.refresh_from_db()
        assert reviewer.check_password(DEFAULT_SAFEGUARDING_PASSWORD)
        assert f"  Safeguarding login: {SAFEGUARDING_EMAIL} / {DEFAULT_SAFEGUARDING_PASSWORD}" in seed("--print-logins")
