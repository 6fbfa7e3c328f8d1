"""The summary of a form's problems names each field and links to it; errors about the whole form are listed
without a link. And no public form puts focus in a field when it opens, which would skip the skip link."""

import re

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.tokens import default_token_generator
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from demo.factories.journeys import JourneyIndexPageFactory, ShareJourneyPageFactory

pytestmark = pytest.mark.django_db

SHARE_URL = "/en/human-journeys/share-your-journey/"


def summary_items(response):
    soup = BeautifulSoup(response.content, "html.parser")
    summary = soup.find(attrs={"data-error-summary": True})
    assert summary is not None, "No error summary"
    assert summary["tabindex"] == "-1", "The summary cannot take focus"
    items = []
    for item in summary.find_all("li"):
        link = item.find("a")
        target = link["href"] if link else None
        if target:
            assert soup.find(id=target.removeprefix("#")) is not None, f"{target} links to nothing"
        items.append((re.sub(r"\s+", " ", item.get_text()).strip(), target))
    return items


@pytest.fixture
def share_page(home_page):
    published = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    index = JourneyIndexPageFactory(parent=home_page, **published)
    return ShareJourneyPageFactory(parent=index, **published)


def test_sign_in__empty_form_names_both_fields(client, home_page):
    items = summary_items(client.post("/en/members/sign-in/", {"username": "", "password": ""}))

    assert items == [
        ("Email address: This field is required.", "#id_username"),
        ("Password: This field is required.", "#id_password"),
    ]


def test_password_reset__bad_address_names_the_field(client, home_page):
    items = summary_items(client.post("/en/members/password-reset/", {"email": "not-an-address"}))

    assert items == [("Email: Enter a valid email address.", "#id_email")]


def test_set_password__mismatch_names_the_field(client, home_page, member):
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    form_url = client.get(f"/en/members/set-password/{uid}/{default_token_generator.make_token(member)}/")["Location"]

    response = client.post(form_url, {"new_password1": "a-long-password-1", "new_password2": "a-long-password-2"})

    assert response.status_code == 200
    [(text, target)] = summary_items(response)
    assert text == "New password confirmation: The two password fields didn’t match."
    assert target == "#id_new_password2"


def test_apply__every_missing_field_is_named_and_linked(client, home_page):
    items = summary_items(client.post("/en/members/apply/", {"homepage": ""}))

    assert ("Full name: This field is required.", "#id_full_name") in items
    assert ("Email address: This field is required.", "#id_email") in items
    assert all(target and text.split(": ", 1)[0] for text, target in items)


def test_share_journey__a_group_of_radio_buttons_links_to_its_first_choice(client, share_page):
    items = summary_items(client.post(SHARE_URL, {"homepage": ""}))

    assert items, "No problems listed"
    for text, _target in items:
        label, _, message = text.partition(": ")
        assert label and message, f"Not named: {text!r}"
    radio_targets = [target for _, target in items if target.endswith("_0")]
    assert radio_targets, "The naming choice (radio buttons) is not linked"


def test_public_forms__never_autofocus_a_field(client, home_page, share_page, member):
    uid = urlsafe_base64_encode(force_bytes(member.pk))
    set_password = client.get(f"/en/members/set-password/{uid}/{default_token_generator.make_token(member)}/")
    pages = {
        "sign in": client.get("/en/members/sign-in/"),
        "sign in with errors": client.post("/en/members/sign-in/", {"username": "x@example.org", "password": "x"}),
        "apply": client.get("/en/members/apply/"),
        "password reset": client.get("/en/members/password-reset/"),
        "set password": client.get(set_password["Location"]),
        "share your journey": client.get(SHARE_URL),
    }

    for what, response in pages.items():
        assert response.status_code in {200, 400}, what
        assert "<form" in response.content.decode(), what
        assert "autofocus" not in response.content.decode(), f"The {what} page autofocuses a field"
