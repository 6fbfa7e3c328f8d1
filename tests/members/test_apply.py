"""Applying to join: the public form, its errors, spam defences, and the receipt email."""

import pytest

from django.urls import reverse

from demo.factories.members import MemberFactory, OrganisationFactory
from members.models import MembershipApplication, Organisation, User

pytestmark = pytest.mark.django_db

APPLY_URL = "/en/members/apply/"


def valid_data(**overrides):
    data = {
        "full_name": "Amina Yusuf",
        "email": "Amina@Example.org",
        "organisation": "",
        "organisation_name": "Hastings Refugee Buddy Project",
        "organisation_kind": Organisation.Kind.COMMUNITY_GROUP,
        "organisation_country": Organisation.Country.UK,
        "organisation_region": "East Sussex",
        "organisation_website": "https://example.org",
        "role": "Volunteer coordinator",
        "country": Organisation.Country.UK,
        "intended_use": "Briefing our volunteers before they talk to the local press.",
        "agree_to_privacy_notice": "on",
        "homepage": "",
    }
    data.update(overrides)
    return data


def test_apply_url_is_named_and_under_the_language_prefix():
    assert reverse("members:apply") == APPLY_URL


def test_apply_form__renders_with_labels_autocomplete_and_a_hidden_honeypot(client, home_page):
    response = client.get(APPLY_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-cache" in response["Cache-Control"]
    assert '<label for="id_full_name">' in html
    assert 'autocomplete="email"' in html and 'autocomplete="name"' in html
    assert '<div class="form-honeypot" hidden>' in html  # hidden alone: aria-hidden beside it is redundant (Nu checker)
    assert 'name="homepage"' in html and 'tabindex="-1"' in html


def test_apply__new_organisation_creates_pending_application_and_account_and_emails_a_receipt(
    client, home_page, outbox
):
    response = client.post(APPLY_URL, valid_data())

    assert response.status_code == 302
    assert response["Location"] == reverse("members:apply_done")
    application = MembershipApplication.objects.get()
    assert application.status == MembershipApplication.Status.PENDING
    assert application.email == "amina@example.org"
    assert application.organisation is None
    assert application.new_organisation_name == "Hastings Refugee Buddy Project"
    assert application.agreed_to_privacy_notice_at is not None
    user = application.user
    assert user.email == "amina@example.org"
    assert user.membership_status == User.MembershipStatus.PENDING
    assert (user.first_name, user.last_name) == ("Amina", "Yusuf")
    assert not user.has_usable_password()
    assert not user.groups.exists()
    assert not Organisation.objects.filter(name="Hastings Refugee Buddy Project").exists(), "made on approval"
    (receipt,) = outbox
    assert receipt.to == ["amina@example.org"]
    assert "received your application" in receipt.subject
    assert "Hastings Refugee Buddy Project" in receipt.body

    done = client.get(response["Location"])
    assert "What happens next" in done.content.decode()


def test_apply__choosing_an_existing_organisation_ignores_new_organisation_fields(client, home_page, organisation):
    client.post(APPLY_URL, valid_data(organisation=organisation.pk, organisation_name="", organisation_kind=""))

    application = MembershipApplication.objects.get()
    assert application.organisation == organisation
    assert application.new_organisation_name == ""


def test_apply__invalid_form_shows_a_linked_error_summary_and_keeps_what_was_typed(client, home_page, outbox):
    response = client.post(
        APPLY_URL,
        valid_data(email="not-an-address", organisation_name="", agree_to_privacy_notice="", role="Press officer"),
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert not MembershipApplication.objects.exists() and not outbox
    assert 'class="error-summary" role="alert"' in html
    assert '<a href="#id_email">' in html and '<a href="#id_agree_to_privacy_notice">' in html
    assert '<a href="#id_organisation_name">' in html
    assert 'id="id_email_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="id_email_helptext id_email_error"' in html
    assert 'value="not-an-address"' in html and 'value="Press officer"' in html
    assert "Briefing our volunteers" in html
    assert html.count("<title>Error:") == 1


def test_apply__new_organisation_needs_its_kind_and_country(client, home_page):
    response = client.post(APPLY_URL, valid_data(organisation_kind="", organisation_country=""))

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"organisation_kind", "organisation_country"}


def test_apply__honeypot_filled_saves_nothing_sends_nothing_and_looks_like_success(client, home_page, outbox):
    response = client.post(APPLY_URL, valid_data(homepage="http://spam.example"))

    assert response.status_code == 302 and response["Location"] == reverse("members:apply_done")
    assert not MembershipApplication.objects.exists()
    assert not User.objects.exists()
    assert not outbox


def test_apply__rate_limit_per_address_turns_away_more_applications_with_a_message_keeping_input(
    client, home_page, settings
):
    settings.MEMBERS_APPLICATIONS_PER_HOUR = 2
    for number in range(2):
        assert client.post(APPLY_URL, valid_data(email=f"person{number}@example.org")).status_code == 302

    response = client.post(APPLY_URL, valid_data(email="third@example.org"))

    html = response.content.decode()
    assert response.status_code == 429
    assert "Too many applications from your connection" in html
    assert 'value="third@example.org"' in html
    assert MembershipApplication.objects.count() == 2
    other_address = client.post(APPLY_URL, valid_data(email="fourth@example.org"), REMOTE_ADDR="192.0.2.9")
    assert other_address.status_code == 302


def test_apply__existing_account_email_gets_the_same_answer_and_a_member_is_not_touched(client, home_page, outbox):
    member = MemberFactory(email="member@example.org")
    new = client.post(APPLY_URL, valid_data(email="someone-new@example.org"))
    existing = client.post(APPLY_URL, valid_data(email="MEMBER@example.org"))

    assert (new.status_code, new["Location"]) == (existing.status_code, existing["Location"])
    application = MembershipApplication.objects.get(email="member@example.org")
    assert application.user is None, "a member's account is never attached to a new application"
    member.refresh_from_db()
    assert member.membership_status == User.MembershipStatus.APPROVED
    assert User.objects.filter(email__iexact="member@example.org").count() == 1


def test_apply__existing_non_member_account_is_attached_and_marked_pending(client, home_page, user):
    client.post(APPLY_URL, valid_data(email=user.email))

    application = MembershipApplication.objects.get()
    user.refresh_from_db()
    assert application.user == user
    assert user.membership_status == User.MembershipStatus.PENDING
    assert user.has_usable_password(), "their existing password is kept"


def test_apply__mail_server_down_still_saves_the_application_and_shows_success(client, home_page, broken_email, caplog):
    response = client.post(APPLY_URL, valid_data())

    assert response.status_code == 302 and response["Location"] == reverse("members:apply_done")
    assert MembershipApplication.objects.filter(email="amina@example.org").exists()
    failures = [record for record in caplog.records if record.name.startswith("django_tasks")]
    assert any(
        record.levelname == "ERROR" and "send_application_receipt" in record.getMessage() for record in failures
    ), "the failed email is logged"


def test_apply__suspended_organisations_are_not_offered(client, home_page):
    OrganisationFactory(name="Open Doors", is_suspended=True)
    OrganisationFactory(name="Kent Refugee Action Network")

    html = client.get(APPLY_URL).content.decode()

    assert "Kent Refugee Action Network" in html and "Open Doors" not in html
