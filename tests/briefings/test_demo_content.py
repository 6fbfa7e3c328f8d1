"""The briefings' demo content: a members-only archive and five briefings, seeded without emailing anyone."""

import pytest

from wagtail.models import PageViewRestriction

from briefings.models import BriefingDelivery, BriefingIndexPage, BriefingMailing, PressBriefingPage
from demo import briefings
from demo.pages import HOME_FIELDS
from demo.seeder import DemoSeeder, validate_streams

pytestmark = pytest.mark.django_db


def seed():
    seeder = DemoSeeder()
    seeder.ensure_home(**HOME_FIELDS)
    briefings.seed(seeder)
    return seeder


def test_seed__builds_a_members_only_archive_of_five_briefings_and_emails_nobody(people, smtp):
    seed()

    index = BriefingIndexPage.objects.get()
    restriction = PageViewRestriction.objects.get(page=index)
    assert list(restriction.groups.values_list("name", flat=True)) == ["Members"]
    briefings = list(PressBriefingPage.objects.child_of(index).live())
    assert len(briefings) == 5 and len({briefing.date for briefing in briefings}) == 5
    for briefing in briefings:
        briefing.full_clean()
        validate_streams(briefing)
        assert briefing.live_revision_id and briefing.summary and briefing.stories
        assert all(story["link"].startswith("https://example.org/") for story in briefing.stories)
        assert all("(illustrative)" in story["outlet"] for story in briefing.stories)
    assert smtp.messages == []
    assert not BriefingDelivery.objects.exists()
    assert BriefingMailing.objects.filter(suppressed=True).count() == 5


def test_seed__second_run_creates_nothing_and_a_later_republish_emails_nobody(people, smtp, publish):
    seed()
    pages = PressBriefingPage.objects.count()

    seeder = seed()

    assert PressBriefingPage.objects.count() == pages and not seeder.created
    publish(PressBriefingPage.objects.first())
    assert smtp.messages == []
