"""The toolkits index: teasers for everyone, filters, search and pagination in a fixed number of queries."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from toolkits.models.pages import TOOLKITS_PER_PAGE

pytestmark = pytest.mark.django_db


def _titles(response):
    return [toolkit.title for toolkit in response.context["toolkits"]]


def test_index__lists_every_toolkit_with_type_topics_date_and_a_lock_on_members_only(
    client, toolkit_index, topics, make_guide, make_qa
):
    make_guide(title="Housing guide", members_only=True, topics=[topics["housing"]])
    make_qa(title="Crossings Q&A", topics=[topics["channel-crossings"]])

    response = client.get(toolkit_index.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert set(_titles(response)) == {"Housing guide", "Crossings Q&A"}
    assert "Messaging guide" in html and "Q&amp;A toolkit" in html
    assert "Housing" in html and "Channel crossings" in html
    assert html.count("Members only") == 1
    assert "Last reviewed" in html


def test_index__filters_by_topic_and_type_and_ignores_unknown_values(
    client, toolkit_index, topics, make_guide, make_qa
):
    make_guide(title="Housing guide", topics=[topics["housing"]])
    make_guide(title="Covid guide", topics=[topics["covid-19"]])
    make_qa(title="Housing Q&A", topics=[topics["housing"]])
    url = toolkit_index.url

    assert set(_titles(client.get(f"{url}?topic=housing"))) == {"Housing guide", "Housing Q&A"}
    assert _titles(client.get(f"{url}?topic=housing&type=qa-toolkit")) == ["Housing Q&A"]
    assert set(_titles(client.get(f"{url}?type=messaging-guide"))) == {"Housing guide", "Covid guide"}
    assert len(_titles(client.get(f"{url}?topic=nope&type=%00&page=-3"))) == 3


def test_index__search_matches_teasers_for_everyone_and_public_bodies(client, toolkit_index, make_guide):
    make_guide(title="Talking about housing", summary="Homes and councils.")
    make_guide(title="Public guide", key_messages=[("message", "Zebrafinch welcome.")])

    assert _titles(client.get(f"{toolkit_index.url}?q=councils")) == ["Talking about housing"]
    assert _titles(client.get(f"{toolkit_index.url}?q=Zebrafinch")) == ["Public guide"]
    assert len(_titles(client.get(f'{toolkit_index.url}?q="%00'))) == 2, "nothing left to search for: all"


def test_index__paginates(client, toolkit_index, make_guide):
    for number in range(TOOLKITS_PER_PAGE + 2):
        make_guide(title=f"Guide {number}")

    first = client.get(toolkit_index.url)
    second = client.get(f"{toolkit_index.url}?page=2")

    assert len(_titles(first)) == TOOLKITS_PER_PAGE
    assert len(_titles(second)) == 2
    assert 'rel="next"' in first.content.decode()


def _queries(client, url, status=200):
    client.get(url)
    client.get(url)  # the site chrome is rebuilt on the first visit after a publish
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == status
    return len(queries)


@pytest.mark.parametrize("visitor", ["anonymous", "member"])
def test_index__costs_the_same_number_of_queries_with_5_or_30_toolkits(
    client, member, visitor, toolkit_index, topics, make_guide, make_qa
):
    if visitor == "member":
        client.force_login(member)
    urls = [
        toolkit_index.url,
        f"{toolkit_index.url}?topic=housing&type=messaging-guide",
        f"{toolkit_index.url}?q=guide",
    ]

    def add(count):
        for number in range(count):
            maker = make_guide if number % 2 else make_qa
            maker(members_only=bool(number % 3 == 0), topics=[topics["housing"], topics["covid-19"]])

    add(5)
    with_5 = [_queries(client, url) for url in urls]
    add(25)
    with_30 = [_queries(client, url) for url in urls]

    assert with_5 == with_30
    if visitor == "anonymous":
        assert max(with_30) <= 12


def test_toolkit_pages__need_at_most_twelve_queries(client, toolkit_index, topics, make_guide, make_qa, home_page):
    from demo.factories.home import DocumentFactory

    document = DocumentFactory()
    guide = make_guide(
        topics=[topics["housing"], topics["covid-19"]],
        downloads=[("document", {"document": document, "title": "", "description": ""})],
    )
    qa = make_qa(topics=[topics["housing"]], members_only=True)
    guide.related_toolkits = [("toolkit", qa)]
    guide.save_revision().publish()

    assert _queries(client, guide.url) <= 12
    assert _queries(client, qa.url, status=403) <= 12, "the members-only teaser"
