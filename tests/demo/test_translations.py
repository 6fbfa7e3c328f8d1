"""The demo's translations: real wagtail-localize translations from the PO files in demo/translations/.

The tests share one build (tests/demo/conftest.py); each runs in its own savepoint within it.
"""

import html
import re
from pathlib import Path

import polib
import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.models import Page, PageViewRestriction, Site
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from demo.journeys import TRANSLATED_STORY
from demo.translation import missing_strings
from home.models import HomePage, NavigationMenu, StandardPage
from journeys.models import JourneyIndexPage, JourneyPage, JourneyTheme
from journeys.review.guard import has_passed_review
from journeys.review.models import SafeguardingReviewTaskState
from journeys.stories.models import STORYTELLER_FIELDS
from toolkits.models import MessagingGuidePage, ToolkitIndexPage

from .seeding import IN_ENGLISH, TRANSLATION_LANGUAGES, in_language, seed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_media_root(settings, tmp_path):
    """The command writes images and a PDF: keep them out of the project."""
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    return settings.MEDIA_ROOT


PROJECT_DIR = Path(__file__).resolve().parents[2]
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


def html_tag(response):
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


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
