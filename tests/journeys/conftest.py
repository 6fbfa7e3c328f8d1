"""Fixtures for Human Journeys: an index under the home page, a draft story, and a published one.

Stories are published only through `publish_through_review` (consent record + approved Safeguarding
review), the same path the site enforces for editors.
"""

import pytest

from django.utils import timezone

from demo.factories.journeys import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    JourneyThemeFactory,
    SafeguarderFactory,
    publish_through_review,
)


@pytest.fixture
def journey_index(home_page):
    index = JourneyIndexPageFactory(
        parent=home_page, first_published_at=timezone.now(), last_published_at=timezone.now()
    )
    home_page.journeys_index = index
    home_page.save()
    return index


@pytest.fixture
def safeguarder(db):
    return SafeguarderFactory()


@pytest.fixture
def work_theme(locale_en):
    return JourneyThemeFactory(name="Work", slug="work", locale=locale_en)


@pytest.fixture
def draft_journey(journey_index):
    return JourneyPageFactory(parent=journey_index, title="Finding work in Leeds", slug="finding-work")


@pytest.fixture
def published_journey(draft_journey, safeguarder):
    return publish_through_review(draft_journey, reviewer=safeguarder)
