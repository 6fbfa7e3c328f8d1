"""`manage.py seed_demo`: the demo site it builds, and that running it again changes nothing.

The tests share one build (tests/demo/conftest.py); each runs in its own savepoint within it.
"""

import re
import zoneinfo

import pytest

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model

from wagtail.documents import get_document_model
from wagtail.models import Page, PageViewRestriction, Revision, Site

from demo.accounts import ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD
from demo.journeys import DEFAULT_SAFEGUARDING_PASSWORD, SAFEGUARDING_EMAIL
from demo.members import (
    APPLICANT_EMAIL,
    DEFAULT_APPLICANT_PASSWORD,
    DEFAULT_MEMBER_PASSWORD,
    MEMBER_EMAIL,
)
from demo.seeder import validate_streams
from home.models import CustomImage, Funder, HomePage, NavigationMenu, OrganisationSettings, Rendition, StandardPage
from journeys.models import ConsentRecord, JourneyIndexPage, JourneyPage
from members.access import is_member
from members.models import MembershipApplication, Organisation
from news.models import Author, BlogCategory, BlogIndexPage, BlogPage
from toolkits.models import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, ToolkitPage, Topic

from .conftest import WELCOME_TITLE
from .seeding import row_counts, seed

pytestmark = pytest.mark.django_db

INFORMATION_SLUGS = {
    "about-us",
    "what-we-do",
    "our-objects",
    "funders",
    "contact",
    "accessibility-statement",
    "privacy-notice",
}


def blocks_of(pages, field="body"):
    return [block for page in pages for block in getattr(page, field)]


def test_seed_demo__replaces_welcome_page_with_live_home_page_as_default_site_root(demo_build):
    assert demo_build.before.had_welcome_page  # what Wagtail's first migration leaves

    assert not Page.objects.filter(title=WELCOME_TITLE).exists()
    site = Site.objects.get(is_default_site=True)
    assert site.pk == demo_build.before.default_site_id, "the Site row survives, and with it its settings"
    # The record follows the configured address (SITE_URL), so the admin shows what the pages link to.
    assert site.root_url == django_settings.SITE_URL == "http://testserver"
    home = HomePage.objects.get(locale__language_code="en")
    assert site.root_page_id == home.pk
    assert home.depth == 2 and home.live
    # The home page and its version in every other language: wagtail-localize puts a home page's translations
    # beside it.
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == [
        "ar",
        "el",
        "en",
        "fa",
        "fr",
    ]
    output = demo_build.output
    assert "Removed Wagtail's" in output and "Created demo content" in output
    assert "60 translations (15 Arabic, 15 French, 15 Greek, 15 Persian)." in output
    assert "out of date" not in output


