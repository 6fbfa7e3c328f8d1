"""BlogIndexPage and BlogPage: where they may live, creation and preview in the admin, what visitors see."""

import datetime

import pytest

from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from demo.factories.news import AuthorFactory
from home.models import HomePage, StandardPage
from news.models import BlogIndexPage, BlogPage
from tests.utils import admin_add_url, creatable_child_models, create_page_via_admin, preview_page

pytestmark = pytest.mark.django_db


# --- Where each page type may be created ---------------------------------------------------------------


def test_blog_index__lives_only_under_a_home_page(root_page, home_page, standard_page):
    assert set(BlogIndexPage.allowed_parent_page_models()) == {HomePage}
    assert BlogIndexPage.can_create_at(home_page)
    assert not BlogIndexPage.can_create_at(standard_page)
    assert not BlogIndexPage.can_create_at(root_page)


def test_blog_index__only_has_posts_below_it():
    assert creatable_child_models(BlogIndexPage) == {BlogPage}


def test_blog_post__lives_only_under_a_blog_index(home_page, blog_index, standard_page):
    assert set(BlogPage.allowed_parent_page_models()) == {BlogIndexPage}
    assert BlogPage.can_create_at(blog_index)
    assert not BlogPage.can_create_at(home_page)
    assert not BlogPage.can_create_at(standard_page)


def test_blog_post__has_no_pages_below_it():
    assert creatable_child_models(BlogPage) == set()
    assert not StandardPage.can_exist_under(BlogPage())


# --- Creation through the admin form -------------------------------------------------------------------


def test_blog_index__can_be_created_through_the_admin(admin_client, home_page):
    data = nested_form_data({"title": "Stories", "introduction": "Positive stories from our network."})

    create_page_via_admin(admin_client, home_page, BlogIndexPage, data)

    page = BlogIndexPage.objects.get(slug="stories")
    assert page.live
    assert page.introduction == "Positive stories from our network."


def test_blog_post__can_be_created_through_the_admin_with_authors_categories_and_tags(
    admin_client, blog_index, news_category, positive_category
):
    author = AuthorFactory(name="Amina Yusuf")
    data = nested_form_data(
        {
            "title": "Refugee Week in the papers",
            "introduction": "How the press covered Refugee Week.",
            "date": "2024-06-21",
            "tags": "refugee-week, covid-19",
            "body": streamfield(
                [
                    ("paragraph", rich_text("<p>More than a hundred pieces of coverage.</p>")),
                    ("quote", {"quote": "It changed the story.", "attribution": "An editor", "role": ""}),
                ]
            ),
        }
    )
    # Multiple-choice fields post one value per choice, which nested_form_data would number instead.
    data["authors"] = [str(author.pk)]
    data["categories"] = [str(news_category.pk), str(positive_category.pk)]

    create_page_via_admin(admin_client, blog_index, BlogPage, data)

    post = BlogPage.objects.get(slug="refugee-week-in-the-papers")
    assert post.live
    assert post.get_parent().specific == blog_index
    assert post.date == datetime.date(2024, 6, 21)
    assert list(post.authors.all()) == [author]
    assert set(post.categories.all()) == {news_category, positive_category}
    assert {tag.name for tag in post.tags.all()} == {"refugee-week", "covid-19"}
    assert "hundred pieces of coverage" in post.body[0].value.source


def test_blog_post__admin_requires_an_introduction(admin_client, blog_index):
    data = nested_form_data(
        {"title": "No introduction", "introduction": "", "date": "2024-06-21", "body": streamfield([])}
    )
    data["action-publish"] = "action-publish"

    response = admin_client.post(admin_add_url(blog_index, BlogPage), data)

    assert response.status_code == 200
    assert "introduction" in response.context["form"].errors
    assert not BlogPage.objects.filter(slug="no-introduction").exists()


# --- What visitors see ---------------------------------------------------------------------------------


