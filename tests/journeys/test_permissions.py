"""Who may do what with stories: Safeguarding reviewers write and edit stories, but never publish by themselves."""

import pytest

from django.urls import reverse

from demo.factories.journeys import JourneyIndexPageFactory

pytestmark = pytest.mark.django_db


def test_safeguarders_can_open_a_draft_story_in_the_editor(client, safeguarder, draft_journey):
    client.force_login(safeguarder)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[draft_journey.pk]))
    assert response.status_code == 200


def test_safeguarders_may_add_and_edit_stories_in_any_new_index_but_not_publish(safeguarder, home_page):
    index = JourneyIndexPageFactory(parent=home_page, slug="stories")
    permissions = index.permissions_for_user(safeguarder)
    assert permissions.can_add_subpage()
    assert permissions.can_edit()
    assert not permissions.can_publish()
