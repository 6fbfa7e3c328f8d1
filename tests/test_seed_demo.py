"""`manage.py seed_demo`: the demo site it builds, and that running it again changes nothing.

Building the site takes seconds, so most tests share one build: `TestSeededSite` seeds once for the class
inside a transaction that is rolled back afterwards, and each test runs in its own savepoint within it.
"""

import html
import io
import re
import zoneinfo
from pathlib import Path

import polib
import pytest
from PIL import Image

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Locale, Page, PageViewRestriction, Revision, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from demo.accounts import ADMIN_EMAIL, DEFAULT_ADMIN_PASSWORD
from demo.artwork import render_illustration
from demo.documents import annual_review_summary_pdf
from demo.illustrations import HERO
from demo.journeys import DEFAULT_SAFEGUARDING_PASSWORD, SAFEGUARDING_EMAIL, TRANSLATED_STORY
from demo.members import (
    APPLICANT_EMAIL,
    DEFAULT_APPLICANT_PASSWORD,
    DEFAULT_MEMBER_PASSWORD,
    MEMBER_EMAIL,
)
from demo.pages import HOME_FIELDS
from demo.seeder import DemoContentError, validate_streams
from demo.translation import missing_strings
from home.models import CustomImage, Funder, HomePage, NavigationMenu, OrganisationSettings, Rendition, StandardPage
from journeys.models import ConsentRecord, JourneyIndexPage, JourneyPage, JourneyTheme
from journeys.review.guard import has_passed_review
from journeys.review.models import SafeguardingReviewTaskState
from journeys.stories.models import STORYTELLER_FIELDS
from members.access import is_member
from members.models import MembershipApplication, Organisation
from news.models import Author, BlogCategory, BlogIndexPage, BlogPage
from toolkits.models import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, ToolkitPage, Topic

pytestmark = pytest.mark.django_db

WELCOME_TITLE = "Welcome to your new Wagtail site!"
IN_ENGLISH = {"locale__language_code": "en"}
INFORMATION_SLUGS = {
    "about-us",
    "what-we-do",
    "our-objects",
    "funders",
    "contact",
    "accessibility-statement",
    "privacy-notice",
}


@pytest.fixture(autouse=True)
def demo_media_root(settings, tmp_path):
    """The command writes images and a PDF: keep them out of the project."""
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    return settings.MEDIA_ROOT


