"""RSS and Atom feeds of the blog, whole and per category: valid, newest first, public posts only."""

import feedparser
import pytest

pytestmark = pytest.mark.django_db

KINDS = ["rss", "atom"]


def _parse(response):
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def _titles(feed):
    return [entry.title for entry in feed.entries]


@pytest.mark.parametrize("kind", KINDS)
def test_blog_feed__lists_public_posts_newest_first_with_links_and_titles(client, blog_index, make_posts, kind):
    posts = make_posts(3)

    response = client.get(f"{blog_index.url}feed/{kind}/")

    feed = _parse(response)
    expected_type = "application/rss+xml" if kind == "rss" else "application/atom+xml"
    assert response["Content-Type"].startswith(expected_type)
    assert feed.feed.title == "News – IMIX"
    assert _titles(feed) == [post.title for post in posts]
    assert [entry.link for entry in feed.entries] == [f"http://testserver{post.url}" for post in posts]
    assert feed.entries[0].summary == posts[0].listing_summary


@pytest.mark.parametrize("kind", KINDS)
def test_blog_feed__never_lists_an_unpublished_post(client, blog_index, make_posts, kind):
    posts = make_posts(3)
    posts[1].unpublish()

    feed = _parse(client.get(f"{blog_index.url}feed/{kind}/"))

    assert _titles(feed) == [posts[0].title, posts[2].title]


@pytest.mark.parametrize("kind", KINDS)
def test_blog_feed__never_lists_group_restricted_post(client, blog_index, make_posts, restrict_to_group, kind):
    posts = make_posts(3)
    restrict_to_group(posts[0])

    response = client.get(f"{blog_index.url}feed/{kind}/")

    assert _titles(_parse(response)) == [posts[1].title, posts[2].title]
    assert posts[0].slug not in response.content.decode()


def test_blog_feed__keeps_restricted_posts_out_even_for_a_signed_in_member(
    client, member, blog_index, make_posts, restrict_to_group
):
    posts = make_posts(2)
    restrict_to_group(posts[0])
    client.force_login(member)

    feed = _parse(client.get(f"{blog_index.url}feed/rss/"))

    # Feed readers fetch without a session and their copies are shared: a feed is always the public view.
    assert _titles(feed) == [posts[1].title]


def test_blog_feed__lists_at_most_twenty_posts(client, blog_index, make_posts):
    posts = make_posts(22)

    feed = _parse(client.get(f"{blog_index.url}feed/rss/"))

    assert _titles(feed) == [post.title for post in posts[:20]]


@pytest.mark.parametrize("kind", KINDS)
def test_category_feed__lists_only_that_categorys_public_posts(
    client, blog_index, make_post, news_category, positive_category, restrict_to_group, kind
):
    news = make_post(title="Press briefing", categories=[news_category])
    make_post(title="A warm welcome", categories=[positive_category])
    hidden = make_post(title="Members only briefing", categories=[news_category])
    restrict_to_group(hidden)
    draft = make_post(title="Draft briefing", categories=[news_category])
    draft.unpublish()

    response = client.get(f"{blog_index.url}category/news/feed/{kind}/")

    feed = _parse(response)
    assert feed.feed.title == "News: News – IMIX"
    assert _titles(feed) == [news.title]
    assert feed.entries[0].link == f"http://testserver{news.url}"
    assert "Members only" not in response.content.decode()


def test_category_feed__unknown_category_is_not_found(client, blog_index, news_category):
    assert client.get(f"{blog_index.url}category/no-such-category/feed/rss/").status_code == 404


@pytest.mark.parametrize("path", ["feed/json/", "feed/RSS/", "category/news/feed/json/"])
def test_blog_feed__unknown_feed_kind_is_not_found(client, blog_index, news_category, path):
    assert client.get(f"{blog_index.url}{path}").status_code == 404
