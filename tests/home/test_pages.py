"""HomePage and StandardPage: where they may live, creation and preview in the admin, what visitors see."""

import pytest

from django.test import RequestFactory

from wagtail import blocks
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.blocks import LinkBlock
from home.factories import StandardPageFactory
from home.models import HomePage, HomePageNewsPick, StandardPage
from news.factories import BlogIndexPageFactory
from news.models import BlogIndexPage, BlogPage
from tests.utils import admin_add_url, creatable_child_models, create_page_via_admin

pytestmark = pytest.mark.django_db


# --- Where each page type may be created ---------------------------------------------------------------


def test_home_page__can_only_be_created_at_the_top_of_the_tree(root_page, home_page):
    assert set(HomePage.allowed_parent_page_models()) == {Page}
    assert HomePage.can_create_at(root_page)
    assert not HomePage.can_create_at(home_page)


def test_home_page__offers_information_pages_and_a_news_index_as_children():
    assert creatable_child_models(HomePage) == {StandardPage, BlogIndexPage}


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


def test_home_page__can_be_created_through_the_admin(admin_client, root_page, home_page):
    data = nested_form_data(
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
        }
    )

    create_page_via_admin(admin_client, root_page, HomePage, data)

    page = HomePage.objects.get(slug="accueil")
    assert page.live
    assert page.hero_heading == "Changer la conversation"
    assert page.hero_call_to_action[0].value.url() == "https://imix.org.uk/join/"
    assert page.calls_to_action[0].value["link"].url() == home_page.url


def test_standard_page__can_be_created_through_the_admin(admin_client, home_page):
    data = nested_form_data(
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
        }
    )

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
    assert value.url() == home_page.url
    assert value.text() == home_page.title


def test_link_block__accepts_a_url_with_a_label():
    value = _clean_link(url="https://imix.org.uk/join/", label="Join us")
    assert value.url() == "https://imix.org.uk/join/"
    assert value.text() == "Join us"


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
    request = RequestFactory().get("/en/")
    return home_page.get_context(request)["news_pages"]


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
