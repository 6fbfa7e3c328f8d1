"""`manage.py seed_demo` on its own: an empty site, the drawn illustrations and PDF, and a stale PO file.

The demo site itself is tested in tests/demo/, which shares one build.
"""

import io
import re

import pytest
from PIL import Image

from wagtail_localize.models import Translation

from demo.artwork import render_illustration
from demo.documents import annual_review_summary_pdf
from demo.illustrations import HERO
from demo.pages import HOME_FIELDS
from demo.seeder import DemoContentError, DemoSeeder, validate_streams
from demo.translation import TRANSLATIONS, missing_strings, translate_pages
from home.models import HomePage, NavigationMenu
from tests.demo.seeding import IN_ENGLISH, TRANSLATION_LANGUAGES, in_language, row_counts, seed

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def demo_media_root(settings, tmp_path):
    """The command writes images and a PDF: keep them out of the project."""
    settings.MEDIA_ROOT = tmp_path / "demo-media"
    return settings.MEDIA_ROOT


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


def test_a_po_file_left_behind_by_a_change_to_the_english_text_is_named_and_the_text_falls_back_to_english(
    monkeypatch,
):
    """Only the home page is built and translated: what a stale PO file does needs no more of the demo."""
    monkeypatch.setitem(HOME_FIELDS, "hero_heading", "Changing how the media talks about migration")
    seeder = DemoSeeder()
    seeder.publish(seeder.ensure_home(**HOME_FIELDS))

    translate_pages(seeder, {"home": "home"}, TRANSLATIONS)

    output = "\n".join(seeder.notes)
    for language in TRANSLATION_LANGUAGES:
        assert f"demo/translations/home-{language}.po is out of date for home page" in output
        home = in_language(HomePage.objects.get(**IN_ENGLISH), language)
        assert home.live and home.hero_heading == "Changing how the media talks about migration"
        translation = Translation.objects.get(
            source__object_id=home.translation_key, target_locale__language_code=language
        )
        assert missing_strings(translation) == [("hero_heading", "Changing how the media talks about migration")]
