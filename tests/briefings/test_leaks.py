"""Nobody but a member ever receives a briefing's content, by any path.

A unique marker is planted in a briefing's summary and in one of its stories (headline and suggested line).
Every path that could carry it is requested as each kind of visitor; only the member may receive it.
"""

import pytest

from django.contrib.auth import get_user_model

from demo.factories.briefings import briefing_item
from members.models import Organisation

pytestmark = pytest.mark.django_db

MARKER = "zqxbriefingmarker"
# What only the briefing holds. The bare marker is not enough: search pages (and the teaser's sign-in link)
# repeat the visitor's own query back to them.
PLANTED = [f"Headline {MARKER}", f"Story {MARKER}", f"line {MARKER}", f"with {MARKER}", f"example.org/{MARKER}"]
VISITORS = ["anonymous", "non_member", "pending", "suspended", "member"]


@pytest.fixture
def secret_briefing(make_briefing, home_page, briefing_index, blog_index, make_posts):
    make_posts(2)
    # An editor points the home page's news section at the archive: it must still list nothing from it.
    home_page.news_index = briefing_index
    home_page.save_revision().publish()
    return make_briefing(
        summary=f"Summary with {MARKER} in it.",
        items=[
            briefing_item(
                f"Headline {MARKER}",
                summary=f"Story {MARKER}.",
                line=f"Suggested line {MARKER}.",
                link=f"https://example.org/{MARKER}",
            )
        ],
    )


@pytest.fixture
def visitor(request, client, user, member, member_group):
    User = get_user_model()
    kind = request.param
    if kind == "non_member":
        client.force_login(user)
    elif kind == "pending":
        client.force_login(
            User.objects.create_user(
                email="pending@example.org", password="a-long-password", membership_status=User.MembershipStatus.PENDING
            )
        )
    elif kind == "suspended":
        client.force_login(
            User.objects.create_user(
                email="suspended@example.org",
                password="a-long-password",
                organisation=Organisation.objects.create(name="Another Organisation"),
                membership_status=User.MembershipStatus.APPROVED,
                is_suspended=True,
            )
        )
    elif kind == "member":
        client.force_login(member)
    return kind


def paths(briefing, briefing_index, blog_index):
    return {
        "briefing": briefing.url,
        "archive": briefing_index.url,
        "archive search": f"{briefing_index.url}?q={MARKER}",
        "archive by date": f"{briefing_index.url}?year={briefing.date.year}&month={briefing.date.month}",
        "site search": f"/en/search/?query={MARKER}",
        "sitemap": "/sitemap.xml",
        "rss feed": f"{blog_index.url}feed/rss/",
        "atom feed": f"{blog_index.url}feed/atom/",
        "home page": "/en/",
        "briefing under another language": briefing.url.replace("/en/", "/fr/", 1),
    }


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_marker__reaches_members_only(client, visitor, secret_briefing, briefing_index, blog_index):
    received = {}
    listed_by_site_search = False
    for name, path in paths(secret_briefing, briefing_index, blog_index).items():
        response = client.get(path)
        assert response.status_code < 500, (name, response.status_code)
        body = b"".join(response) if response.streaming else response.content
        received[name] = any(planted in body.decode() for planted in PLANTED)
        if name == "site search":
            listed_by_site_search = f'href="{secret_briefing.url}"' in body.decode()

    # Site search lists the briefing (its title and link, never its stories) to members, and to no one else.
    assert listed_by_site_search is (visitor == "member"), visitor

    if visitor == "member":
        assert received["briefing"] and received["archive"] and received["archive search"]
        assert not received["site search"] and not received["sitemap"] and not received["home page"]
        assert not received["rss feed"] and not received["atom feed"]
    else:
        assert not any(received.values()), {name for name, got in received.items() if got}


@pytest.mark.parametrize("visitor", VISITORS, indirect=True)
def test_briefing_url__others_get_a_teaser_with_no_cache(client, visitor, secret_briefing):
    response = client.get(secret_briefing.url)
    if visitor == "member":
        assert response.status_code == 200
    else:
        assert response.status_code == 403
        assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
        assert secret_briefing.title in response.content.decode()


def test_sitemap_and_site_search__never_list_the_briefing_or_archive(client, secret_briefing, briefing_index):
    for path in ("/sitemap.xml", f"/en/search/?query={secret_briefing.title.split(',')[0]}"):
        body = client.get(path).content.decode()
        assert secret_briefing.slug not in body and briefing_index.slug not in body, path


def test_email__never_sent_to_non_members(people, draft_briefing, smtp, publish):
    draft_briefing.summary = f"Summary with {MARKER}."
    publish(draft_briefing)

    assert smtp.recipients() == ["member@example.org", "second.member@example.org"]
    for rcpt_tos, message in smtp.messages:
        assert MARKER in message.get_body(preferencelist=("plain",)).get_content()
        assert all(people[state].email not in rcpt_tos for state in ("non_member", "pending", "suspended"))