@pytest.mark.usefixtures("seeded_site")
class TestSeededSite:
    def test_every_page_is_published_through_a_revision(self):
        pages = Page.objects.filter(depth__gt=1, locale__language_code="en")
        assert pages.count() >= 1 + 8 + 1 + 10
        # The demo's two stories whose consent expired or was withdrawn were published, then taken down.
        taken_down = JourneyPage.objects.filter(locale__language_code="en").exclude(
            consent_record__status=ConsentRecord.Status.ACTIVE
        )
        assert taken_down.count() == 2
        for page in pages.exclude(pk__in=taken_down.values("pk")):
            assert page.live, page
            assert page.live_revision_id is not None, page
            assert page.first_published_at and page.last_published_at, page
            assert not page.has_unpublished_changes, page
        for page in taken_down:
            assert not page.live and page.first_published_at, page
        page_apps = ["home", "news", "briefings", "toolkits", "journeys"]
        revisions = Revision.objects.filter(content_type__app_label__in=page_apps)
        assert revisions.filter(object_id__in=[str(pk) for pk in pages.values_list("pk", flat=True)]).count() == (
            pages.count()
        )

    def test_content_passes_model_and_block_validation_and_body_images_have_alt_text(self):
        image_blocks = []
        for page in Page.objects.filter(depth__gt=1).specific():
            page.full_clean()
            validate_streams(page)
            if hasattr(page, "body"):
                image_blocks += [block for block in page.body if block.block_type == "image"]
        for model in (NavigationMenu, OrganisationSettings):
            for instance in model.objects.all():
                instance.full_clean()
                validate_streams(instance)

        assert len(image_blocks) >= 5
        for block in image_blocks:
            image = block.value["image"]
            assert not image.decorative
            assert len(image.contextual_alt_text) > 20

    def test_information_pages_use_a_rich_mix_of_blocks(self, settings, seeded_site):
        home = HomePage.objects.get(locale__language_code="en")
        assert set(StandardPage.objects.child_of(home).values_list("slug", flat=True)) >= INFORMATION_SLUGS
        assert StandardPage.objects.get(slug="join-the-network").get_parent().slug == "what-we-do"

        all_blocks = blocks_of(StandardPage.objects.all())
        assert {
            "heading",
            "paragraph",
            "image",
            "quote",
            "statistics",
            "call_to_action",
            "table",
            "accordion",
            "document",
            "funders",
        } <= {block.block_type for block in all_blocks}
        figures = {
            (figure["value"], figure["label"])
            for block in all_blocks
            if block.block_type == "statistics"
            for figure in block.value["statistics"]
        }
        assert ("350", "member organisations") in figures
        assert ("100+", "pieces of coverage in Refugee Week 2020") in figures
        quotes = [block.value for block in all_blocks if block.block_type == "quote"]
        assert quotes and all(quote["attribution"] and quote["role"] for quote in quotes)

        about = StandardPage.objects.get(slug="about-us", locale__language_code="en")
        (table,) = [block.value for block in about.body if block.block_type == "table"]
        assert table["table_caption"] and table["first_row_is_table_header"]
        assert ["Total income", "218,421", "160,833", "379,254"] in table["data"]
        (download,) = [block.value for block in about.body if block.block_type == "document"]
        with download["document"].open_file() as pdf:
            assert pdf.read(5) == b"%PDF-"

        funders_page = StandardPage.objects.get(slug="funders")
        assert "funders" in [block.block_type for block in funders_page.body]
        privacy = StandardPage.objects.get(slug="privacy-notice")
        (faq,) = [block.value for block in privacy.body if block.block_type == "accordion"]
        assert len(faq["items"]) >= 4

    def test_news_has_categories_authors_tags_and_dated_posts(self):
        index = BlogIndexPage.objects.get(locale__language_code="en")
        assert index.slug == "news" and index.get_parent().specific_class is HomePage
        english = {"locale__language_code": "en"}
        assert set(BlogCategory.objects.filter(**english).values_list("slug", flat=True)) == {
            "news",
            "positive-stories",
        }
        assert Author.objects.filter(**english).count() >= 2

        posts = list(BlogPage.objects.child_of(index).prefetch_related("categories", "authors", "tags"))
        assert len(posts) >= 10
        dates = [post.date for post in posts]
        assert len(set(dates)) == len(dates)
        assert {date.year for date in dates} <= {2019, 2020}
        london = zoneinfo.ZoneInfo("Europe/London")
        for post in posts:
            assert post.listing_image_id and post.introduction and post.listing_summary, post
            assert len(post.body) >= 3, post
            assert post.authors.all() and post.categories.all(), post
            assert post.first_published_at.astimezone(london).date() == post.date, post
            assert post.last_published_at == post.first_published_at, post
        assert {category.slug for post in posts for category in post.categories.all()} == {
            "news",
            "positive-stories",
        }
        tags = {tag.slug for post in posts for tag in post.tags.all()}
        assert {"covid-19", "refugee-week", "eu-settlement-scheme", "channel-crossings", "nhs", "training"} <= tags

        latest_by_publication = Page.objects.child_of(index).order_by("-first_published_at")[:3]
        assert [page.specific.date for page in latest_by_publication] == sorted(dates, reverse=True)[:3]

    def test_home_page_features_a_story_lists_the_news_and_invites_people_in(self):
        home = HomePage.objects.get(locale__language_code="en")
        assert home.hero_heading and home.hero_introduction and home.vision and home.mission
        assert (home.hero_image.width, home.hero_image.height) == (1600, 900)
        assert len(home.hero_call_to_action) == 1
        assert isinstance(home.featured_page.specific, BlogPage)
        assert home.news_index.specific_class is BlogIndexPage
        assert home.journeys_index.specific_class is JourneyIndexPage
        assert [page.title for page in home.build_sections()["journey_pages"]] == [
            "From night shifts to my own bakery",
            "English at the kitchen table",
            "The team that found me",
        ]
        calls = {block.value["heading"]: block.value["link"] for block in home.calls_to_action}
        assert set(calls) == {"Join the network", "Get support"}
        assert all(link.href() for link in calls.values())

    def test_contact_details_funders_and_menus_are_set(self):
        details = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
        assert details.phone == "020 7922 7852"
        assert details.press_phone == "07783 905 158"
        assert details.email == "media@imix.org.uk"
        assert details.address_lines == ["CAN Borough", "7-14 Great Dover Street", "London SE1 4YR"]
        assert details.charity_number == "1183693"
        assert details.twitter_handle
        assert {link.value["network"] for link in details.social_links} == {"x", "instagram"}

        assert list(Funder.objects.values_list("name", flat=True)) == [
            "AB Charitable Trust",
            "Barrow Cadbury Trust",
            "Comic Relief",
            "Esmée Fairbairn Foundation",
            "Global Dialogue",
            "Oak Foundation",
            "Paul Hamlyn Foundation",
            "Trust for London",
            "Unbound Philanthropy",
        ]

        def menu_titles(location):
            menu = NavigationMenu.objects.get(location=location, locale__language_code="en")
            return [item.value.link_text() for item in menu.items]

        assert menu_titles("primary") == ["About us", "What we do", "News", "Human Journeys", "Toolkits", "Contact"]
        assert menu_titles("footer") == ["Accessibility statement", "Privacy notice", "Funders", "Our objects"]

    def test_toolkits_have_topics_guides_q_and_as_and_member_documents(self, settings, seeded_site):
        index = ToolkitIndexPage.objects.get(locale__language_code="en")
        assert index.slug == "toolkits" and index.get_parent().specific_class is HomePage
        assert {"channel-crossings", "eu-settlement-scheme", "covid-19", "housing"} <= set(
            Topic.objects.values_list("slug", flat=True)
        )
        guides = MessagingGuidePage.objects.child_of(index)
        assert set(guides.values_list("slug", flat=True)) == {"housing", "channel-crossings", "covid-19"}
        assert QAToolkitPage.objects.child_of(index).count() == 2
        toolkits = list(ToolkitPage.objects.child_of(index))
        assert {toolkit.members_only for toolkit in toolkits} == {True, False}
        for toolkit in toolkits:
            restricted = PageViewRestriction.objects.filter(page=toolkit).exists()
            assert restricted is toolkit.members_only, toolkit
            for block in toolkit.specific.downloads:
                document = block.value["document"]
                assert (document.collection.name == "Member documents") is toolkit.members_only, toolkit
                with document.open_file() as pdf:
                    assert pdf.read(5) == b"%PDF-"

    def test_library_images_are_drawn_illustrations_with_titles_descriptions_and_metadata(self):
        images = CustomImage.objects.all()
        assert images.count() >= 14
        assert len(set(images.values_list("title", flat=True))) == images.count()
        for image in images:
            assert image.description and image.credit, image
            assert (image.width, image.height) == (1600, 900), image
            assert image.file_size and image.file_hash, image
        assert not Rendition.objects.exists()
        # The annual review summary; the toolkits' PDFs for members are in the "Member documents" collection.
        assert get_document_model().objects.exclude(collection__name="Member documents").count() == 1

    def test_second_run_changes_no_table(self):
        before = row_counts()
        for label in (
            "wagtailcore.Page",
            "wagtailcore.Revision",
            "home.CustomImage",
            "home.Funder",
            "home.NavigationMenu",
            "news.BlogCategory",
            "news.Author",
            "wagtaildocs.Document",
        ):
            assert before[label], label

        output = seed()

        assert row_counts() == before
        assert output.startswith("Demo content already present; nothing to create.\n")

    def test_second_run_keeps_editors_changes_and_recreates_only_what_is_missing(self):
        about = StandardPage.objects.get(slug="about-us", locale__language_code="en")
        about.title = "About IMIX"
        about.save_revision().publish()
        StandardPage.objects.get(slug="privacy-notice").delete()
        Funder.objects.filter(name="Comic Relief").delete()
        before = row_counts()

        output = seed()

        assert StandardPage.objects.get(slug="about-us", locale__language_code="en").title == "About IMIX"
        assert StandardPage.objects.get(slug="privacy-notice").live
        assert Funder.objects.filter(name="Comic Relief").exists()
        assert re.search(r"\b1 standard page\b", output) and re.search(r"\b1 funder\b", output)
        after = row_counts()
        assert after["wagtailcore.Page"] == before["wagtailcore.Page"] + 1
        assert after["home.CustomImage"] == before["home.CustomImage"]

    def test_admin_is_created_when_debug_is_on(self, settings):
        settings.DEBUG = True

        output = seed()

        admin = get_user_model().objects.get(email=ADMIN_EMAIL)
        assert admin.is_superuser and admin.is_staff
        assert admin.groups.filter(name=settings.MEMBERSHIP_APPROVERS_GROUP).exists(), "applications email it"
        assert admin.check_password(DEFAULT_ADMIN_PASSWORD)
        assert output.endswith(f"Created the demo admin {ADMIN_EMAIL}.\n")
        assert seed("--print-logins").startswith(f"  Admin login: {ADMIN_EMAIL} / {DEFAULT_ADMIN_PASSWORD}\n")
        users = get_user_model().objects.count()
        seed()
        assert get_user_model().objects.count() == users

    def test_demo_member_and_pending_applicant_are_created_when_debug_is_on_and_their_logins_printed(self, settings):
        settings.DEBUG = True
        assert set(Organisation.objects.values_list("name", flat=True)) == {
            "Kent Refugee Action Network",
            "Luton Roma Trust",
            "Hastings Refugee Buddy Project",
        }

        seed()

        member = get_user_model().objects.get(email=MEMBER_EMAIL)
        applicant = get_user_model().objects.get(email=APPLICANT_EMAIL)
        assert is_member(member) and member.check_password(DEFAULT_MEMBER_PASSWORD)
        assert member.organisation.name == "Kent Refugee Action Network"
        assert not is_member(applicant) and applicant.check_password(DEFAULT_APPLICANT_PASSWORD)
        assert applicant.membership_status == "pending"
        assert MembershipApplication.objects.get().user == applicant
        assert seed("--print-logins").splitlines() == [
            f"  Admin login: {ADMIN_EMAIL} / {DEFAULT_ADMIN_PASSWORD}",
            f"  Member login: {MEMBER_EMAIL} / {DEFAULT_MEMBER_PASSWORD}",
            f"  Pending applicant login: {APPLICANT_EMAIL} / {DEFAULT_APPLICANT_PASSWORD}",
            f"  Safeguarding login: {SAFEGUARDING_EMAIL} / {DEFAULT_SAFEGUARDING_PASSWORD}",
        ]
        before = row_counts()
        seed()
        assert row_counts() == before

    def test_admin_is_refused_when_debug_is_off(self, settings):
        settings.DEBUG = False

        output = seed()

        assert not get_user_model().objects.filter(email=ADMIN_EMAIL).exists()
        assert not get_user_model().objects.filter(email__in=[MEMBER_EMAIL, APPLICANT_EMAIL]).exists()
        assert "only made when DEBUG is on" in output
        logins = seed("--print-logins")
        assert DEFAULT_ADMIN_PASSWORD not in logins
        # The demo stories' Safeguarding reviewer exists, but nobody can sign in as it.
        reviewer = get_user_model().objects.get(email=SAFEGUARDING_EMAIL)
        assert not reviewer.has_usable_password()
        assert SAFEGUARDING_EMAIL not in logins

    def test_admin_password_comes_from_the_environment(self, settings, monkeypatch):
        settings.DEBUG = True
        monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "another-long-password")

        seed()

        assert get_user_model().objects.get(email=ADMIN_EMAIL).check_password("another-long-password")
        assert seed("--print-logins").startswith(f"  Admin login: {ADMIN_EMAIL} / another-long-password\n")
        monkeypatch.delenv("DEMO_ADMIN_PASSWORD")
        assert "password has been changed" in seed("--print-logins")
