"""The demo's translations: real wagtail-localize translations from the PO files in demo/translations/.

The tests share one build (tests/demo/conftest.py); each runs in its own savepoint within it.
"""

import html
import re
from pathlib import Path
from xml.etree import ElementTree

import polib
import pytest
from bs4 import BeautifulSoup

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from demo.journeys import TRANSLATED_STORY
from demo.news import TRANSLATED_POST
from demo.translation import missing_strings
from home.models import HomePage, NavigationMenu, StandardPage
from journeys.models import JourneyIndexPage, JourneyPage, JourneyTheme
from journeys.review.guard import has_passed_review
from journeys.review.models import SafeguardingReviewTaskState
from journeys.stories.models import STORYTELLER_FIELDS
from news.models import Author, BlogCategory, BlogIndexPage, BlogPage
from toolkits.models import MessagingGuidePage, ToolkitIndexPage

from .seeding import IN_ENGLISH, TRANSLATION_LANGUAGES, in_language, seed

pytestmark = pytest.mark.django_db


PROJECT_DIR = Path(__file__).resolve().parents[2]
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_NS = "{http://www.w3.org/1999/xhtml}"
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
    ("demo/translations/news", lambda: BlogIndexPage.objects.get(**IN_ENGLISH)),
    (f"demo/translations/{TRANSLATED_POST}", lambda: BlogPage.objects.get(slug=TRANSLATED_POST, **IN_ENGLISH)),
    ("demo/translations/category-news", lambda: BlogCategory.objects.get(slug="news", **IN_ENGLISH)),
    (
        "demo/translations/category-positive-stories",
        lambda: BlogCategory.objects.get(slug="positive-stories", **IN_ENGLISH),
    ),
    ("demo/translations/author-amara-osei", lambda: Author.objects.get(name="Amara Osei", **IN_ENGLISH)),
]
# The visible text the key pages must show in each language.
HOME_HEADINGS = {
    "fr": "Changer le discours sur les migrations et les personnes réfugiées",
    "el": "Αλλάζουμε τη συζήτηση για τη μετανάστευση και τους πρόσφυγες",
    "ar": "نغيّر الحديث عن الهجرة واللاجئين",
    "fa": "گفت\u200cوگو درباره\u200cی مهاجرت و پناهندگان را تغییر می\u200cدهیم",
}
PRIMARY_MENUS = {
    "fr": ["Qui sommes-nous", "Nos actions", "Actualités", "Parcours humains", "Boîtes à outils", "Contact"],
    "el": ["Σχετικά με εμάς", "Τι κάνουμε", "Νέα", "Ανθρώπινες διαδρομές", "Εργαλειοθήκες", "Επικοινωνία"],
    "ar": ["من نحن", "ماذا نفعل", "الأخبار", "رحلات إنسانية", "أدلة إرشادية", "اتصل بنا"],
    "fa": ["درباره\u200cی ما", "فعالیت\u200cهای ما", "اخبار", "سفرهای انسانی", "جعبه\u200cابزارها", "تماس با ما"],
}
FOOTER_MENUS = {
    "fr": ["Déclaration d’accessibilité", "Politique de confidentialité", "Nos financeurs", "Nos objets statutaires"],
    "el": ["Δήλωση προσβασιμότητας", "Πολιτική απορρήτου", "Χρηματοδότες", "Οι καταστατικοί μας σκοποί"],
    "ar": ["بيان إمكانية الوصول", "إشعار الخصوصية", "الجهات المموّلة", "أغراضنا الخيرية"],
    "fa": ["بیانیه\u200cی دسترس\u200cپذیری", "اطلاعیه\u200cی حریم خصوصی", "حامیان مالی", "اهداف اساسنامه\u200cای ما"],
}
THEME_NAMES = {
    "fr": ["Appartenance", "Travail"],
    "el": ["Το ανήκειν", "Εργασία"],
    "ar": ["الانتماء", "العمل"],
    "fa": ["تعلق", "کار"],
}
MEMBERS_ONLY_TEXT = {
    "fr": "les travailleurs essentiels immigrés nous ont protégés et nourris",
    "el": "μάς κράτησαν ασφαλείς",
    "ar": "حافظ العاملون الأساسيون من المهاجرين على سلامتنا",
    "fa": "کارکنان ضروری مهاجر ما را ایمن و سیر نگه داشتند",
}


