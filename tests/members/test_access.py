"""Who may read member content: pending applicants, suspended members and organisations, and staff."""

import pytest

from django.contrib.auth.models import Group, Permission

from demo.factories.members import ApplicationFactory, MemberFactory, UserFactory
from members.access import is_member

from .conftest import MEMBER_MARKER

pytestmark = pytest.mark.django_db


def test_pending_applicant_signed_in_sees_being_reviewed_never_the_content(client, members_page):
    application = ApplicationFactory()
    client.force_login(application.user)

    response = client.get(members_page.url)

    html = response.content.decode()
    assert response.status_code == 403
    assert "Your application is being reviewed" in html
    assert MEMBER_MARKER not in html
    assert "sign-in" not in response.get("Location", "")


def test_signed_in_non_member_sees_an_explanation_and_apply_never_a_login_loop(client, user, members_page):
    client.force_login(user)

    response = client.get(members_page.url)

    html = response.content.decode()
    assert response.status_code == 403
    assert "This is for members of the network" in html and "/en/members/apply/" in html
    assert MEMBER_MARKER not in html


def test_suspending_a_member_ends_access_on_the_next_request_of_the_same_session(client, members_page):
    member = MemberFactory()
    client.force_login(member)
    assert MEMBER_MARKER in client.get(members_page.url).content.decode()

    member.is_suspended = True
    member.save()

    response = client.get(members_page.url)
    assert response.status_code == 403 and MEMBER_MARKER not in response.content.decode()
    assert "Your access is paused" in response.content.decode()
    assert not member.groups.filter(name="Members").exists()


def test_suspending_an_organisation_ends_its_members_access_at_once(client, members_page):
    member = MemberFactory()
    colleague = MemberFactory(organisation=member.organisation)
    client.force_login(member)
    assert MEMBER_MARKER in client.get(members_page.url).content.decode()

    organisation = member.organisation
    organisation.is_suspended = True
    organisation.save()

    response = client.get(members_page.url)
    assert response.status_code == 403 and MEMBER_MARKER not in response.content.decode()
    assert not is_member(colleague)

    organisation.is_suspended = False
    organisation.save()
    assert client.get(members_page.url).status_code == 200, "lifting the suspension restores access"


def test_suspending_through_the_admin_ends_access_at_once(client, members_page, django_user_model):
    member = MemberFactory()
    staff = django_user_model.objects.create_superuser(email="staff@imix.org.uk", password="a-long-password")
    member_client = client.__class__()
    member_client.force_login(member)
    assert member_client.get(members_page.url).status_code == 200
    client.force_login(staff)

    response = client.post(
        f"/admin/members/people/edit/{member.pk}/",
        {
            "first_name": member.first_name,
            "last_name": member.last_name,
            "job_title": member.job_title,
            "organisation": member.organisation_id,
            "is_suspended": "on",
            "wants_daily_briefing": "on",
        },
    )

    assert response.status_code == 302
    assert member_client.get(members_page.url).status_code == 403


def test_members_never_hold_admin_access(member_group):
    member = MemberFactory()
    assert is_member(member)

    member.groups.add(Group.objects.get(name="Editors"))
    member.refresh_from_db()
    assert not member.groups.filter(name="Members").exists(), "given admin access, they leave Members at once"
    assert not is_member(member)

    staff = MemberFactory(is_staff=True)
    assert not staff.groups.filter(name="Members").exists()
    assert not member_group.permissions.exists()
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    assert not Group.objects.filter(name="Members", permissions=admin_access).exists()


def test_nobody_is_put_in_the_members_group_by_hand(member_group):
    visitor = UserFactory()
    member_group.user_set.add(visitor)
    assert not visitor.groups.filter(name="Members").exists()
    visitor.groups.add(member_group)
    assert not visitor.groups.filter(name="Members").exists()
