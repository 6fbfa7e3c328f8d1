"""A members-only toolkit's teaser: the public fields, what is inside as counts, its languages, who it is for and
the way in, and never a word of the body, whoever asks without being a member."""

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from wagtail.models import Locale
from wagtail.rich_text import RichText

from demo.factories.members import ApplicationFactory

pytestmark = pytest.mark.django_db

BODY_PHRASES = [
    "Housing is a human right",
    "The context behind the housing crisis",
    "People waiting for a decision",
    "Asylum hotels are luxurious",
    "Most accommodation is cramped",
    "Families in one room",
]


@pytest.fixture
def guide(make_guide, topics):
    return make_guide(
        title="Talking about housing",
        summary="How to talk about asylum housing without feeding the hotel myths.",
        members_only=True,
        topics=[topics["housing"]],
        context=RichText("<p>The context behind the housing crisis.</p>"),
        key_messages=[("message", "Housing is a human right."), ("message", "Everyone deserves a safe home.")],
        framing=[("pair", {"say_this": "People waiting for a decision", "not_that": "Bogus", "reason": "Fair."})],
        recommended_terms=[],
        evidence=[],
        examples=[],
    )


@pytest.fixture
def qa(make_qa):
    question = {
        "short_answer": "Most accommodation is cramped.",
        "full_answer": RichText("<p>Families in one room.</p>"),
    }
    return make_qa(
        title="Hotels Q&A",
        summary="The questions journalists ask about asylum hotels.",
        members_only=True,
        sections=[
            (
                "section",
                {
                    "title": "Asylum hotels are luxurious",
                    "questions": [
                        {"question": "Are hotels luxurious?", "sources": [], **question},
                        {"question": "Who pays?", "sources": [], **question},
                    ],
                },
            )
        ],
    )


def teaser(client, page):
    response = client.get(page.url)
    assert response.status_code == 403
    return response.content.decode()


@pytest.mark.parametrize("visitor", ["anonymous", "non_member"])
def test_teaser__shows_the_summary_and_the_outline_but_no_word_of_the_body(client, user, guide, qa, visitor):
    if visitor == "non_member":
        client.force_login(user)

    guide_html = teaser(client, guide)
    qa_html = teaser(client, qa)

    assert guide.summary in guide_html and "Housing" in guide_html
    inside = BeautifulSoup(guide_html, "html.parser").find("section", attrs={"aria-labelledby": "inside-heading"})
    assert [item.get_text(strip=True) for item in inside.find_all("li")] == [
        "2 key messages",
        "1 framing to use, and the one to avoid",
    ]
    assert qa.summary in qa_html
    assert "1 section" in qa_html and "2 questions with the line to take" in qa_html
    for phrase in BODY_PHRASES:
        assert phrase not in guide_html and phrase not in qa_html, phrase
    assert "Are hotels luxurious?" not in qa_html


def test_teaser__join_and_sign_in_links_lead_to_working_pages(client, guide):
    soup = BeautifulSoup(teaser(client, guide), "html.parser")
    join = soup.find("div", class_="toolkit-teaser__join")

    apply = join.find("a", string="Apply to join")["href"]
    sign_in = join.find("a", string="Sign in")["href"]

    assert apply == "/en/members/apply/" and client.get(apply).status_code == 200
    assert sign_in == f"/en/members/sign-in/?next={guide.url}" and client.get(sign_in).status_code == 200
    assert "How to join" in join.get_text()


def test_teaser__pending_applicants_are_told_their_application_is_in_review_not_how_to_join(client, guide):
    client.force_login(ApplicationFactory().user)

    html = teaser(client, guide)

    assert "Your application is being reviewed" in html and "How to join" not in html
    assert "2 key messages" in html


def test_teaser__lists_the_languages_the_toolkit_is_published_in(client, home_page, toolkit_index, guide):
    locale_fr = Locale.objects.get(language_code="fr")
    for page in (home_page, toolkit_index, guide):
        translation = page.copy_for_translation(locale_fr)
        translation.save_revision().publish()

    soup = BeautifulSoup(teaser(client, guide), "html.parser")
    languages = soup.find("section", attrs={"aria-labelledby": "languages-heading"})

    assert languages.find("span", lang="en").get_text() == "English"
    french = languages.find("a", lang="fr")
    assert french.get_text() == "Français" and french["href"].startswith("/fr/")


def test_teaser__a_public_toolkit_is_the_page_itself(client, make_guide):
    public = make_guide(
        title="Public guide", key_messages=[("message", "Open to all.")], last_published_at=timezone.now()
    )

    response = client.get(public.url)

    assert response.status_code == 200 and "Open to all." in response.content.decode()
