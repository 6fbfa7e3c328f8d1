"""Factories for Human Journeys (journeys/), shared by the tests and the demo site.

Stories are made as drafts: the only way to publish one is `publish_through_review`, which goes the way an
editor's story goes (a consent record, the Safeguarding review, its checklist), so tests and the demo
never take a path the site refuses to real editors.
"""

import datetime

import factory

from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify

from wagtail.rich_text import RichText

from journeys.models import (
    ConsentRecord,
    IdentityLevel,
    JourneyIndexPage,
    JourneyPage,
    JourneyTheme,
    ShareJourneyPage,
    StorySubmission,
)
from journeys.review.models import CHECKLIST, SafeguardingReviewTask, safeguarding_workflow
from journeys.team import SAFEGUARDING_GROUP

from .home import BasePageFactory, default_locale
from .members import UserFactory

__all__ = [
    "ConsentRecordFactory",
    "JourneyIndexPageFactory",
    "JourneyPageFactory",
    "JourneyThemeFactory",
    "SafeguarderFactory",
    "ShareJourneyPageFactory",
    "StorySubmissionFactory",
    "approve_review",
    "publish_through_review",
]


class JourneyThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JourneyTheme
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.LazyAttribute(lambda theme: slugify(theme.name))
    locale = factory.LazyFunction(default_locale)


class JourneyIndexPageFactory(BasePageFactory):
    class Meta:
        model = JourneyIndexPage

    title = "Human Journeys"
    slug = "human-journeys"
    introduction = "Stories of people with lived experience of migration, shared safely and in their own words."


class ShareJourneyPageFactory(BasePageFactory):
    class Meta:
        model = ShareJourneyPage

    title = "Share your journey"
    slug = "share-your-journey"
    introduction = "Tell us your story. Only our Safeguarding team reads it, and nothing is published without you."
    thank_you_text = "Thank you. Our Safeguarding team will read your story carefully."


class JourneyPageFactory(BasePageFactory):
    """A draft story told under a first name (publish it with `publish_through_review`)."""

    class Meta:
        model = JourneyPage
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"A journey {n}")
    live = False
    introduction = "A story of arriving somewhere new and finding a place in it."
    identity_level = IdentityLevel.FIRST_NAME
    storyteller_first_name = "Amal"
    pull_quote = "Home is where people know your name."
    story = factory.LazyFunction(
        lambda: [
            ("text", RichText("<p>I arrived in winter, with one bag and a phone number written on my hand.</p>")),
            ("quote", {"quote": "The first kind word changed everything.", "attribution": "", "role": ""}),
        ]
    )


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    storyteller_name = "Amal Haddad"
    consent_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    covers_website = True
    covers_social_media = True
    identity_level = factory.LazyAttribute(lambda record: record.journey.identity_level)
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=365))
    collected_by = "IMIX Safeguarding lead"


class SafeguarderFactory(UserFactory):
    """A member of staff in the Safeguarding group, with access to the admin."""

    email = factory.Sequence(lambda n: f"safeguarding{n}@imix.org.uk")
    is_staff = True

    @factory.post_generation
    def safeguarding_group(user, create, extracted, **kwargs):
        if create:
            user.groups.add(Group.objects.get(name=SAFEGUARDING_GROUP))


class StorySubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StorySubmission

    story = "I left my town when I was twenty. This is what happened next."
    identity_level = IdentityLevel.FIRST_NAME
    first_name = "Samir"
    language = "en"
    consents_to_website = True
    understands_withdrawal = True
    age_confirmation = StorySubmission.AgeConfirmation.ADULT


def approve_review(page, reviewer, comment=""):
    """Start the Safeguarding review on the page's latest revision and approve it, checklist ticked."""
    workflow = safeguarding_workflow()
    workflow_state = page.current_workflow_state or workflow.start(page, reviewer)
    task_state = workflow_state.current_task_state
    task = task_state.task.specific
    if not isinstance(task, SafeguardingReviewTask):
        raise TypeError(f"The story is on {task!r}, not the Safeguarding review")
    checklist = {name: True for name, _label in CHECKLIST}
    task.on_action(task_state, reviewer, "approve", comment=comment, **checklist)


def publish_through_review(page, reviewer=None, consent=True, **consent_fields):
    """Publish a draft story the way editors do: consent record, then an approved Safeguarding review."""
    reviewer = reviewer or SafeguarderFactory()
    source = page.get_translation(default_locale()) if page.locale_id != default_locale().pk else page
    if consent and not ConsentRecord.objects.filter(journey__translation_key=page.translation_key).exists():
        ConsentRecordFactory(journey=source, **consent_fields)
    if page.get_latest_revision() is None:
        page.save_revision(user=reviewer)
    approve_review(page, reviewer)
    page.refresh_from_db()
    return page
