"""The member dashboard, its panels from other apps, the header links, and leaving the network."""

import pytest

from django.urls import reverse

from wagtail import hooks

from demo.factories.members import ApplicationFactory, MemberFactory
from members.models import MembershipApplication, NetworkDepartureCount, Organisation, User

from .conftest import MEMBER_MARKER

pytestmark = pytest.mark.django_db

DASHBOARD_URL = "/en/members/"


def test_dashboard__anonymous_visitors_are_sent_to_sign_in(client, home_page):
    response = client.get(DASHBOARD_URL)

    assert response.status_code == 302
    assert response["Location"] == f"{reverse('members:sign_in')}?next={DASHBOARD_URL}"


def test_dashboard__non_member_sees_an_explanation_and_apply(client, home_page, user):
    client.force_login(user)

    html = client.get(DASHBOARD_URL).content.decode()

    assert "This is for members of the network" in html and reverse("members:apply") in html
    assert "Email preferences" not in html


def test_dashboard__pending_applicant_sees_the_review_message(client, home_page):
    client.force_login(ApplicationFactory().user)

    html = client.get(DASHBOARD_URL).content.decode()

    assert "Your application is being reviewed" in html and "Email preferences" not in html


def test_dashboard__member_sees_profile_and_preferences_and_can_change_them(client, home_page):
    member = MemberFactory(first_name="Amina", organisation__name="Luton Roma Trust")
    client.force_login(member)

    page = client.get(DASHBOARD_URL)
    html = page.content.decode()
    assert page.status_code == 200 and page["Cache-Control"].startswith("max-age=0")
    assert "Luton Roma Trust" in html and 'value="Amina"' in html
    assert "Email me the daily press briefing" in html and "Leave the IMIX network" in html

    response = client.post(DASHBOARD_URL, {"first_name": "Amina", "last_name": "Yusuf", "job_title": "Trustee"})

    assert response.status_code == 302
    member.refresh_from_db()
    assert (member.last_name, member.job_title, member.wants_daily_briefing) == ("Yusuf", "Trustee", False)
    assert "Your details have been saved." in client.get(DASHBOARD_URL).content.decode()


def test_dashboard__invalid_profile_keeps_the_input_and_saves_nothing(client, home_page):
    member = MemberFactory(first_name="Amina")
    client.force_login(member)

    response = client.post(DASHBOARD_URL, {"first_name": "x" * 200, "last_name": "Yusuf", "job_title": "Trustee"})

    assert response.status_code == 400 and 'value="Trustee"' in response.content.decode()
    member.refresh_from_db()
    assert member.first_name == "Amina"


def test_dashboard__renders_panels_registered_by_other_apps_in_order(client, home_page):
    client.force_login(MemberFactory())

    def later(request):
        return {
            "template": "members/includes/dashboard_panel.html",
            "context": {"heading": "Second panel"},
            "order": 20,
        }

    def earlier(request):
        return {"template": "members/includes/dashboard_panel.html", "context": {"heading": "First panel"}, "order": 10}

    def nothing(request):
        return None

    with (
        hooks.register_temporarily("register_member_dashboard_panel", later),
        hooks.register_temporarily("register_member_dashboard_panel", earlier),
        hooks.register_temporarily("register_member_dashboard_panel", nothing),
    ):
        html = client.get(DASHBOARD_URL).content.decode()

    assert html.index("First panel") < html.index("Second panel")


def test_header__shows_sign_in_to_visitors_and_dashboard_and_sign_out_to_people_signed_in(client, home_page, user):
    anonymous = client.get(home_page.url).content.decode()
    client.force_login(user)
    signed_in = client.get(home_page.url).content.decode()

    assert 'href="/en/members/sign-in/"' in anonymous and "Sign out" not in anonymous
    assert 'href="/en/members/"' in signed_in
    assert 'action="/en/members/sign-out/"' in signed_in


def test_leave__deletes_personal_data_keeps_anonymous_counts_and_signs_out(client, home_page, members_page):
    member = MemberFactory(email="leaver@example.org", organisation__name="Kent Refugee Action Network")
    ApplicationFactory(user=member, email=member.email, status=MembershipApplication.Status.APPROVED)
    client.force_login(member)

    confirm = client.get(reverse("members:leave"))
    response = client.post(reverse("members:leave"))

    assert confirm.status_code == 200 and "Delete my account and leave" in confirm.content.decode()
    assert response.status_code == 302 and response["Location"] == reverse("members:left")
    assert not User.objects.filter(email__iexact="leaver@example.org").exists()
    assert not MembershipApplication.objects.filter(email="leaver@example.org").exists()
    assert Organisation.objects.filter(name="Kent Refugee Action Network").exists()
    assert NetworkDepartureCount.objects.get().count == 1
    assert "_auth_user_id" not in client.session
    assert MEMBER_MARKER not in client.get(members_page.url).content.decode()


def test_leave__is_a_post_and_staff_accounts_are_not_deleted_here(client, home_page, django_user_model):
    staff = django_user_model.objects.create_superuser(email="staff@imix.org.uk", password="a-long-password")
    client.force_login(staff)

    response = client.post(reverse("members:leave"))

    assert response.status_code == 200 and "cannot be deleted here" in response.content.decode()
    assert User.objects.filter(pk=staff.pk).exists()
