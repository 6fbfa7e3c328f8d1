"""Staff review applications in the Wagtail admin: listing, search, filters, decisions, history."""

import re

import pytest

from django.contrib.auth.models import Group

from wagtail.models import ModelLogEntry

from demo.factories.members import ApplicationFactory, MemberFactory, OrganisationFactory
from members.access import is_member
from members.decisions import APPROVE_ACTION, REJECT_ACTION
from members.models import MembershipApplication, Organisation, User

from .conftest import MEMBER_MARKER

pytestmark = pytest.mark.django_db

LIST_URL = "/admin/members/applications/"


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser(email="staff@imix.org.uk", password="a-long-password")


@pytest.fixture
def admin_client(client, staff):
    client.force_login(staff)
    return client


def test_application_list__search_and_filters_answer(admin_client):
    ApplicationFactory(full_name="Amina Yusuf", new_organisation_name="Hastings Refugee Buddy Project")
    ApplicationFactory(full_name="Jon Smith", new_organisation_kind=Organisation.Kind.NETWORK)

    listing = admin_client.get(LIST_URL)
    by_name = admin_client.get(LIST_URL, {"q": "Amina"})
    by_organisation = admin_client.get(LIST_URL, {"q": "Buddy"})
    filtered = admin_client.get(LIST_URL, {"status": "pending", "country": "uk", "kind": "network"})

    assert listing.status_code == 200
    assert "Amina Yusuf" in listing.content.decode() and "Jon Smith" in listing.content.decode()
    assert "Amina Yusuf" in by_name.content.decode() and "Jon Smith" not in by_name.content.decode()
    assert "Amina Yusuf" in by_organisation.content.decode()
    assert "Jon Smith" in filtered.content.decode() and "Amina Yusuf" not in filtered.content.decode()


def test_application_list__offers_approve_and_decline_only_on_pending_ones(admin_client, staff):
    pending = ApplicationFactory()
    html = admin_client.get(LIST_URL).content.decode()
    assert f"/admin/members/applications/approve/{pending.pk}/" in html
    assert f"/admin/members/applications/decline/{pending.pk}/" in html


def test_organisation_and_member_admin_pages_answer(admin_client):
    OrganisationFactory(name="Luton Roma Trust", is_suspended=True)
    MemberFactory(email="amina@example.org")

    assert admin_client.get("/admin/members/organisations/", {"q": "Luton", "is_suspended": "true"}).status_code == 200
    assert admin_client.get("/admin/members/organisations/", {"country": "uk", "kind": "charity"}).status_code == 200
    people = admin_client.get("/admin/members/people/", {"q": "amina"})
    assert people.status_code == 200 and "amina@example.org" in people.content.decode()
    assert admin_client.get("/admin/members/departures/").status_code == 200


def test_editors_cannot_decide_applications(client, editor):
    application = ApplicationFactory()
    client.force_login(editor)

    response = client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert response.status_code in (302, 403)
    application.refresh_from_db()
    assert application.is_pending


def test_approve__makes_a_member_emails_a_working_set_password_link_and_logs_who_and_when(
    client, admin_client, staff, outbox, members_page
):
    application = ApplicationFactory(email="amina@example.org", new_organisation_name="Hastings Refugee Buddy Project")

    confirm = admin_client.get(f"/admin/members/applications/approve/{application.pk}/")
    response = admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert confirm.status_code == 200 and "Hastings Refugee Buddy Project" in confirm.content.decode()
    assert response.status_code == 302
    application.refresh_from_db()
    user = application.user
    assert application.status == MembershipApplication.Status.APPROVED
    assert application.decided_by == staff and application.decided_at
    organisation = Organisation.objects.get(name="Hastings Refugee Buddy Project")
    assert (organisation.kind, organisation.region) == (Organisation.Kind.COMMUNITY_GROUP, "Kent")
    assert user.organisation == organisation
    assert user.membership_status == User.MembershipStatus.APPROVED
    assert is_member(user) and user.groups.filter(name="Members").exists()
    assert not user.is_staff and not user.is_superuser

    entry = ModelLogEntry.objects.get(action=APPROVE_ACTION)
    assert entry.user == staff and entry.timestamp and entry.object_id == str(application.pk)
    assert entry.label == str(application)
    history = admin_client.get(f"/admin/members/applications/history/{application.pk}/")
    assert "Application approved" in history.content.decode()
    assert "Application approved" in admin_client.get("/admin/reports/site-history/").content.decode()

    # The applicant follows the link, chooses a password, signs in and reads the members-only page.
    (email,) = outbox
    assert email.to == ["amina@example.org"]
    link = re.search(r"http://testserver(/en/members/set-password/\S+/)", email.body).group(1)
    client.logout()
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200 and "Choose your password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "harbour-lantern-47", "new_password2": "harbour-lantern-47"},
    )
    assert done.status_code == 302 and done["Location"] == "/en/members/set-password/done/"
    signed_in = client.post("/en/members/sign-in/", {"username": "amina@example.org", "password": "harbour-lantern-47"})
    assert signed_in.status_code == 302
    page = client.get(members_page.url)
    assert page.status_code == 200 and MEMBER_MARKER in page.content.decode()


