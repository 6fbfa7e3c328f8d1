"""Sign in, sign out, throttling with django-axes, and a password reset that never says who has an account."""

import re

import pytest

from django.urls import reverse

from demo.factories.members import MemberFactory

pytestmark = pytest.mark.django_db

SIGN_IN_URL = "/en/members/sign-in/"


@pytest.fixture
def axes_on(settings):
    """Tests run with axes off (Client.login() gives it no request); these switch it on as in production."""
    settings.AXES_ENABLED = True


def test_sign_in_and_out_by_email_and_password(client, home_page, axes_on):
    MemberFactory(email="member@example.org")

    response = client.post(SIGN_IN_URL, {"username": "Member@Example.org", "password": "a-long-password"})

    assert response.status_code == 302
    dashboard = client.get(reverse("members:dashboard"))
    assert dashboard.status_code == 200 and "Your dashboard" in dashboard.content.decode()
    assert client.get(reverse("members:sign_out")).status_code == 405, "signing out is a POST"
    assert client.post(reverse("members:sign_out")).status_code == 302
    assert client.get(reverse("members:dashboard"))["Location"].startswith(SIGN_IN_URL)


def test_sign_in__wrong_password_shows_a_clear_error_keeping_the_email(client, home_page, axes_on):
    MemberFactory(email="member@example.org")

    response = client.post(SIGN_IN_URL, {"username": "member@example.org", "password": "wrong"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "The email address or password is not right." in html
    assert 'value="member@example.org"' in html


def test_sign_in__locked_out_after_five_failures_even_with_the_right_password(client, home_page, axes_on):
    MemberFactory(email="member@example.org")
    for _attempt in range(5):
        client.post(SIGN_IN_URL, {"username": "member@example.org", "password": "wrong"})

    response = client.post(SIGN_IN_URL, {"username": "member@example.org", "password": "a-long-password"})

    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    other = client.post(
        SIGN_IN_URL, {"username": "member@example.org", "password": "a-long-password"}, REMOTE_ADDR="192.0.2.8"
    )
    assert other.status_code == 302, "the lock is on this address and this email together"


def test_wagtail_admin_sign_in_works_with_axes(client, axes_on, django_user_model):
    django_user_model.objects.create_superuser(email="staff@imix.org.uk", password="a-long-password")

    response = client.post("/admin/login/", {"username": "staff@imix.org.uk", "password": "a-long-password"})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_client_login_and_force_login_still_work_in_tests(client, member):
    assert client.login(username="member@example.org", password="a-long-password")
    client.force_login(member)
    assert client.get(reverse("members:dashboard")).status_code == 200


def test_password_reset__same_answer_for_known_and_unknown_addresses(client, home_page, outbox):
    MemberFactory(email="member@example.org")
    url = reverse("members:password_reset")

    known = client.post(url, {"email": "member@example.org"})
    unknown = client.post(url, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == reverse("members:password_reset_sent")
    (email,) = outbox
    assert email.to == ["member@example.org"]
    assert re.search(r"/en/members/set-password/\S+/\S+/", email.body)
    sent = client.get(known["Location"]).content.decode()
    assert "If the address you entered belongs to an account" in sent


def test_password_reset__approved_member_who_never_set_a_password_can_ask_again(client, home_page, outbox):
    MemberFactory(email="member@example.org", password=None)

    client.post(reverse("members:password_reset"), {"email": "member@example.org"})

    assert [email.to for email in outbox] == [["member@example.org"]]


def test_password_reset__mail_server_down_gives_the_same_answer(client, home_page, broken_email):
    MemberFactory(email="member@example.org")

    response = client.post(reverse("members:password_reset"), {"email": "member@example.org"})

    assert response.status_code == 302 and response["Location"] == reverse("members:password_reset_sent")


def test_set_password__a_bad_link_explains_and_offers_a_new_one(client, home_page):
    response = client.get("/en/members/set-password/MQ/bad-token/")

    assert "This link has expired" in response.content.decode()
