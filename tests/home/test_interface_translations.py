"""The interface in French, Greek, Arabic and Persian: the catalogues in locale/ compile, translate what a reader
meets, keep their msgids' placeholders, and the pages under /fr/, /el/, /ar/ and /fa/ show them."""

import contextlib
import gettext
import os
import re
import shutil

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import trans_real

from home.management.commands.compile_translations import compile_catalogue
from members.models import Organisation

LANGUAGES = ["fr", "el", "ar", "fa"]
LOCALE_DIR = settings.BASE_DIR / "locale"
PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "el": "nplurals=2; plural=(n != 1);",
    "ar": (
        "nplurals=6; plural=n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : "
        "n%100>=3 && n%100<=10 ? 3 : n%100>=11 && n%100<=99 ? 4 : 5;"
    ),
    "fa": "nplurals=2; plural=(n > 1);",
}

# What every reader meets: chrome, search, 404, forms, members-only teasers, toolkits, briefings, Human Journeys
# and the emails. Each must be translated, and not fuzzy, in every language.
KEY_MSGIDS = [
    "Skip to main content",
    "Search",
    "Search the site",
    "Menu",
    "Sign in",
    "Sign out",
    "Your dashboard",
    "Contact us",
    "Follow us",
    "Registered charity number %(number)s",
    "Previous",
    "Next",
    "Page %(number)s of %(total)s",
    "Page not found",
    "Sorry, we can’t find that page",
    "Go to the home page",
    "Try fewer or different words.",
    "Apply to join the IMIX network",
    "Full name",
    "Email address",
    "Your organisation",
    "Organisation name",
    "Kind of group",
    "Your role",
    "How will you use the IMIX resources?",
    "Tick the box to agree to the privacy notice, or we cannot review it.",
    "Choose your organisation from the list, or enter the name of a new one.",
    "Send my application",
    "There is a problem",
    "Error:",
    "(optional)",
    "Thank you for applying",
    "Forgotten your password?",
    "The email address or password is not right. Passwords are case-sensitive.",
    "Set a new password",
    "Choose your password",
    "Check your email",
    "Your details have been saved.",
    "Save changes",
    "Leave the IMIX network",
    "Sign in to read this",
    "Apply to join",
    "Members only",
    "Last reviewed",
    "Find a toolkit",
    "Clear filters",
    "Say this, not that",
    "Latest press briefings",
    "Search the briefings",
    "Content warning",
    "Continue to the story",
    "Told by %(name)s",
    "Share this story",
    "Copy link",
    "Your story",
    "Send my story",
    "Thank you for sharing your journey",
    "Ask us to take your story down or remove your details",
    "Dear %(name)s,",
    "The IMIX team",
    "Welcome to the IMIX network: set your password",
    "We have received your application to join the IMIX network",
    "Set a new password for the IMIX network",
]
KEY_PLURAL_MSGIDS = [
    "%(minutes)s minute read",
    "%(counter)s result for “%(search_query)s”",
    "%(counter)s toolkit",
    "%(total)s briefing",
    "The link works once and for %(days)s day.",
]

PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\{.*?\}\}|\{\w*\}")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*")


def catalogue(language):
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def tags(text):
    return sorted(TAG.findall(text))


@pytest.fixture(scope="module", autouse=True)
def compiled_translations():
    """Compile the catalogues (as `make test` does; a no-op when up to date) and make Django read them afresh."""
    call_command("compile_translations", verbosity=0)
    trans_real._translations = {}
    trans_real._default = None
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__header_names_the_language_and_its_plural_forms(language):
    po = catalogue(language)

    assert po.metadata["Language"] == language
    assert po.metadata["Plural-Forms"] == PLURAL_FORMS[language]
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert not po.metadata_is_fuzzy


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__has_no_fuzzy_entries(language):
    fuzzy = [entry.msgid for entry in catalogue(language) if "fuzzy" in entry.flags and not entry.obsolete]

    assert fuzzy == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__translates_every_key_public_message(language):
    entries = {entry.msgid: entry for entry in catalogue(language) if not entry.obsolete}
    nplurals = int(PLURAL_FORMS[language].split(";")[0].split("=")[1])

    missing = [msgid for msgid in KEY_MSGIDS if msgid not in entries or not entries[msgid].translated()]
    assert missing == [], f"{language}: missing or untranslated {missing}"
    for msgid in KEY_PLURAL_MSGIDS:
        entry = entries[msgid]
        assert entry.msgid_plural, msgid
        forms = [entry.msgstr_plural.get(index, "") for index in range(nplurals)]
        assert all(forms), f"{language}: {msgid} needs {nplurals} plural forms, has {forms}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__translates_every_entry(language):
    """The whole interface, admin and emails included: nothing falls back to English."""
    untranslated = [entry.msgid for entry in catalogue(language).untranslated_entries() if not entry.obsolete]

    assert untranslated == [], f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


