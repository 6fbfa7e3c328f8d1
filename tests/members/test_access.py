"""Who may read member content: pending applicants, suspended members and organisations, and staff."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

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


def test_given_admin_access_directly_a_member_leaves_members_at_once(member_group):
    member = MemberFactory()
    admin_access = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    member.user_permissions.add(admin_access)

    assert not member.groups.filter(name="Members").exists()
    assert not is_member(member)


# --- What it costs: is_member asks once per request, and a save that changes nothing about membership asks nothing


MEMBERSHIP_TABLES = ("auth_group", "auth_permission", "members_user_groups", "members_organisation")


def _membership_queries(queries):
    return [
        query["sql"] for query in queries.captured_queries if any(table in query["sql"] for table in MEMBERSHIP_TABLES)
    ]


def test_is_member__costs_one_query_the_first_time_and_none_after_for_the_same_request(
    member, django_user_model, django_assert_num_queries
):
    user = django_user_model.objects.get(pk=member.pk)  # as the request loads it

    with django_assert_num_queries(1):
        assert is_member(user)
    with django_assert_num_queries(0):
        assert is_member(user)


@pytest.mark.parametrize("who", ["pending", "suspended", "staff", "no organisation"])
def test_is_member__needs_no_query_when_the_account_itself_says_no(who, django_assert_num_queries, organisation):
    fields = {
        "pending": {"organisation": organisation, "membership_status": "pending"},
        "suspended": {"organisation": organisation, "membership_status": "approved", "is_suspended": True},
        "staff": {"organisation": organisation, "membership_status": "approved", "is_staff": True},
        "no organisation": {"membership_status": "approved"},
    }[who]
    person = UserFactory(**fields)

    with django_assert_num_queries(0):
        assert not is_member(person)


def test_is_member__forgets_its_answer_when_membership_changes(member, django_user_model):
    user = django_user_model.objects.get(pk=member.pk)
    assert is_member(user)

    user.is_suspended = True  # not saved yet: the account itself says no
    assert not is_member(user)
    user.is_suspended = False
    assert is_member(user)

    organisation = member.organisation
    organisation.is_suspended = True
    organisation.save()  # through another object: this one learns of it from the database
    user.refresh_from_db()
    assert not is_member(user)

    organisation.is_suspended = False
    organisation.save()
    user.refresh_from_db()
    assert is_member(user)
    user.groups.add(Group.objects.get(name="Editors"))
    assert not is_member(user)


def test_saving_a_user__that_changes_nothing_about_membership_asks_nothing_about_it(member, django_user_model):
    from django.contrib.auth.models import update_last_login

    user = django_user_model.objects.get(pk=member.pk)

    with CaptureQueriesContext(connection) as signing_in:
        update_last_login(None, user)
    with CaptureQueriesContext(connection) as renaming:
        user.first_name = "Amina"
        user.wants_daily_briefing = False
        user.save()
    with CaptureQueriesContext(connection) as saving_again:
        user.save()

    assert _membership_queries(signing_in) == []
    assert _membership_queries(renaming) == []
    assert _membership_queries(saving_again) == []
    assert is_member(user)


@pytest.mark.parametrize(
    ("change", "stays_a_member"),
    [
        ({"is_suspended": True}, False),
        ({"is_active": False}, False),
        ({"membership_status": "rejected"}, False),
        ({"organisation": None}, False),
        ({"is_staff": True}, False),
        ({"first_name": "Amina"}, True),
    ],
    ids=["suspended", "deactivated", "rejected", "no organisation", "staff", "renamed"],
)
def test_saving_a_user__that_changes_membership_updates_the_members_group(
    member, django_user_model, change, stays_a_member
):
    user = django_user_model.objects.get(pk=member.pk)
    for name, value in change.items():
        setattr(user, name, value)
    user.save(update_fields=list(change))

    assert user.groups.filter(name="Members").exists() is stays_a_member
    assert is_member(django_user_model.objects.get(pk=member.pk)) is stays_a_member


def test_saving_a_user__after_a_change_made_elsewhere_and_read_back_still_updates_the_group(member, django_user_model):
    user = django_user_model.objects.get(pk=member.pk)
    elsewhere = django_user_model.objects.get(pk=member.pk)
    elsewhere.is_suspended = True
    elsewhere.save()

    user.refresh_from_db()
    user.is_suspended = False  # lifting the suspension through the object read back
    user.save()

    assert user.groups.filter(name="Members").exists()
    assert is_member(user)
