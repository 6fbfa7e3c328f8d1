"""Publishing a story needs a consent record that covers the website and an approved Safeguarding review of
exactly the revision going live; every path that publishes is held to it."""

import datetime

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from demo.factories.journeys import ConsentRecordFactory, approve_review, publish_through_review
from demo.factories.members import UserFactory
from journeys.consent.withdrawal import take_down_story
from journeys.models import ConsentRecord, IdentityLevel, JourneyPage
from journeys.review.guard import PublicationRefused
from journeys.review.models import CHECKLIST, safeguarding_workflow

pytestmark = pytest.mark.django_db


def test_story_published_through_consent_and_review_is_live(published_journey, client):
    assert published_journey.live
    response = client.get(published_journey.url)
    assert response.status_code == 200


def test_publishing_directly_is_refused_even_with_consent(draft_journey):
    ConsentRecordFactory(journey=draft_journey)
    with pytest.raises(PublicationRefused, match="Safeguarding review"):
        draft_journey.save_revision().publish()
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live


def test_approval_is_refused_without_consent(draft_journey, safeguarder):
    draft_journey.save_revision()
    with pytest.raises(PermissionDenied, match="no consent record"):
        approve_review(draft_journey, safeguarder)
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live


@pytest.mark.parametrize(
    ("consent_fields", "message"),
    [
        ({"valid_until": datetime.date(2020, 1, 1)}, "expired"),
        ({"covers_website": False}, "does not cover the website"),
        ({"identity_level": IdentityLevel.PSEUDONYM}, "agreed only to"),
    ],
)
def test_approval_is_refused_when_consent_does_not_allow_it(draft_journey, safeguarder, consent_fields, message):
    draft_journey.save_revision()
    ConsentRecordFactory(journey=draft_journey, **consent_fields)
    with pytest.raises(PermissionDenied, match=message):
        approve_review(draft_journey, safeguarder)
    assert not JourneyPage.objects.get(pk=draft_journey.pk).live


def test_a_superuser_outside_the_safeguarding_group_cannot_approve(draft_journey):
    ConsentRecordFactory(journey=draft_journey)
    boss = UserFactory(is_superuser=True, is_staff=True)
    draft_journey.save_revision()
    with pytest.raises(PermissionDenied, match="Safeguarding group"):
        approve_review(draft_journey, boss)


def test_editing_a_published_story_needs_review_again(published_journey):
    published_journey.title = "Finding work in Leeds, and a home"
    revision = published_journey.save_revision()
    with pytest.raises(PublicationRefused):
        revision.publish()
    assert JourneyPage.objects.get(pk=published_journey.pk).title == "Finding work in Leeds"


def test_real_name_in_the_text_blocks_publication_when_the_level_hides_it(draft_journey, safeguarder):
    ConsentRecordFactory(journey=draft_journey, storyteller_name="Amal Haddad")
    draft_journey.introduction = "Amal Haddad came to Leeds in 2019."
    draft_journey.save_revision()
    with pytest.raises(PermissionDenied, match="real name appears in the introduction"):
        approve_review(draft_journey, safeguarder)


def test_every_story_uses_the_safeguarding_workflow(draft_journey):
    assert draft_journey.get_workflow() == safeguarding_workflow()
    assert draft_journey.has_workflow


def test_checklist_must_be_ticked(draft_journey, safeguarder):
    ConsentRecordFactory(journey=draft_journey)
    draft_journey.save_revision()
    state = safeguarding_workflow().start(draft_journey, safeguarder)
    task_state = state.current_task_state
    incomplete = {name: True for name, _label in CHECKLIST[:-1]}
    with pytest.raises(PermissionDenied, match="Every safeguarding check"):
        task_state.task.specific.on_action(task_state, safeguarder, "approve", **incomplete)


def test_republishing_after_review_of_the_new_revision_works(published_journey, safeguarder):
    published_journey.title = "Finding work in Leeds, and a home"
    published_journey.save_revision()
    publish_through_review(published_journey, reviewer=safeguarder)
    assert JourneyPage.objects.get(pk=published_journey.pk).title == "Finding work in Leeds, and a home"
    assert timezone.now()


# A story taken down when its consent expired goes back up only through a new review.


def take_down_as_expired_and_renew(page):
    consent = ConsentRecord.objects.for_page(page)
    take_down_story(consent, status=ConsentRecord.Status.EXPIRED, source=ConsentRecord.Source.EXPIRY)
    consent.refresh_from_db()
    # As the admin's renewal does: a future date makes the record active again.
    consent.valid_until = timezone.localdate() + datetime.timedelta(days=365)
    consent.status = ConsentRecord.Status.ACTIVE
    consent.save()
    page = JourneyPage.objects.get(pk=page.pk)
    assert not page.live
    return page


def test_a_renewed_story_is_not_published_again_on_its_old_approval(published_journey):
    approved = published_journey.live_revision
    page = take_down_as_expired_and_renew(published_journey)

    with pytest.raises(PublicationRefused, match="Safeguarding review"):
        approved.publish()

    assert not JourneyPage.objects.get(pk=page.pk).live


@pytest.fixture
def moderator(django_user_model):
    moderator = django_user_model.objects.create_user(email="moderator@example.org", password="a-long-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    return moderator


def test_a_moderator_cannot_bulk_publish_a_renewed_story_without_a_new_review(client, moderator, published_journey):
    page = take_down_as_expired_and_renew(published_journey)
    client.force_login(moderator)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    response = client.post(f"{url}?id={page.pk}&next=/admin/", {}, follow=True)

    assert response.status_code == 200
    assert "Nothing was published" in response.content.decode()
    assert not JourneyPage.objects.get(pk=page.pk).live


def test_a_renewed_story_goes_live_again_after_a_fresh_review(published_journey, safeguarder):
    page = take_down_as_expired_and_renew(published_journey)

    page.save_revision(user=safeguarder)
    approve_review(page, safeguarder)

    assert JourneyPage.objects.get(pk=page.pk).live
