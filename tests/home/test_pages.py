"""HomePage and StandardPage: where they may live, creation and preview in the admin, what visitors see."""

import datetime

import pytest

from wagtail import blocks
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from briefings.models import BriefingIndexPage
from demo.factories.home import StandardPageFactory
from demo.factories.news import BlogIndexPageFactory, BlogPageFactory
from home.blocks import LinkBlock
from home.models import HomePage, HomePageNewsPick, StandardPage
from journeys.models import JourneyIndexPage
from news.models import BlogIndexPage, BlogPage
from tests.utils import admin_add_url, creatable_child_models, create_page_via_admin, preview_page
from toolkits.models import ToolkitIndexPage

pytestmark = pytest.mark.django_db


# --- Where each page type may be created ---------------------------------------------------------------


def test_home_page__can_only_be_created_at_the_top_of_the_tree(root_page, home_page):
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert HomePage.can_create_at(root_page)
    assert not HomePage.can_create_at(home_page)


def test_home_page__offers_information_pages_and_the_feature_indexes_as_children():
    assert creatable_child_models(HomePage) == {
        StandardPage,
        BlogIndexPage,
        BriefingIndexPage,
        ToolkitIndexPage,
        JourneyIndexPage,
    }


def test_standard_page__lives_under_the_home_page_or_another_standard_page(root_page, home_page, standard_page):
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert StandardPage.can_create_at(home_page)
    assert StandardPage.can_create_at(standard_page)
    assert not StandardPage.can_create_at(root_page)


def test_standard_page__only_has_standard_pages_below_it():
    assert creatable_child_models(StandardPage) == {StandardPage}
    assert not BlogIndexPage.can_exist_under(StandardPage())
    assert not BlogPage.can_exist_under(StandardPage())


# --- Creation through the admin form -------------------------------------------------------------------


def _home_page_form(home_page, **fields):
    """The home page's admin form as an editor fills it in: hero, vision and mission, sections, one call to action."""
    return nested_form_data(
        {
            "title": "Accueil",
            "slug": "accueil",
            "hero_heading": "Changer la conversation",
            "hero_introduction": "Sur la migration et les réfugiés.",
            "hero_call_to_action": streamfield(
                [("link", {"label": "Nous rejoindre", "page": "", "url": "https://imix.org.uk/join/"})]
            ),
            "vision": rich_text("<p>Une société accueillante.</p>"),
            "mission": rich_text("<p>Changer la conversation.</p>"),
            "news_heading": "Actualités",
            "news_picks": inline_formset([]),
            "journeys_heading": "Parcours",
            "journey_picks": inline_formset([]),
            "calls_to_action": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Join the network",
                            "text": "Free guides for organisations.",
                            "link": {"label": "Apply", "page": str(home_page.pk), "url": ""},
                        },
                    )
                ]
            ),
            **fields,
        }
    )


def _standard_page_form(**fields):
    return nested_form_data(
        {
            "title": "What we do",
            "introduction": "Training, briefings and campaigns.",
            "body": streamfield(
                [
                    ("heading", {"text": "Our work", "level": "h2"}),
                    ("paragraph", rich_text("<p>We run media training for people with lived experience.</p>")),
                    ("quote", {"quote": "IMIX helped us.", "attribution": "A partner", "role": ""}),
                ]
            ),
            **fields,
        }
    )


def test_home_page__can_be_created_through_the_admin(admin_client, root_page, home_page):
    create_page_via_admin(admin_client, root_page, HomePage, _home_page_form(home_page))

    page = HomePage.objects.get(slug="accueil")
    assert page.live
    assert page.hero_heading == "Changer la conversation"
    assert page.hero_call_to_action[0].value.href() == "https://imix.org.uk/join/"
    assert page.calls_to_action[0].value["link"].href() == home_page.url


def test_standard_page__can_be_created_through_the_admin(admin_client, home_page):
    data = _standard_page_form()

    create_page_via_admin(admin_client, home_page, StandardPage, data)

    page = StandardPage.objects.get(slug="what-we-do")
    assert page.live
    assert page.get_parent().specific == home_page
    assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]
    assert "media training" in page.body[1].value.source