def test_approve__twice_does_nothing_the_second_time(admin_client, outbox):
    application = ApplicationFactory()
    admin_client.post(f"/admin/members/applications/approve/{application.pk}/")
    admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert len(outbox) == 1
    assert ModelLogEntry.objects.filter(action=APPROVE_ACTION).count() == 1


def test_approve__existing_organisation_is_used_and_no_admin_access_is_granted(admin_client, organisation):
    application = ApplicationFactory(organisation=organisation, new_organisation_name="")

    admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    user = User.objects.get(email=application.email)
    assert user.organisation == organisation
    assert Organisation.objects.count() == 1
    assert not user.has_perm("wagtailadmin.access_admin")


def test_approve__mail_server_down_still_approves(admin_client, broken_email):
    application = ApplicationFactory()

    response = admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert response.status_code == 302
    assert is_member(User.objects.get(email=application.email))


def test_decline__needs_a_reason_and_emails_it_and_logs_it(admin_client, staff, outbox):
    application = ApplicationFactory(email="jon@example.org")
    url = f"/admin/members/applications/decline/{application.pk}/"

    without_reason = admin_client.post(url, {"rejection_reason": ""})
    assert without_reason.status_code == 200 and "This field is required" in without_reason.content.decode()
    response = admin_client.post(url, {"rejection_reason": "We only accept organisations working in the UK."})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.REJECTED
    assert application.user.membership_status == User.MembershipStatus.REJECTED
    assert not application.user.groups.exists()
    (email,) = outbox
    assert email.to == ["jon@example.org"]
    assert "We only accept organisations working in the UK." in email.body
    entry = ModelLogEntry.objects.get(action=REJECT_ACTION)
    assert entry.user == staff and entry.timestamp
    assert entry.data == {"reason": "We only accept organisations working in the UK."}


def test_bulk_approve__approves_the_selected_pending_applications(admin_client, staff, outbox):
    first, second = ApplicationFactory(), ApplicationFactory()
    declined = ApplicationFactory(status=MembershipApplication.Status.REJECTED)
    untouched = ApplicationFactory()
    url = "/admin/bulk/members/membershipapplication/approve/"
    query = f"?next={LIST_URL}&id={first.pk}&id={second.pk}&id={declined.pk}"

    confirm = admin_client.get(url + query)
    response = admin_client.post(url + query)

    assert confirm.status_code == 200 and "Yes, approve" in confirm.content.decode()
    assert response.status_code == 302
    for application in (first, second):
        application.refresh_from_db()
        assert application.status == MembershipApplication.Status.APPROVED
        assert is_member(application.user)
    declined.refresh_from_db()
    untouched.refresh_from_db()
    assert declined.status == MembershipApplication.Status.REJECTED and untouched.is_pending
    assert sorted(message.to[0] for message in outbox) == sorted([first.email, second.email])
    assert ModelLogEntry.objects.filter(action=APPROVE_ACTION, user=staff).count() == 2


def test_members_group_holds_no_permission_at_all(member_group):
    MemberFactory()
    assert not Group.objects.get(name="Members").permissions.exists()


def test_application_edit_inspect_and_history_pages_answer_and_nobody_adds_one_by_hand(admin_client):
    application = ApplicationFactory()

    for view in ("edit", "inspect", "history"):
        response = admin_client.get(f"/admin/members/applications/{view}/{application.pk}/")
        assert response.status_code == 200, view
    assert admin_client.get("/admin/members/applications/add/").status_code in (302, 403)
    assert admin_client.get("/admin/members/people/add/").status_code in (302, 403)
    assert admin_client.get(f"/admin/members/people/edit/{application.user.pk}/").status_code == 200
    assert admin_client.get("/admin/members/organisations/new/").status_code == 200


def test_application_list__costs_the_same_number_of_queries_for_3_or_12_applications(admin_client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_listing():
        with CaptureQueriesContext(connection) as context:
            assert admin_client.get(LIST_URL).status_code == 200
        return len(context.captured_queries)

    ApplicationFactory.create_batch(2)
    ApplicationFactory(organisation=OrganisationFactory(), new_organisation_name="")
    few = queries_for_listing()
    ApplicationFactory.create_batch(6)
    ApplicationFactory.create_batch(3, organisation=OrganisationFactory(), new_organisation_name="")

    assert queries_for_listing() == few


def test_approve__warns_when_the_address_belongs_to_an_editor_who_then_stays_out_of_members(
    admin_client, client, editor
):
    application = ApplicationFactory(user=editor, email=editor.email)

    confirm = admin_client.get(f"/admin/members/applications/approve/{application.pk}/")
    admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert "can open the admin" in confirm.content.decode()
    editor.refresh_from_db()
    assert not editor.groups.filter(name="Members").exists() and not is_member(editor)


def test_emails_use_the_language_the_applicant_applied_in(admin_client, client, home_page, outbox):
    from .test_apply import valid_data

    client.post("/fr/members/apply/", valid_data(email="claire@example.org"))
    application = MembershipApplication.objects.get(email="claire@example.org")
    assert application.language == "fr"

    admin_client.post(f"/admin/members/applications/approve/{application.pk}/")

    assert "http://testserver/fr/members/set-password/" in outbox[-1].body
