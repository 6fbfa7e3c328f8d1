"""Fixtures for the press briefings: an archive, briefings and people in every state (the SMTP server
fixtures `smtp` and `smtp_down` come from tests/smtp.py, through tests/conftest.py)."""

import pytest

from django.contrib.auth import get_user_model

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory, briefing_item
from members.models import Organisation


@pytest.fixture
def briefing_index(home_page):
    return BriefingIndexPageFactory(parent=home_page)


@pytest.fixture
def make_briefing(briefing_index):
    def make(**kwargs):
        kwargs.setdefault("parent", briefing_index)
        return PressBriefingPageFactory(**kwargs)

    return make


@pytest.fixture
def draft_briefing(make_briefing):
    """A briefing not yet published: publishing it is what sends the email."""
    return make_briefing(
        live=False,
        items=[
            briefing_item(
                "Record number of people cross the Channel in small boats",
                outlet="The Daily Example",
                link="https://example.org/crossings",
                summary="The paper reports the highest daily figure this year.",
                line="People take dangerous journeys because there are no safe routes.",
            ),
            briefing_item("Council praises refugee volunteers", outlet="Example Gazette"),
        ],
    )


@pytest.fixture
def people(db, member, member_group, user):
    """One person in each state that matters for the briefing email, keyed by state.

    Only "member" and "second_member" should ever receive it.
    """
    User = get_user_model()
    approved = User.MembershipStatus.APPROVED
    organisation = member.organisation
    suspended_org = Organisation.objects.create(name="Suspended Organisation", is_suspended=True)

    def person(email, **fields):
        fields.setdefault("organisation", organisation)
        fields.setdefault("membership_status", approved)
        return User.objects.create_user(email=email, password="a-long-password", **fields)

    return {
        "member": member,
        "second_member": person("second.member@example.org"),
        "non_member": user,
        "pending": person("pending@example.org", membership_status=User.MembershipStatus.PENDING),
        "suspended": person("suspended@example.org", is_suspended=True),
        "opted_out": person("opted.out@example.org", wants_daily_briefing=False),
        "inactive": person("inactive@example.org", is_active=False),
        "suspended_organisation": person("in.suspended.org@example.org", organisation=suspended_org),
        "rejected": person("rejected@example.org", membership_status=User.MembershipStatus.REJECTED),
    }


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page as an editor does, running what waits for the commit (the email task)."""

    def run(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        page.refresh_from_db()
        return page

    return run