def test_standard_page__admin_refuses_a_link_with_both_a_page_and_a_url(admin_client, home_page):
    data = nested_form_data(
        {
            "title": "Join",
            "introduction": "",
            "body": streamfield(
                [
                    (
                        "call_to_action",
                        {
                            "heading": "Join",
                            "text": "",
                            "link": {"label": "Join", "page": str(home_page.pk), "url": "https://example.org/"},
                        },
                    )
                ]
            ),
        }
    )

    data["action-publish"] = "action-publish"
    response = admin_client.post(admin_add_url(home_page, StandardPage), data)

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "Choose a page or enter a URL, not both." in response.content.decode()
    assert not StandardPage.objects.filter(slug="join").exists()


# --- The link block: a page or a URL, never both --------------------------------------------------------


def _clean_link(**value):
    block = LinkBlock()
    return block.clean(block.to_python({"label": "", "page": None, "url": "", **value}))


def test_link_block__accepts_a_page_without_a_label(home_page):
    value = _clean_link(page=home_page.pk)
    assert value.href() == home_page.url
    assert value.link_text() == home_page.title


def test_link_block__accepts_a_url_with_a_label():
    value = _clean_link(url="https://imix.org.uk/join/", label="Join us")
    assert value.href() == "https://imix.org.uk/join/"
    assert value.link_text() == "Join us"


def test_link_block__refuses_both_a_page_and_a_url(home_page):
    with pytest.raises(blocks.StructBlockValidationError) as error:
        _clean_link(page=home_page.pk, url="https://example.org/", label="Both")
    assert "not both" in str(error.value.block_errors["page"])


def test_link_block__refuses_neither_a_page_nor_a_url():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        _clean_link(label="Nowhere")
    assert "Choose a page or enter a URL" in str(error.value.block_errors["page"])


def test_link_block__refuses_a_url_without_a_label():
    with pytest.raises(blocks.StructBlockValidationError) as error:
        _clean_link(url="https://example.org/")
    assert "needs a label" in str(error.value.block_errors["label"])


# --- The home page's news section ----------------------------------------------------------------------


def _news_section(home_page):
    home_page.refresh_from_db()
    return home_page.build_sections()["news_pages"]


def test_home_page__lists_the_three_latest_posts_of_its_news_index(home_page, blog_index, make_posts):
    posts = make_posts(5)

    assert _news_section(home_page) == posts[:3]


def test_home_page__editor_picks_replace_the_latest_posts_in_their_order(home_page, blog_index, make_posts):
    posts = make_posts(5)
    HomePageNewsPick.objects.create(home_page=home_page, page=posts[4], sort_order=0)
    HomePageNewsPick.objects.create(home_page=home_page, page=posts[2], sort_order=1)

    assert _news_section(home_page) == [posts[4], posts[2]]


def test_home_page__never_lists_unpublished_or_group_restricted_posts(
    home_page, blog_index, make_posts, restrict_to_group
):
    posts = make_posts(5)
    posts[0].unpublish()
    restrict_to_group(posts[1])

    assert _news_section(home_page) == posts[2:5]


def test_home_page__never_shows_unpublished_or_restricted_editor_picks(
    home_page, blog_index, make_posts, restrict_to_group
):
    posts = make_posts(3)
    for order, post in enumerate(posts):
        HomePageNewsPick.objects.create(home_page=home_page, page=post, sort_order=order)
    posts[0].unpublish()
    restrict_to_group(posts[1])

    assert _news_section(home_page) == [posts[2]]


def test_home_page__lists_no_news_when_the_news_index_is_unpublished(home_page, blog_index, make_posts):
    make_posts(2)
    blog_index.unpublish()

    assert _news_section(home_page) == []


def test_home_page__lists_no_news_when_no_index_is_chosen(home_page):
    BlogIndexPageFactory(parent=home_page)

    assert _news_section(home_page) == []


def test_home_page__ignores_a_news_index_that_is_not_a_listing(home_page):
    home_page.news_index = StandardPageFactory(parent=home_page)
    home_page.save()

    assert _news_section(home_page) == []


# --- What visitors see ---------------------------------------------------------------------------------


def test_home_page__shows_its_hero_vision_mission_news_and_calls_to_action(client, home_page, blog_index, make_posts):
    posts = make_posts(4)
    home_page.calls_to_action = [
        (
            "call_to_action",
            {
                "heading": "Join the network",
                "text": "Free guides.",
                "link": {"label": "Apply", "page": None, "url": "https://imix.org.uk/join/"},
            },
        )
    ]
    home_page.save()

    response = client.get("/en/")

    assert response.status_code == 200
    html = response.content.decode()
    assert home_page.hero_heading in html
    assert home_page.hero_introduction in html
    assert "A society which embraces and celebrates people who move to the UK." in html
    assert "Changing the conversation about migration and refugees." in html
    assert [post.title in html for post in posts] == [True, True, True, False]
    assert 'href="https://imix.org.uk/join/"' in html
    assert "Join the network" in html