def test_blog_index__shows_its_introduction_categories_posts_and_feed_links(
    client, blog_index, make_posts, news_category, positive_category
):
    posts = make_posts(2, categories=[news_category])

    response = client.get("/en/news/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>News</h1>" in html
    assert blog_index.introduction in html
    assert 'href="/en/news/?category=positive-stories"' in html
    for post in posts:
        assert f'href="{post.url}"' in html
        assert post.listing_summary in html
    assert 'type="application/rss+xml"' in html
    assert 'href="/en/news/feed/atom/"' in html


def test_blog_post__shows_its_title_date_authors_categories_tags_and_body(client, blog_index, make_post, news_category):
    author = AuthorFactory(name="Amina Yusuf", biography="Amina leads our media training.")
    post = make_post(
        title="Refugee Week in the papers",
        date=datetime.date(2024, 6, 21),
        introduction="How the press covered Refugee Week.",
        body=[("paragraph", RichText("<p>More than a hundred pieces of coverage.</p>"))],
        authors=[author],
        categories=[news_category],
        tags=["refugee-week"],
    )

    response = client.get(post.url)

    assert post.url == "/en/news/refugee-week-in-the-papers/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Refugee Week in the papers</h1>" in html
    assert '<time datetime="2024-06-21">21 June 2024</time>' in html
    assert "Amina Yusuf" in html
    assert "Amina leads our media training." in html
    assert "How the press covered Refugee Week." in html
    assert "More than a hundred pieces of coverage." in html
    assert 'href="/en/news/?category=news"' in html
    assert 'href="/en/news/?tag=refugee-week"' in html


def test_blog_post__unpublished_post_is_not_found(client, blog_index, make_post):
    post = make_post(title="Draft")
    url = post.url
    assert client.get(url).status_code == 200

    post.unpublish()

    assert client.get(url).status_code == 404


def test_blog_post__unknown_slug_under_the_index_is_not_found(client, blog_index, make_posts):
    make_posts(1)

    assert client.get("/en/news/no-such-post/").status_code == 404


def test_blog_post__group_restricted_post_is_not_shown_to_a_non_member(
    client, user, blog_index, make_post, restrict_to_group
):
    post = make_post(title="Members briefing", introduction="Zanzibarquokka for members.")
    restrict_to_group(post)
    client.force_login(user)

    response = client.get(post.url)

    assert response.status_code != 200
    assert "Zanzibarquokka" not in response.content.decode()


# --- Preview in the admin ------------------------------------------------------------------------------


def test_blog_index__is_previewable_with_unsaved_changes(admin_client, blog_index, make_posts):
    make_posts(1)

    response = preview_page(
        admin_client,
        blog_index,
        nested_form_data({"title": "News", "introduction": "A preview-only introduction."}),
    )

    html = response.content.decode()
    assert "A preview-only introduction." in html
    assert "Post number 0" in html


def test_blog_post__is_previewable_with_unsaved_changes(admin_client, blog_index, make_post, news_category):
    post = make_post(title="Refugee Week")
    data = nested_form_data(
        {
            "title": "Refugee Week",
            "introduction": "A preview-only introduction.",
            "date": "2024-06-21",
            "tags": "refugee-week",
            "body": streamfield([("paragraph", rich_text("<p>A preview-only paragraph.</p>"))]),
        }
    )
    data["categories"] = [str(news_category.pk)]

    response = preview_page(admin_client, post, data)

    html = response.content.decode()
    assert "A preview-only introduction." in html
    assert "A preview-only paragraph." in html
    assert "refugee-week" in html
    post.refresh_from_db()
    assert post.introduction != "A preview-only introduction."


def test_blog_post__an_editor_can_draft_a_post_that_stays_off_the_site_until_published(client, editor, blog_index):
    client.force_login(editor)
    data = nested_form_data(
        {
            "title": "Draft briefing",
            "introduction": "Not ready yet.",
            "date": "2024-06-21",
            "body": streamfield([("paragraph", rich_text("<p>Work in progress.</p>"))]),
        }
    )

    create_page_via_admin(client, blog_index, BlogPage, data, publish=False)
    client.logout()

    post = BlogPage.objects.get(slug="draft-briefing")
    assert not post.live
    assert post.owner == editor
    assert post.url == "/en/news/draft-briefing/", "where the post would be, once published"
    assert client.get(post.url).status_code == 404
    assert "Draft briefing" not in client.get("/en/news/").content.decode()
    assert "Draft briefing" not in client.get("/en/news/feed/rss/").content.decode()


# --- A translated post ---------------------------------------------------------------------------------
# wagtail-localize gives a translated post its source's authors and categories, the English snippets.


def test_translated_post__names_its_categories_and_authors_in_its_own_language_where_translated(
    client, blog_index, make_post, positive_category, news_category, locale_ar, arabic_home_page
):
    author = AuthorFactory(name="Amara Osei", role="Digital communications manager", biography="Edits our stories.")
    post = make_post(title="Eleven stories", slug="eleven-stories", authors=[author])
    post.categories.set([positive_category, news_category])
    post.save_revision().publish()
    blog_index.copy_for_translation(locale_ar).save_revision().publish()
    arabic_post = post.copy_for_translation(locale_ar)
    arabic_post.save_revision().publish()
    category = positive_category.copy_for_translation(locale_ar)
    category.name, category.slug = "قصص إيجابية", "qisas"
    category.save()
    arabic_author = author.copy_for_translation(locale_ar)
    arabic_author.role = "مديرة الاتصال الرقمي"
    arabic_author.save()
    arabic_post.refresh_from_db()
    assert set(arabic_post.categories.all()) == {positive_category, news_category}  # as wagtail-localize leaves it

    content = client.get(arabic_post.url).content.decode()

    assert "قصص إيجابية" in content and "مديرة الاتصال الرقمي" in content
    assert "Positive stories" not in content and "Digital communications manager" not in content
    assert ">News</a>" in content  # not translated yet: its English name, as before
    listing = client.get(f"{arabic_post.get_parent().url}?category=qisas").content.decode()
    assert "قصص إيجابية" in listing and arabic_post.title in listing
    feed = client.get(f"{arabic_post.get_parent().url}category/qisas/feed/rss/").content.decode()
    assert arabic_post.title in feed