@pytest.fixture(scope="class")
def seeded_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """One demo build shared by a test class, never committed; returns the media directory it wrote to."""
    media_root = tmp_path_factory.mktemp("seeded-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root), transaction.atomic():
        seed()
        yield media_root
        transaction.set_rollback(True)


def seed(*args):
    out = io.StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def row_counts():
    """Rows in every table Django manages, many-to-many tables included."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def blocks_of(pages, field="body"):
    return [block for page in pages for block in getattr(page, field)]


def test_seed_demo__replaces_welcome_page_with_live_home_page_as_default_site_root():
    assert Page.objects.filter(title=WELCOME_TITLE).exists()  # what Wagtail's first migration leaves
    site_id = Site.objects.get(is_default_site=True).pk

    output = seed()

    assert not Page.objects.filter(title=WELCOME_TITLE).exists()
    site = Site.objects.get(is_default_site=True)
    assert site.pk == site_id, "the Site row survives, and with it the settings that hang off it"
    assert (site.hostname, site.port) == ("localhost", 80)
    home = HomePage.objects.get(locale__language_code="en")
    assert site.root_page_id == home.pk
    assert home.depth == 2 and home.live
    # The home page and its French and Arabic versions: wagtail-localize puts a home page's translations beside it.
    assert sorted(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True)) == ["ar", "en", "fr"]
    assert "Removed Wagtail's" in output and "Created demo content" in output
    assert "20 translations (10 Arabic, 10 French)." in output
    assert "out of date" not in output


def test_print_logins__on_an_empty_site_prints_one_line_and_creates_nothing(settings):
    settings.DEBUG = True
    before = row_counts()

    output = seed("--print-logins")

    assert row_counts() == before
    assert output == "  Admin login: none yet; run manage.py seed_demo\n"


def test_illustrations__are_identical_on_every_run_and_sized_for_heroes():
    first = render_illustration(HERO)
    render_illustration.cache_clear()

    assert render_illustration(HERO) == first
    with Image.open(io.BytesIO(first)) as image:
        assert image.format == "JPEG"
        assert image.size == (1600, 900)


def test_annual_review_summary__is_a_well_formed_pdf():
    data = annual_review_summary_pdf()

    assert data.startswith(b"%PDF-1.4\n") and data.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))
    assert data[startxref:].startswith(b"xref\n")
    offsets = [int(offset) for offset in re.findall(rb"(\d{10}) 00000 n ", data[startxref:])]
    assert offsets
    for number, offset in enumerate(offsets, start=1):
        assert data[offset:].startswith(b"%d 0 obj\n" % number)
    assert b"/Title (IMIX annual review 2020: summary)" in data


def test_validate_streams__names_the_object_and_field_of_invalid_demo_content():
    menu = NavigationMenu(
        location=NavigationMenu.Location.FOOTER,
        items=[{"type": "link", "value": {"label": "Nowhere", "page": None, "url": ""}}],
    )

    with pytest.raises(DemoContentError, match=r"home\.NavigationMenu Footer links: invalid items"):
        validate_streams(menu)


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
        settings.MEDIA_ROOT = seeded_site
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
        index = BlogIndexPage.objects.get()
        assert index.slug == "news" and index.get_parent().specific_class is HomePage
        assert set(BlogCategory.objects.values_list("slug", flat=True)) == {"news", "positive-stories"}
        assert Author.objects.count() >= 2

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
        settings.MEDIA_ROOT = seeded_site
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


# The demo's French and Arabic versions: each translated object, its PO file and how to find its source.
TRANSLATION_LANGUAGES = {"fr": "French", "ar": "Arabic"}
PROJECT_DIR = Path(__file__).resolve().parent.parent
TRANSLATED_SOURCES = [
    ("demo/translations/home", lambda: HomePage.objects.get(locale__language_code="en")),
    ("demo/translations/about-us", lambda: StandardPage.objects.get(slug="about-us", **IN_ENGLISH)),
    ("demo/translations/toolkits", lambda: ToolkitIndexPage.objects.get(**IN_ENGLISH)),
    (
        "demo/translations/covid-19",
        lambda: MessagingGuidePage.objects.get(slug="covid-19", **IN_ENGLISH),
    ),
    ("demo/translations/human-journeys", lambda: JourneyIndexPage.objects.get(**IN_ENGLISH)),
    (
        f"demo/translations/{TRANSLATED_STORY}",
        lambda: JourneyPage.objects.get(slug=TRANSLATED_STORY, **IN_ENGLISH),
    ),
    ("demo/translations/theme-work", lambda: JourneyTheme.objects.get(slug="work", **IN_ENGLISH)),
    (
        "demo/translations/theme-belonging",
        lambda: JourneyTheme.objects.get(slug="belonging", **IN_ENGLISH),
    ),
    (
        "demo/translations/menu-primary",
        lambda: NavigationMenu.objects.get(location="primary", **IN_ENGLISH),
    ),
    ("demo/translations/menu-footer", lambda: NavigationMenu.objects.get(location="footer", **IN_ENGLISH)),
]
# The visible text the key pages must show in each language.
HOME_HEADINGS = {
    "fr": "Changer le discours sur les migrations et les personnes réfugiées",
    "ar": "نغيّر الحديث عن الهجرة واللاجئين",
}
PRIMARY_MENUS = {
    "fr": ["Qui sommes-nous", "Nos actions", "Actualités", "Parcours humains", "Boîtes à outils", "Contact"],
    "ar": ["من نحن", "ماذا نفعل", "الأخبار", "رحلات إنسانية", "أدلة إرشادية", "اتصل بنا"],
}
FOOTER_MENUS = {
    "fr": ["Déclaration d’accessibilité", "Politique de confidentialité", "Nos financeurs", "Nos objets statutaires"],
    "ar": ["بيان إمكانية الوصول", "إشعار الخصوصية", "الجهات المموّلة", "أغراضنا الخيرية"],
}
THEME_NAMES = {"fr": ["Appartenance", "Travail"], "ar": ["الانتماء", "العمل"]}
MEMBERS_ONLY_TEXT = {
    "fr": "les travailleurs essentiels immigrés nous ont protégés et nourris",
    "ar": "حافظ العاملون الأساسيون من المهاجرين على سلامتنا",
}


def in_language(instance, language):
    return instance.get_translation(Locale.objects.get(language_code=language))


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_a_po_file_left_behind_by_a_change_to_the_english_text_is_named_and_the_text_falls_back_to_english(
    monkeypatch,
):
    monkeypatch.setitem(HOME_FIELDS, "hero_heading", "Changing how the media talks about migration")

    output = seed()

    for language in TRANSLATION_LANGUAGES:
        assert f"demo/translations/home-{language}.po is out of date for home page" in output
        home = in_language(HomePage.objects.get(**IN_ENGLISH), language)
        assert home.live and home.hero_heading == "Changing how the media talks about migration"
        translation = Translation.objects.get(
            source__object_id=home.translation_key, target_locale__language_code=language
        )
        assert missing_strings(translation) == [("hero_heading", "Changing how the media talks about migration")]


@pytest.mark.usefixtures("seeded_site")
class TestSeededTranslations:
    def test_every_po_file_is_fully_translated_and_kept_in_the_demo_app(self):
        files = sorted(PROJECT_DIR.glob("demo/**/*.po"))
        assert {path.relative_to(PROJECT_DIR).as_posix()[:-3] for path in files} == {
            f"{stem}-{language}" for stem, _source in TRANSLATED_SOURCES for language in TRANSLATION_LANGUAGES
        }
        for path in files:
            po = polib.pofile(str(path))
            assert po.metadata.get("Language") == path.stem.rsplit("-", 1)[1], path
            untranslated = [entry.msgid for entry in po if not entry.obsolete and not entry.msgstr.strip()]
            assert not untranslated, f"{path}: untranslated {untranslated}"

    def test_translations_are_real_localize_translations_with_nothing_missing(self):
        for stem, find_source in TRANSLATED_SOURCES:
            source = find_source()
            translation_source = TranslationSource.objects.get_for_instance(source)
            segments = {
                (segment.context.path, segment.string.data)
                for segment in StringSegment.objects.filter(source=translation_source).select_related(
                    "context", "string"
                )
            }
            for language in TRANSLATION_LANGUAGES:
                po_path = PROJECT_DIR / f"{stem}-{language}.po"
                translation = Translation.objects.get(source=translation_source, target_locale__language_code=language)
                assert translation.enabled, po_path
                missing = missing_strings(translation)
                assert not missing, (
                    f"{po_path.relative_to(PROJECT_DIR)} is out of date: the English demo text has {len(missing)} "
                    f"strings it does not translate: {missing}. Export it again and translate them."
                )
                entries = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(po_path)) if not entry.obsolete}
                unused = entries - segments
                assert not unused, (
                    f"{po_path.relative_to(PROJECT_DIR)} translates strings the demo no longer has: {unused}"
                )
                target = translation.get_target_instance()
                assert target.locale.language_code == language
                if isinstance(target, Page):
                    target = target.specific
                    assert target.live and not target.alias_of_id, target
                    assert target.live_revision_id and not target.has_unpublished_changes, target
                    assert target.first_published_at == source.first_published_at, target

    def test_translated_pages_have_their_own_translated_parents(self):
        for language in TRANSLATION_LANGUAGES:
            home = in_language(HomePage.objects.get(**IN_ENGLISH), language)
            assert home.get_parent().is_root()
            assert Site.objects.get(is_default_site=True).root_page.get_translation(home.locale).pk == home.pk
            for child in (
                in_language(StandardPage.objects.get(slug="about-us", **IN_ENGLISH), language),
                in_language(ToolkitIndexPage.objects.get(**IN_ENGLISH), language),
                in_language(JourneyIndexPage.objects.get(**IN_ENGLISH), language),
            ):
                assert child.get_parent().pk == home.pk, child
            toolkit = in_language(MessagingGuidePage.objects.get(slug="covid-19", **IN_ENGLISH), language)
            assert toolkit.get_parent().specific.title != "Toolkits"
            story = in_language(JourneyPage.objects.get(slug=TRANSLATED_STORY, **IN_ENGLISH), language)
            assert story.get_parent().specific.title != "Human Journeys"
            # The home page's Human Journeys section lists the stories in its own language.
            assert home.specific.journeys_index.locale_id == home.locale_id

    def test_french_and_arabic_home_pages_are_served_in_their_language_and_direction(self, client):
        for language, direction in (("fr", "ltr"), ("ar", "rtl")):
            response = client.get(f"/{language}/")

            assert response.status_code == 200
            assert html_tag(response).startswith(f'<html lang="{language}" dir="{direction}"')
            content = response.content.decode()
            assert HOME_HEADINGS[language] in content
            for label in PRIMARY_MENUS[language] + FOOTER_MENUS[language]:
                assert html.escape(label) in content or label in content, (language, label)
            assert "Changing the conversation about migration and refugees" not in content

    def test_menus_are_translated_and_link_to_translated_pages_where_there_are_any(self):
        for language in TRANSLATION_LANGUAGES:
            primary = NavigationMenu.objects.get(location="primary", locale__language_code=language)
            footer = NavigationMenu.objects.get(location="footer", locale__language_code=language)
            assert [item.value.link_text() for item in primary.items] == PRIMARY_MENUS[language]
            assert [item.value.link_text() for item in footer.items] == FOOTER_MENUS[language]
            linked = {item.value["page"].specific_class for item in primary.items}
            assert {StandardPage, ToolkitIndexPage, JourneyIndexPage} <= linked
            about = primary.items[0].value["page"]
            assert about.locale.language_code == language and about.live

    def test_members_only_toolkit_stays_members_only_in_every_language(self, client):
        source = MessagingGuidePage.objects.get(slug="covid-19", **IN_ENGLISH)
        assert source.members_only
        source_restrictions = [
            (restriction.restriction_type, set(restriction.groups.all()))
            for restriction in PageViewRestriction.objects.filter(page=source)
        ]
        assert source_restrictions
        for language in TRANSLATION_LANGUAGES:
            toolkit = in_language(source, language)
            assert toolkit.members_only
            assert [
                (restriction.restriction_type, set(restriction.groups.all()))
                for restriction in PageViewRestriction.objects.filter(page=toolkit)
            ] == source_restrictions

            response = client.get(toolkit.url)

            assert response.status_code in (302, 403), language
            content = response.content.decode()
            assert MEMBERS_ONLY_TEXT[language] not in content
            if response.status_code == 403:
                assert toolkit.title in content  # the sign-in teaser, in the reader's language

    def test_translated_story_passed_its_own_safeguarding_review_and_names_the_storyteller_as_the_original(
        self, client
    ):
        source = JourneyPage.objects.get(slug=TRANSLATED_STORY, **IN_ENGLISH)
        identity = STORYTELLER_FIELDS
        for language in TRANSLATION_LANGUAGES:
            story = in_language(source, language)
            assert story.live and story.live_revision_id
            assert has_passed_review(story.live_revision)
            assert SafeguardingReviewTaskState.objects.filter(
                revision_id=story.live_revision_id, status="approved"
            ).exists()
            assert [getattr(story, name) for name in identity] == [getattr(source, name) for name in identity]
            assert story.title != source.title
            assert (story.first_published_at, story.last_published_at) == (
                source.first_published_at,
                source.last_published_at,
            )

            response = client.get(story.url)

            assert response.status_code == 200
            content = response.content.decode()
            themes = re.search(r'journey__themes".*?</ul>', content, re.S).group(0)
            assert re.findall(r">([^<>]+)</a>", themes) == THEME_NAMES[language]

    def test_translated_index_lists_the_story_with_its_themes_in_the_page_language(self, client):
        source = JourneyIndexPage.objects.get(**IN_ENGLISH)
        for language in TRANSLATION_LANGUAGES:
            index = in_language(source, language)
            theme = in_language(JourneyTheme.objects.get(slug="work", **IN_ENGLISH), language)

            for url in (index.url, f"{index.url}?theme={theme.slug}"):
                response = client.get(url)

                assert response.status_code == 200
                content = response.content.decode()
                cards = re.findall(r'journey-card__themes".*?</ul>', content, re.S)
                assert len(cards) == 1, url
                assert re.findall(r"<li>([^<>]+)</li>", cards[0]) == THEME_NAMES[language]

    def test_editors_open_the_translations_in_the_translation_editor_and_download_the_same_po_file(self, client):
        client.force_login(get_user_model().objects.create_superuser(email="editor@example.org", password="x" * 20))
        for stem, find_source in TRANSLATED_SOURCES[:2]:
            for language in TRANSLATION_LANGUAGES:
                target = in_language(find_source(), language)
                translation = Translation.objects.get(
                    source__object_id=target.translation_key, target_locale=target.locale
                )
                download = reverse("wagtail_localize:download_pofile", args=[translation.pk])

                editor = client.get(reverse("wagtailadmin_pages:edit", args=[target.pk]))
                response = client.get(download)

                assert editor.status_code == 200 and download in editor.content.decode(), (stem, language)
                assert response.status_code == 200
                downloaded = {
                    (entry.msgctxt, entry.msgid): entry.msgstr for entry in polib.pofile(response.content.decode())
                }
                kept = {
                    (entry.msgctxt, entry.msgid): entry.msgstr
                    for entry in polib.pofile(str(PROJECT_DIR / f"{stem}-{language}.po"))
                }
                assert downloaded == kept, (stem, language)

    def test_second_run_keeps_an_editors_translation_and_recreates_a_deleted_one(self):
        french_about = in_language(StandardPage.objects.get(slug="about-us", **IN_ENGLISH), "fr")
        french_about.title = "À propos d’IMIX"
        french_about.save_revision().publish()
        in_language(StandardPage.objects.get(slug="about-us", **IN_ENGLISH), "ar").delete()

        output = seed()

        assert in_language(StandardPage.objects.get(slug="about-us", **IN_ENGLISH), "fr").title == "À propos d’IMIX"
        arabic = in_language(StandardPage.objects.get(slug="about-us", **IN_ENGLISH), "ar")
        assert arabic.live and arabic.title == "من نحن"
        assert "1 translation (1 Arabic)." in output