# Every language the demo is translated into, and its direction; with English, all five the site offers.
DIRECTIONS = {"fr": "ltr", "el": "ltr", "ar": "rtl", "fa": "rtl"}
ALL_LANGUAGES = ["en", *DIRECTIONS]
# Text of the translated news post, its category and its author, in each language.
POST_TEXT = {
    "fr": ("Pourquoi ces histoires comptent", "Histoires positives", "Responsable de la communication numérique"),
    "el": ("Γιατί μετράνε αυτές οι ιστορίες", "Θετικές ιστορίες", "Υπεύθυνη ψηφιακής επικοινωνίας"),
    "ar": ("لماذا تهمّ هذه القصص", "قصص إيجابية", "مديرة الاتصال الرقمي"),
    "fa": ("چرا این داستان\u200cها مهم\u200cاند", "داستان\u200cهای امیدبخش", "مدیر ارتباطات دیجیتال"),
}


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def key_pages():
    """The five kinds of page a newcomer should find in every language, in English."""
    return {
        "home": HomePage.objects.get(**IN_ENGLISH),
        "about": StandardPage.objects.get(slug="about-us", **IN_ENGLISH),
        "toolkit": MessagingGuidePage.objects.get(slug="covid-19", **IN_ENGLISH),
        "story": JourneyPage.objects.get(slug=TRANSLATED_STORY, **IN_ENGLISH),
        "news post": BlogPage.objects.get(slug=TRANSLATED_POST, **IN_ENGLISH),
    }


def switcher_links(soup):
    """{language: {"href", "home"}} from the header's language switcher; "home" when it offers the home page."""
    nav = soup.find("nav", class_="language-switcher")
    assert nav is not None, "no language switcher"
    return {
        link["hreflang"]: {"href": link["href"], "home": link.find(class_="language-switcher__note") is not None}
        for link in nav.find_all("a")
    }


