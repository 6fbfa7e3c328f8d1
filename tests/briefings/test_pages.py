"""The briefing archive and briefing pages: members-only in code, filters, search, pagination, query counts."""

import datetime

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import nested_form_data, streamfield

from briefings.models import BriefingIndexPage, PressBriefingPage
from demo.factories.briefings import PressBriefingPageFactory, briefing_item
from home.models import HomePage
from tests.utils import create_page_via_admin

pytestmark = pytest.mark.django_db


def members_only(page):
    return any(
        restriction.restriction_type == PageViewRestriction.GROUPS
        and restriction.groups.filter(name="Members").exists()
        for restriction in page.get_view_restrictions()
    )


def test_page_types__sit_where_they_belong():
    assert BriefingIndexPage.allowed_parent_page_models() == [HomePage]
    assert PressBriefingPage.allowed_parent_page_models() == [BriefingIndexPage]
    assert PressBriefingPage.allowed_subpage_models() == []
    assert BriefingIndexPage.private_page_options == PressBriefingPage.private_page_options == []


def test_index__is_restricted_to_members_when_created(briefing_index):
    assert members_only(briefing_index)


def test_index__restriction_removed_comes_back_on_publish_and_on_commit(
    briefing_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.filter(page=briefing_index).delete()
    assert members_only(BriefingIndexPage.objects.get(pk=briefing_index.pk))

    PageViewRestriction.objects.filter(page=briefing_index).delete()
    briefing_index.save_revision().publish()
    assert members_only(BriefingIndexPage.objects.get(pk=briefing_index.pk))


def test_index__deleting_it_deletes_its_restriction(briefing_index, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        briefing_index.delete()
    assert not PageViewRestriction.objects.exists()


def test_admin__creates_a_members_only_index_and_a_briefing(admin_client, home_page, member, client):
    create_page_via_admin(
        admin_client, home_page, BriefingIndexPage, nested_form_data({"title": "Press briefings", "introduction": ""})
    )
    index = BriefingIndexPage.objects.get()
    assert members_only(index)
    data = nested_form_data(
        {
            "title": "Press briefing, 24 November 2026",
            "date": "2026-11-24",
            "summary": "The day's summary.",
            "items": streamfield(
                [
                    (
                        "item",
                        {
                            "headline": "A headline",
                            "outlet": "Example News",
                            "link": "https://example.org/a",
                            "summary": "What it says.",
                            "suggested_line": "The line to take.",
                        },
                    )
                ]
            ),
        }
    )
    create_page_via_admin(admin_client, index, PressBriefingPage, data)
    briefing = PressBriefingPage.objects.get()
    assert briefing.live

    response = admin_client.post(
        reverse("wagtailadmin_pages:add", args=["briefings", "pressbriefingpage", index.pk]),
        {**data, "slug": "another", "action-publish": "action-publish"},
    )
    assert response.status_code == 200
    assert "There is already a briefing for this date." in str(response.context["form"].errors)


def test_admin__privacy_of_the_archive_and_briefings_cannot_be_changed(admin_client, make_briefing, briefing_index):
    for page in (briefing_index, make_briefing()):
        response = admin_client.get(reverse("wagtailadmin_pages:set_privacy", args=[page.pk]))
        assert "Changing the privacy for this page has been disabled." in response.json()["html"]


def test_briefing__member_reads_it_all(client, member, make_briefing):
    briefing = make_briefing(
        items=[briefing_item("A headline for members", outlet="The Outlet", line="The line to take on it.")]
    )
    client.force_login(member)

    response = client.get(briefing.url)

    assert response.status_code == 200
    html = response.content.decode()
    for text in ("A headline for members", "The Outlet", "The line to take on it.", briefing.summary, "<h1>"):
        assert text in html


def test_briefing__others_see_title_and_date_only(client, user, make_briefing):
    briefing = make_briefing(items=[briefing_item("A headline for members", line="The line to take.")])
    client.force_login(user)

    response = client.get(briefing.url)

    assert response.status_code == 403
    html = response.content.decode()
    assert briefing.title in html and briefing.date.strftime("%Y-%m-%d") in html
    for text in ("A headline for members", "The line to take.", briefing.summary):
        assert text not in html


def test_briefing__preview_renders_for_an_editor(admin_client, make_briefing):
    briefing = make_briefing()
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[briefing.pk]))
    assert response.status_code == 200
    assert briefing.summary in response.content.decode()