def test_catalogue__holds_every_string_marked_in_the_code_and_templates(settings, tmp_path):
    """A string marked for translation but missing from the catalogues (someone forgot `make messages`)
    would show in English to every reader. Extracts the messages afresh, as `make messages` does."""
    if shutil.which("xgettext") is None:
        message = "GNU gettext (xgettext) is not installed, so the messages cannot be extracted"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"{message} (CI=true: this check must run in CI)")
        pytest.skip(message)
    # In a copy of the code, so that nothing is written into the real catalogues.
    source = tmp_path / "source"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(".*", "node_modules", "staticfiles", "media", "test-results", "locale"),
    )
    fresh = source / "locale"
    (fresh / "fr" / "LC_MESSAGES").mkdir(parents=True)
    settings.LOCALE_PATHS = [fresh]
    with contextlib.chdir(source):
        call_command("makemessages", locale=["fr"], verbosity=0)
    wanted = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(fresh / "fr" / "LC_MESSAGES" / "django.po"))}
    have = {(entry.msgctxt, entry.msgid) for entry in catalogue("fr") if not entry.obsolete}

    assert len(wanted) > 900, "the extraction found the project's messages"
    assert sorted(wanted - have, key=str) == [], "run `make messages` and translate the new entries"


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__translations_keep_their_msgids_placeholders_and_markup(language):
    problems = []
    for entry in catalogue(language).translated_entries():
        if entry.msgid_plural:
            allowed = set(placeholders(entry.msgid)) | set(placeholders(entry.msgid_plural))
            named = {p for p in placeholders(entry.msgid) if p.startswith("%(") and "counter" not in p}
            for index, form in entry.msgstr_plural.items():
                found = set(placeholders(form))
                # A plural form may leave out the count ("one photo"), never add or drop anything else.
                if not found <= allowed or not named <= found:
                    problems.append((entry.msgid, index, form))
        else:
            if placeholders(entry.msgstr) != placeholders(entry.msgid) or tags(entry.msgstr) != tags(entry.msgid):
                problems.append((entry.msgid, entry.msgstr))

    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue__compiles_in_pure_python_without_gnu_gettext(language, tmp_path):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    mo_path = tmp_path / "django.mo"

    compile_catalogue(po_path, mo_path, use_msgfmt=False)

    with mo_path.open("rb") as mo_file:
        compiled = gettext.GNUTranslations(mo_file)
    assert compiled.gettext("Page not found") == catalogue(language).find("Page not found").msgstr
    assert compiled.ngettext("%(minutes)s minute read", "%(minutes)s minute read", 5) != "%(minutes)s minute read"


def test_compile_translations__skips_catalogues_that_are_up_to_date(capsys):
    call_command("compile_translations", verbosity=1)
    capsys.readouterr()

    call_command("compile_translations", verbosity=1)

    assert capsys.readouterr().out == ""
    for language in LANGUAGES:
        assert (LOCALE_DIR / language / "LC_MESSAGES" / "django.mo").exists()


SEARCH_BUTTON = {"fr": "Rechercher", "el": "Αναζήτηση", "ar": "بحث", "fa": "جست‌وجو"}
NOT_FOUND = {
    "fr": "Désolés, nous ne trouvons pas cette page",
    "el": "Λυπούμαστε, δεν βρίσκουμε αυτή τη σελίδα",
    "ar": "عذرًا، لا نستطيع العثور على هذه الصفحة",
    "fa": "متأسفیم، این صفحه را پیدا نمی‌کنیم",
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_search_page__shows_its_chrome_in_the_language_of_the_address(client, home_page, language):
    response = client.get(f"/{language}/search/", {"query": "zzzqqq"})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'lang="{language}"' in html
    assert SEARCH_BUTTON[language] in html
    assert ">Search<" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_page__is_translated(client, home_page, language):
    response = client.get(f"/{language}/no-such-page-here/")

    html = response.content.decode()
    assert response.status_code == 404
    assert NOT_FOUND[language] in html
    assert "Sorry, we can’t find that page" not in html


@pytest.mark.django_db
def test_arabic_home_page__has_translated_chrome(client, arabic_home_page):
    response = client.get("/ar/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "الانتقال إلى المحتوى الرئيسي" in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
def test_membership_application__labels_are_in_french(client, home_page):
    response = client.get("/fr/members/apply/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Demander à rejoindre le réseau IMIX" in html
    assert "Nom complet" in html
    assert "Adresse électronique" in html
    assert "Envoyer ma candidature" in html
    assert "Send my application" not in html


@pytest.mark.django_db
def test_membership_application__validation_errors_are_in_french(client, home_page):
    data = {
        "full_name": "Amina Yusuf",
        "email": "amina@example.org",
        "organisation": "",
        "organisation_name": "",
        "organisation_kind": Organisation.Kind.COMMUNITY_GROUP,
        "organisation_country": Organisation.Country.UK,
        "role": "Volunteer coordinator",
        "country": Organisation.Country.UK,
        "intended_use": "Briefing our volunteers.",
        "homepage": "",
    }

    response = client.post("/fr/members/apply/", data)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Il y a un problème" in html
    assert "Cochez la case pour accepter la politique de confidentialité" in html
    assert "Choisissez votre organisation dans la liste" in html
    assert "<title>Erreur :" in html


@pytest.mark.django_db
def test_sign_in_page__is_in_persian(client, home_page):
    response = client.get("/fa/members/sign-in/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "گذرواژه را فراموش کرده‌اید؟" in html
    assert "Forgotten your password?" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_server_error_page__is_in_the_readers_language_and_direction(rf, language):
    from django.views.defaults import server_error

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
        expected = translation.gettext("Sorry, something went wrong")

    html = response.content.decode()
    assert response.status_code == 500
    assert expected != "Sorry, something went wrong"
    assert expected in html
    direction = "rtl" if language in ("ar", "fa") else "ltr"
    assert f'<html lang="{language}" dir="{direction}">' in html
