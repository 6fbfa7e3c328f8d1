"""The member dashboard's "Latest press briefings" panel, registered on the members app's hook."""

import datetime

import pytest

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from wagtail import hooks

from briefings.wagtail_hooks import latest_briefings_panel

pytestmark = pytest.mark.django_db


def request_as(user):
    request = RequestFactory().get("/en/members/")
    request.user = user
    return request


def test_panel__is_registered_on_the_members_dashboard_hook():
    assert latest_briefings_panel in hooks.get_hooks("register_member_dashboard_panel")


def test_panel__lists_the_five_latest_live_briefings_for_a_member(member, make_briefing, briefing_index):
    for day in range(7):
        make_briefing(date=datetime.date(2026, 11, 1) + datetime.timedelta(days=day))
    make_briefing(date=datetime.date(2026, 11, 30), live=False)

    panel = latest_briefings_panel(request_as(member))

    assert panel["template"] == "briefings/includes/dashboard_panel.html"
    assert isinstance(panel["order"], int)
    dates = [briefing.date.day for briefing in panel["context"]["briefings"]]
    assert dates == [7, 6, 5, 4, 3]
    assert panel["context"]["archive_url"] == briefing_index.url
    html = render_to_string(panel["template"], {**panel["context"], "request": request_as(member)})
    assert "Latest press briefings" in html and "Press briefing, 7 November 2026" in html


def test_panel__is_nothing_for_anyone_but_a_member(user, make_briefing):
    make_briefing()
    assert latest_briefings_panel(request_as(user)) is None


def test_dashboard_page__shows_the_panel_to_a_member(client, member, make_briefing, home_page):
    briefing = make_briefing()
    client.force_login(member)

    response = client.get(reverse("members:dashboard"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Latest press briefings" in html and briefing.title in html