@pytest.fixture
def archive(make_briefing):
    """Three briefings in 2025 and 2026, with words to search for."""
    make_briefing(
        date=datetime.date(2025, 12, 1),
        items=[
            briefing_item("Winter shelters open", summary="Night shelters in the cold.", line="Shelter saves lives.")
        ],
    )
    make_briefing(
        date=datetime.date(2026, 1, 5),
        items=[briefing_item("Settlement scheme deadline", line="Nobody should lose their status.")],
    )
    make_briefing(date=datetime.date(2026, 2, 9), items=[briefing_item("Refugee Week plans announced")])


def titles(response):
    return [briefing.title for briefing in response.context["briefings"]]


def test_archive__lists_newest_first_and_filters_by_year_and_month(client, member, briefing_index, archive):
    client.force_login(member)

    assert titles(client.get(briefing_index.url)) == [
        "Press briefing, 9 February 2026",
        "Press briefing, 5 January 2026",
        "Press briefing, 1 December 2025",
    ]
    assert titles(client.get(briefing_index.url, {"year": "2025"})) == ["Press briefing, 1 December 2025"]
    assert titles(client.get(briefing_index.url, {"year": "2026", "month": "1"})) == ["Press briefing, 5 January 2026"]
    response = client.get(briefing_index.url, {"year": "2026"})
    assert [month.month for month in response.context["months"]] == [1, 2]


@pytest.mark.parametrize("params", [{"year": "1999"}, {"year": "x"}, {"year": "2026", "month": "13"}, {"month": "1"}])
def test_archive__unknown_filter_values_are_ignored(client, member, briefing_index, archive, params):
    client.force_login(member)
    response = client.get(briefing_index.url, params)
    assert response.status_code == 200
    assert len(titles(response)) == (2 if params.get("year") == "2026" else 3)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("shelters", ["Press briefing, 1 December 2025"]),  # a headline
        ("cold", ["Press briefing, 1 December 2025"]),  # a story's summary
        ("status", ["Press briefing, 5 January 2026"]),  # a suggested line
        ("nothing-like-this", []),
        ('"shelters\x00', ["Press briefing, 1 December 2025"]),  # quotes and control characters are dropped
    ],
)
def test_archive__search_covers_headlines_summaries_and_suggested_lines(
    client, member, briefing_index, archive, query, expected
):
    client.force_login(member)
    response = client.get(briefing_index.url, {"q": query})
    assert response.status_code == 200
    assert titles(response) == expected


def test_archive__paginates(client, member, briefing_index, make_briefing):
    for _number in range(22):
        make_briefing()
    client.force_login(member)

    first = client.get(briefing_index.url)
    second = client.get(briefing_index.url, {"page": "2"})

    assert len(titles(first)) == 20 and len(titles(second)) == 2
    assert 'href="?page=2"' in first.content.decode()


def test_archive__query_count_does_not_grow_with_briefings(client, member, briefing_index, make_briefing):
    client.force_login(member)

    def count():
        for _visit in range(2):  # warm the site root paths and the chrome
            client.get(briefing_index.url, {"q": "asylum"})
        with CaptureQueriesContext(connection) as queries:
            response = client.get(briefing_index.url, {"q": "asylum"})
        assert response.status_code == 200
        return len(queries)

    make_briefing()
    few = count()
    for _number in range(15):
        make_briefing()

    assert count() == few


def test_archive__others_see_the_teaser_without_any_briefing(client, briefing_index, make_briefing):
    briefing = make_briefing(items=[briefing_item("A headline for members")])
    response = client.get(briefing_index.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert briefing_index.title in html
    assert briefing.title not in html and "A headline for members" not in html


def test_index_listing_pages__never_offer_briefings_to_public_listings(briefing_index, make_briefing):
    make_briefing()
    assert list(briefing_index.get_listing_pages()) == []


def test_factory__builds_unique_dates():
    dates = {PressBriefingPageFactory.build().date for _ in range(3)}
    assert len(dates) == 3
