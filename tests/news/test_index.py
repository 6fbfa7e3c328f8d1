"""The news index: filters from the query string and pagination that never errors, whatever is typed."""

import datetime

import pytest
from bs4 import BeautifulSoup

from demo.factories.news import BlogCategoryFactory

pytestmark = pytest.mark.django_db


def _listed(response):
    """The posts on the page a visitor sees, by title, in order."""
    assert response.status_code == 200
    return [post.title for post in response.context["posts"]]


@pytest.fixture
def categorised_posts(make_post, news_category, positive_category):
    """Four posts, newest first: two news (one tagged covid-19), one positive story, one in no category."""
    today = datetime.date(2024, 6, 30)
    return {
        "news_covid": make_post(
            title="Covid and asylum", date=today, categories=[news_category], tags=["covid-19", "asylum"]
        ),
        "positive": make_post(
            title="A warm welcome", date=today - datetime.timedelta(days=1), categories=[positive_category]
        ),
        "news": make_post(title="Press briefing", date=today - datetime.timedelta(days=2), categories=[news_category]),
        "plain_covid": make_post(title="Vaccines for all", date=today - datetime.timedelta(days=3), tags=["covid-19"]),
    }


def test_blog_index__lists_every_public_post_newest_first(client, blog_index, categorised_posts):
    response = client.get(blog_index.url)

    assert _listed(response) == ["Covid and asylum", "A warm welcome", "Press briefing", "Vaccines for all"]
    html = response.content.decode()
    assert blog_index.introduction in html
    for post in categorised_posts.values():
        assert post.url in html


def test_blog_index__never_lists_unpublished_or_group_restricted_posts(
    client, member, blog_index, make_posts, restrict_to_group
):
    posts = make_posts(3)
    posts[0].unpublish()
    restrict_to_group(posts[1])
    client.force_login(member)

    response = client.get(blog_index.url)

    assert _listed(response) == [posts[2].title]
    assert posts[1].title not in response.content.decode()


def test_blog_index__filters_by_category_from_the_query_string(client, blog_index, categorised_posts):
    response = client.get(blog_index.url, {"category": "news"})

    assert _listed(response) == ["Covid and asylum", "Press briefing"]
    assert response.context["filters"]["category"].slug == "news"
    html = response.content.decode()
    assert "A warm welcome" not in html
    # A filtered list is a view of the index, not a page of its own for search engines.
    assert '<meta name="robots" content="noindex, follow">' in html


def test_blog_index__filters_by_tag_from_the_query_string(client, blog_index, categorised_posts):
    response = client.get(blog_index.url, {"tag": "covid-19"})

    assert _listed(response) == ["Covid and asylum", "Vaccines for all"]
    assert "covid-19" in response.content.decode()


def test_blog_index__combines_category_and_tag_filters(client, blog_index, categorised_posts):
    response = client.get(blog_index.url, {"category": "news", "tag": "covid-19"})

    assert _listed(response) == ["Covid and asylum"]


@pytest.mark.parametrize(
    "query",
    [
        {"category": "no-such-category"},
        {"tag": "no-such-tag"},
        {"category": ""},
        {"category": "news'; DROP TABLE news_blogpage; --"},
        {"tag": "x" * 5000},
        {"category": "\x00", "tag": "\x00"},
        {"category": "أخبار"},
    ],
    ids=["unknown-category", "unknown-tag", "empty", "sql-ish", "very-long", "nul", "unicode"],
)
def test_blog_index__ignores_unknown_filters_and_lists_everything(client, blog_index, categorised_posts, query):
    response = client.get(blog_index.url, query)

    assert _listed(response) == ["Covid and asylum", "A warm welcome", "Press briefing", "Vaccines for all"]
    assert response.context["filters"] == {}


def test_blog_index__unknown_category_still_applies_a_known_tag(client, blog_index, categorised_posts):
    response = client.get(blog_index.url, {"category": "nonsense", "tag": "covid-19"})

    assert _listed(response) == ["Covid and asylum", "Vaccines for all"]


def test_blog_index__ignores_a_category_from_another_language(client, blog_index, categorised_posts, locale_ar):
    BlogCategoryFactory(name="أخبار", slug="akhbar", locale=locale_ar)

    response = client.get(blog_index.url, {"category": "akhbar"})

    assert len(_listed(response)) == 4


# --- Pagination: ten per page, and no ?page= value can break it -----------------------------------------


@pytest.fixture
def many_posts(make_posts):
    """Two pages of posts: ten, then two."""
    return make_posts(12)


def test_blog_index__shows_ten_posts_per_page(client, blog_index, make_posts):
    posts = make_posts(23)

    first = client.get(blog_index.url)
    third = client.get(blog_index.url, {"page": "3"})

    assert _listed(first) == [post.title for post in posts[:10]]
    assert _listed(third) == [post.title for post in posts[20:]]
    assert first.context["posts"].paginator.num_pages == 3
    assert '?page=2" rel="next"' in first.content.decode()
    assert '?page=2" rel="prev"' in third.content.decode()


@pytest.mark.parametrize(
    ("page", "expected_number"),
    [
        ("abc", 1),
        ("0", 1),
        ("-1", 1),
        ("9999", 2),
        ("99999999999999999999999999", 2),
        ("\x00", 1),
        ("1.5", 1),
        ("9" * 1000, 2),
        ("a" * 5000, 1),
        ("", 1),
    ],
    ids=["letters", "zero", "negative", "past-the-end", "huge", "nul", "decimal", "long-number", "long-text", "empty"],
)
def test_blog_index__any_page_value_gives_a_sensible_page(client, blog_index, many_posts, page, expected_number):
    # home/pagination.py: what is not a number gives the first page, a number out of range the last.
    response = client.get(blog_index.url, {"page": page})

    assert response.status_code == 200
    posts = response.context["posts"]
    assert posts.number == expected_number
    start = (expected_number - 1) * 10
    assert _listed(response) == [post.title for post in many_posts[start : start + 10]]


def test_blog_index__pagination_keeps_the_filters(client, blog_index, make_posts, news_category):
    posts = make_posts(12, categories=[news_category])
    make_posts(1, start=posts[-1].date)  # an uncategorised post that must not appear on page 2

    response = client.get(blog_index.url, {"category": "news", "page": "2"})

    assert _listed(response) == [post.title for post in posts[10:]]
    html = response.content.decode()
    assert "?category=news&amp;page=1" in html


def test_blog_index__filtered_page_past_the_end_shows_the_last_filtered_page(
    client, blog_index, make_posts, news_category
):
    posts = make_posts(12, categories=[news_category])

    response = client.get(blog_index.url, {"category": "news", "page": "50"})

    assert _listed(response) == [post.title for post in posts[10:]]


def test_blog_index__page_links_keep_the_filters_in_force_and_nothing_else(
    client, blog_index, make_posts, news_category
):
    make_posts(12, categories=[news_category])

    response = client.get(blog_index.url, {"category": "news", "tag": "no-such-tag", "utm_source": "mail", "page": "2"})

    pagination = BeautifulSoup(response.content, "html.parser").select_one("nav.pagination")
    hrefs = {link["href"] for link in pagination.select("a")}
    assert hrefs == {"?category=news&page=1", "?category=news&page=2"}
    assert pagination.select_one("a[aria-current=page]")["href"] == "?category=news&page=2"
    assert pagination.select_one("a[rel=prev]")["href"] == "?category=news&page=1"


def test_blog_index__with_no_posts_says_so(client, blog_index):
    response = client.get(blog_index.url, {"page": "7"})

    assert response.status_code == 200
    assert "There are no posts here yet." in response.content.decode()