def test_home_page__shows_the_featured_story_only_while_it_is_public(
    client, home_page, blog_index, make_post, restrict_to_group
):
    story = make_post(title="Featured welcome story")
    home_page.featured_page = story
    home_page.save()
    assert "Featured welcome story" in client.get("/en/").content.decode()

    restrict_to_group(story)

    assert "Featured welcome story" not in client.get("/en/").content.decode()


def test_home_page__cached_news_section_shows_a_newly_published_post_at_once(client, home_page, blog_index, make_posts):
    make_posts(3, start=datetime.date(2020, 1, 10))
    assert "Brand new story" not in client.get("/en/").content.decode()

    new_post = BlogPageFactory(parent=blog_index, title="Brand new story", date=datetime.date(2020, 2, 1), live=False)
    new_post.save_revision().publish()

    assert "Brand new story" in client.get("/en/").content.decode()


def test_home_page__cached_news_section_drops_a_post_the_moment_it_is_unpublished_or_restricted(
    client, home_page, blog_index, make_posts, restrict_to_group
):
    posts = make_posts(3)
    html = client.get("/en/").content.decode()
    assert posts[0].title in html and posts[1].title in html

    posts[0].unpublish()
    restrict_to_group(posts[1])

    html = client.get("/en/").content.decode()
    assert posts[0].title not in html
    assert posts[1].title not in html


def test_standard_page__shows_its_title_introduction_and_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Our funders",
        introduction="The trusts and foundations that make our work possible.",
        body=[
            ("heading", {"text": "Who funds us", "level": "h2"}),
            ("paragraph", RichText("<p>We are grateful to every one of them.</p>")),
            ("quote", {"quote": "A remarkable network.", "attribution": "A funder", "role": "Trustee"}),
        ],
    )

    response = client.get(page.url)

    assert page.url == "/en/our-funders/"
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Our funders</h1>" in html
    assert "The trusts and foundations that make our work possible." in html
    assert "Who funds us</h2>" in html
    assert "We are grateful to every one of them." in html
    assert "A remarkable network." in html


def test_standard_page__unpublished_page_is_not_found(client, standard_page):
    assert client.get("/en/about/").status_code == 200
    standard_page.unpublish()

    assert client.get("/en/about/").status_code == 404


def test_standard_page__restricted_page_is_never_shown_to_anonymous_visitors_or_non_members(
    client, user, member, home_page, restrict_to_group
):
    page = StandardPageFactory(parent=home_page, title="Members briefing", body=_marker_body())
    restrict_to_group(page)

    anonymous = client.get(page.url)
    client.force_login(user)
    non_member = client.get(page.url)
    client.force_login(member)
    as_member = client.get(page.url)

    assert anonymous.status_code == 403  # the members-only teaser, never a login redirect
    assert "Zanzibarquokka" not in anonymous.content.decode()
    assert non_member.status_code == 403
    assert "Zanzibarquokka" not in non_member.content.decode()
    assert as_member.status_code == 200
    assert "Zanzibarquokka" in as_member.content.decode()


def _marker_body():
    return [("paragraph", RichText("<p>Zanzibarquokka: for members only.</p>"))]


# --- Preview in the admin ------------------------------------------------------------------------------


def test_home_page__is_previewable_with_unsaved_changes(admin_client, home_page):
    response = preview_page(
        admin_client,
        home_page,
        _home_page_form(home_page, title="Home", slug="home", hero_heading="A preview-only headline"),
    )

    assert "A preview-only headline" in response.content.decode()
    home_page.refresh_from_db()
    assert home_page.hero_heading != "A preview-only headline"


def test_standard_page__is_previewable_with_unsaved_changes(admin_client, standard_page):
    response = preview_page(
        admin_client,
        standard_page,
        _standard_page_form(title="About us", introduction="A preview-only introduction."),
    )

    html = response.content.decode()
    assert "A preview-only introduction." in html
    assert "We run media training for people with lived experience." in html
    standard_page.refresh_from_db()
    assert standard_page.introduction != "A preview-only introduction."
