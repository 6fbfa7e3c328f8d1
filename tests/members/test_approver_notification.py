"""Staff who decide applications are emailed about each new one, through the task queue, with a link to it.

Approvals used to depend on someone happening to look at the admin. The email goes to the active people in the
approvers group only, after the application is committed, and a mail server that is down loses nothing.
"""

import logging
from urllib.parse import urlsplit

import pytest

from django.contrib.auth.models import Group

from members.models import MembershipApplication

from .test_apply import APPLY_URL, valid_data

pytestmark = pytest.mark.django_db

BASE_URL = "https://imix.example"


@pytest.fixture
def approvers_group(db):
    """Made by the members migrations, with the permission to approve and decline."""
    return Group.objects.get(name="Membership approvers")


@pytest.fixture
def approvers(django_user_model, approvers_group, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    people = {}
    for name, active in (("first.approver", True), ("second.approver", True), ("former.approver", False)):
        person = django_user_model.objects.create_user(
            email=f"{name}@imix.org.uk", password="a-long-password", is_active=active
        )
        person.groups.add(approvers_group)
        people[name] = person
    # Staff who are not in the group are never told, superusers included.
    django_user_model.objects.create_superuser(email="director@imix.org.uk", password="a-long-password")
    return people


@pytest.fixture
def apply(client, home_page, django_capture_on_commit_callbacks):
    """Send the public form as an applicant does, running what waits for the commit."""

    def send(**overrides):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(APPLY_URL, valid_data(**overrides))
        assert response.status_code == 302
        return response

    return send


def _notifications(smtp):
    return [(rcpt_tos, message) for rcpt_tos, message in smtp.messages if "New application" in message["Subject"]]


def test_new_application__emails_each_active_approver_and_nobody_else(apply, approvers, smtp):
    apply()

    notified = sorted(address for rcpt_tos, _message in _notifications(smtp) for address in rcpt_tos)
    assert notified == ["first.approver@imix.org.uk", "second.approver@imix.org.uk"]
    assert smtp.recipients() == sorted([*notified, "amina@example.org"]), "besides them, only the applicant's receipt"
    for _rcpt_tos, message in _notifications(smtp):
        assert "amina@example.org" not in message["To"]
        assert message["Subject"] == "New application to join: Hastings Refugee Buddy Project"


def test_new_application__email_has_text_and_html_with_the_organisation_and_an_absolute_link(apply, approvers, smtp):
    apply()

    application = MembershipApplication.objects.get()
    link = f"{BASE_URL}/admin/members/applications/inspect/{application.pk}/"
    _rcpt_tos, message = _notifications(smtp)[0]
    text = message.get_body(preferencelist=("plain",)).get_content()
    html = message.get_body(preferencelist=("html",)).get_content()
    for body in (text, html):
        assert "Amina Yusuf has applied to join the IMIX network on behalf of Hastings Refugee Buddy Project." in body
        assert link in body
        assert "Membership approvers" in body
    assert f'<a href="{link}">' in html


def test_new_application__the_link_opens_the_application_for_an_approver_who_can_decide_it(
    apply, approvers, smtp, client
):
    apply()
    text = _notifications(smtp)[0][1].get_body(preferencelist=("plain",)).get_content()
    link = next(line for line in text.splitlines() if line.startswith(BASE_URL))
    application = MembershipApplication.objects.get()

    client.force_login(approvers["first.approver"])
    response = client.get(urlsplit(link).path)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Amina Yusuf" in html and "Hastings Refugee Buddy Project" in html
    approve = client.post(f"/admin/members/applications/approve/{application.pk}/")
    assert approve.status_code in (200, 302)
    application.refresh_from_db()
    assert application.status == MembershipApplication.Status.APPROVED, "an approver may decide it"


def test_new_application__the_link_opens_nothing_for_someone_outside_the_admin(apply, approvers, smtp, client, user):
    apply()
    application = MembershipApplication.objects.get()
    client.force_login(user)

    response = client.get(f"/admin/members/applications/inspect/{application.pk}/")

    assert response.status_code == 302 and "/login/" in response["Location"]


def test_new_application__is_notified_only_after_it_is_committed(
    client, home_page, approvers, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(APPLY_URL, valid_data())

    assert not _notifications(smtp), "nothing is sent while the application might still be rolled back"
    for callback in callbacks:
        callback()
    assert len(_notifications(smtp)) == 2


def test_new_application__mail_server_down_loses_nothing(apply, approvers, smtp_down, caplog):
    response = apply()

    assert response["Location"] == "/en/members/apply/thank-you/"
    application = MembershipApplication.objects.get(email="amina@example.org")
    assert application.is_pending
    failures = [record for record in caplog.records if record.levelname == "ERROR"]
    assert any("notify_approvers_of_application" in record.getMessage() for record in failures), "it is logged"


def test_new_application__a_refused_approver_address_does_not_stop_the_others(apply, approvers, smtp, caplog):
    smtp.refuse_rcpt.add("first.approver@imix.org.uk")

    apply()

    notified = [address for rcpt_tos, _message in _notifications(smtp) for address in rcpt_tos]
    assert notified == ["second.approver@imix.org.uk"]
    assert any("first.approver@imix.org.uk" in record.getMessage() for record in caplog.records)


def test_new_application__with_nobody_in_the_group_emails_no_one_and_warns(
    apply, approvers_group, smtp, caplog, django_user_model
):
    django_user_model.objects.create_superuser(email="director@imix.org.uk", password="a-long-password")

    with caplog.at_level(logging.WARNING, logger="members.tasks"):
        apply()

    assert smtp.recipients() == ["amina@example.org"], "the applicant's receipt only"
    assert any(
        record.levelname == "WARNING" and "Membership approvers" in record.getMessage() for record in caplog.records
    )


def test_new_application__the_approvers_group_is_configurable(apply, smtp, settings, django_user_model):
    settings.MEMBERSHIP_APPROVERS_GROUP = "Moderators"
    moderator = django_user_model.objects.create_user(email="moderator@imix.org.uk", password="a-long-password")
    moderator.groups.add(Group.objects.get(name="Moderators"))

    apply()

    assert [address for rcpt_tos, _message in _notifications(smtp) for address in rcpt_tos] == ["moderator@imix.org.uk"]


def test_approvers_group__may_open_the_admin_and_decide_applications(approvers_group):
    permissions = set(approvers_group.permissions.values_list("content_type__app_label", "codename"))

    assert {
        ("wagtailadmin", "access_admin"),
        ("members", "view_membershipapplication"),
        ("members", "change_membershipapplication"),
    } <= permissions
    assert {codename for app, codename in permissions if app == "members"} == {
        "view_membershipapplication",
        "change_membershipapplication",
    }, "nothing else about members: people and organisations stay with the superusers"