def hreflang_alternates(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


def sitemap_alternates(client):
    """{address: {language: address}} for every page in sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 - our own sitemap, not untrusted input
    return {
        url.find(f"{SITEMAP_NS}loc").text: {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML_NS}link")
        }
        for url in root.iter(f"{SITEMAP_NS}url")
    }


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
                in_language(BlogIndexPage.objects.get(**IN_ENGLISH), language),
            ):
                assert child.get_parent().pk == home.pk, child
            post = in_language(BlogPage.objects.get(slug=TRANSLATED_POST, **IN_ENGLISH), language)
            assert post.get_parent().specific.title != "News"
            toolkit = in_language(MessagingGuidePage.objects.get(slug="covid-19", **IN_ENGLISH), language)
            assert toolkit.get_parent().specific.title != "Toolkits"
            story = in_language(JourneyPage.objects.get(slug=TRANSLATED_STORY, **IN_ENGLISH), language)
            assert story.get_parent().specific.title != "Human Journeys"
            # The home page's sections list the stories and the news in its own language.
            assert home.specific.journeys_index.locale_id == home.locale_id
            assert home.specific.news_index.locale_id == home.locale_id
            assert home.specific.featured_page.pk == post.pk

    def test_home_page_in_every_language_is_served_in_its_language_and_direction(self, client):
        for language, direction in DIRECTIONS.items():
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
            assert {StandardPage, BlogIndexPage, ToolkitIndexPage, JourneyIndexPage} <= linked
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

    def test_key_pages_are_in_every_language_and_offer_all_five(self, client, member):
        """Home, about, a toolkit (members-only: a member reads it), a story and a news post, in each language:
        the whole document is in that language, and the switcher, hreflang and sitemap offer every version."""
        client.force_login(member)
        in_sitemap = sitemap_alternates(client)
        for name, source in key_pages().items():
            versions = {"en": source, **{language: in_language(source, language).specific for language in DIRECTIONS}}
            public = not source.get_view_restrictions().exists()
            expected_alternates = {code: page.get_full_url() for code, page in versions.items()}
            expected_alternates["x-default"] = source.get_full_url()
            for language, page in versions.items():
                response = client.get(page.url)

                assert response.status_code == 200, (name, language)
                soup = BeautifulSoup(response.content, "html.parser")
                assert (soup.html["lang"], soup.html["dir"]) == (language, DIRECTIONS.get(language, "ltr"))
                assert soup.main.get("lang") is None, (name, language)  # no part of it is in another language
                heading = soup.find("h1").get_text(" ", strip=True)
                assert heading == (page.hero_heading if name == "home" else page.title), (name, language)
                links = switcher_links(soup)
                assert list(links) == ALL_LANGUAGES, (name, language)
                assert {code: link["href"] for code, link in links.items()} == {
                    code: version.url for code, version in versions.items()
                }
                assert not any(link["home"] for link in links.values())
                alternates = hreflang_alternates(soup)
                if public:
                    assert alternates == expected_alternates, (name, language)
                    assert in_sitemap[page.get_full_url()] == expected_alternates, (name, language)
                else:
                    assert alternates == {} and page.get_full_url() not in in_sitemap

    def test_a_page_with_no_translation_is_offered_in_no_other_language(self, client):
        """No hreflang, sitemap entry or switcher link promises it in another language, and no copy of it in
        English is served under another language's address: the switcher offers that language's home page."""
        in_sitemap = sitemap_alternates(client)
        english_home = HomePage.objects.get(**IN_ENGLISH)
        homes = {language: in_language(english_home, language) for language in DIRECTIONS}
        untranslated = [
            StandardPage.objects.get(slug="what-we-do", **IN_ENGLISH),
            BlogPage.objects.filter(**IN_ENGLISH).exclude(slug=TRANSLATED_POST).first(),
        ]
        for page in untranslated:
            assert not page.get_translations().exists(), page
            soup = BeautifulSoup(client.get(page.url).content, "html.parser")

            links = switcher_links(soup)
            assert list(links) == ALL_LANGUAGES
            for language, home in homes.items():
                assert (links[language]["href"], links[language]["home"]) == (home.url, True), (page, language)
            assert hreflang_alternates(soup) == {}
            assert in_sitemap[page.get_full_url()] == {}
            relative = page.url[len(english_home.url) :]
            for language, home in homes.items():
                assert client.get(f"{home.url}{relative}").status_code == 404, (page, language)
                assert not [url for url in in_sitemap if url.endswith(f"/{relative}") and f"/{language}/" in url]

    def test_translated_news_post_names_its_category_and_author_in_its_language_and_is_listed_under_it(self, client):
        source = BlogPage.objects.get(slug=TRANSLATED_POST, **IN_ENGLISH)
        positive_stories = BlogCategory.objects.get(slug="positive-stories", **IN_ENGLISH)
        for language, (heading, category_name, author_role) in POST_TEXT.items():
            post = in_language(source, language)

            content = html.unescape(client.get(post.url).content.decode())

            assert heading in content and category_name in content and author_role in content, language
            assert "Positive stories" not in content and "Digital communications manager" not in content
            category = in_language(positive_stories, language)
            index = post.get_parent().specific
            listing = html.unescape(client.get(f"{index.url}?category={category.slug}").content.decode())
            assert category_name in listing and post.title in listing, language
            home = html.unescape(
                client.get(in_language(HomePage.objects.get(**IN_ENGLISH), language).url).content.decode()
            )
            assert post.url in home and post.title in home, language

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
