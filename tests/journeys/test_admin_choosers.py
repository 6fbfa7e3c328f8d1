"""Wagtail makes a chooser for every snippet, reachable by URL even where no form uses it. The choosers of
story submissions and storyteller requests would list what storytellers sent, so they answer only to the
Safeguarding group, like the listings themselves."""

import pytest

from demo.factories.journeys import StorySubmissionFactory
from journeys.models import ConsentRecord, StorytellerRequest

pytestmark = pytest.mark.django_db

SECRET = "Zephyrine told me they came back for her brother"


@pytest.fixture
def submission(db):
    return StorySubmissionFactory(story=SECRET)


@pytest.fixture
def storyteller_request(published_journey):
    return StorytellerRequest.objects.create(
        consent=ConsentRecord.objects.for_page(published_journey), kind="withdraw", message=SECRET
    )


def chooser_urls(submission, storyteller_request):
    return [
        "/admin/snippets/choose/journeys/storysubmission/",
        f"/admin/snippets/choose/journeys/storysubmission/chosen/{submission.pk}/",
        "/admin/snippets/choose/journeys/storytellerrequest/",
        f"/admin/snippets/choose/journeys/storytellerrequest/chosen/{storyteller_request.pk}/",
    ]


@pytest.mark.parametrize("modal", [False, True])
def test_editors_cannot_open_the_choosers(client, editor, submission, storyteller_request, modal):
    client.force_login(editor)
    headers = {"x-requested-with": "XMLHttpRequest"} if modal else {}

    for url in chooser_urls(submission, storyteller_request):
        response = client.get(url, headers=headers)
        assert response.status_code in (302, 403), url
        html = response.content.decode()
        assert submission.reference not in html and SECRET not in html, url
        assert str(storyteller_request) not in html, url


def test_the_safeguarding_group_can_open_the_choosers(client, safeguarder, submission, storyteller_request):
    client.force_login(safeguarder)

    for url in chooser_urls(submission, storyteller_request):
        response = client.get(url)
        assert response.status_code == 200, url
