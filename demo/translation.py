"""French, Greek, Arabic and Persian versions of demo content, made the way an editor makes them with wagtail-localize.

For each translated page or snippet the demo keeps a PO file in `demo/translations/`, named after the object
(`home-fr.po`, `menu-primary-ar.po`): the same file an editor downloads from the translation editor ("Download
PO file") and uploads again once translated. At seed time the object is submitted for translation (a
TranslationSource and an enabled Translation), the PO file is imported into it, and the translated object is saved
from it: so every seeded translation is a real wagtail-localize translation that editors can open in the
translation editor, sync, download and upload.

Where the source links to another page (a menu item, a call to action, the home page's Human Journeys
section) and that page has a translation in the same language, the translation links to it: what an editor
does by choosing the translated page for the link in the translation editor.

Like the rest of the demo, only what is missing is made: an object that already has a version in the
language is left alone, so an editor's later changes to a translation survive. To write or refresh a PO file,
seed a fresh database and export it (`export_po(instance, "fr")`), then fill in every msgstr.
"""

import contextlib
import json
from pathlib import Path

import polib

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import override

from wagtail.models import Locale, Page
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    Translation,
    TranslationSource,
)

from .seeder import DemoContentError, validate_streams

# The id that ties an exported PO file to one Translation row; a file kept as demo data is imported into a new
# row on every fresh database, so the id it was exported with is replaced before it is imported.
PO_TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
# The languages the demo content is translated into: every language the site offers besides English, so a
# newcomer sees each of them working. Arabic and Persian are written right to left.
TRANSLATED_LANGUAGES = ["fr", "el", "ar", "fa"]
# The PO files of every demo translation, `<name>-<language>.po`.
TRANSLATIONS = Path(__file__).parent / "translations"


def demo_locale(language_code):
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        raise DemoContentError(f"There is no {language_code!r} locale: run manage.py migrate.")
    return locale


def live_source(seeder, key):
    """The page `seeder.pages[key]` as it is in the database, if it is live: publishing a revision updates
    the database, not the instance the demo holds, and only live pages are translated."""
    page = seeder.pages.get(key)
    if page is None:
        return None
    page = page.specific_class.objects.filter(pk=page.pk, live=True).first()
    if page is not None:
        seeder.pages[key] = page
    return page


def existing_translation(instance, locale):
    """The instance's version in `locale`, unless there is none or it is only an alias of the source."""
    found = instance.get_translation_or_none(locale)
    if found is None:
        return None
    if isinstance(found, Page):
        if found.alias_of_id:
            return None
        return found.specific
    return found


def missing_strings(translation):
    """Source strings of `translation` that have no translation in its language: [(context, text)]."""
    segments = (
        StringSegment.objects.filter(source=translation.source)
        .annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .select_related("context", "string")
        .order_by("order")
    )
    return [(segment.context.path, segment.string.data) for segment in segments]


def read_po(po_path, translation):
    po_path = Path(po_path)
    if not po_path.exists():
        raise DemoContentError(f"The translation file {po_path} is missing.")
    po = polib.pofile(str(po_path))
    po.metadata[PO_TRANSLATION_ID] = str(translation.uuid)
    return po


def page_reference(instance, path):
    """Whether the overridable segment at `path` of `instance` holds a page: a foreign key to a page, or a
    `page` chooser inside a StreamField (a link's page)."""
    parts = path.split(".")
    if len(parts) == 1:
        try:
            field = instance._meta.get_field(parts[0])
        except FieldDoesNotExist:
            return False
        return isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)
    return parts[-1] == "page"


def link_translated_pages(instance, translation):
    """Point the translation's page links at the linked pages' versions in its language, where they exist.

    Returns how many links changed. A link an editor already set (an existing override) is left alone.
    """
    locale_id = translation.target_locale_id
    changed = 0
    segments = OverridableSegment.objects.filter(source=translation.source).select_related("context")
    for segment in segments:
        value = segment.data
        if not isinstance(value, int) or not page_reference(instance, segment.context.path):
            continue
        if SegmentOverride.objects.filter(locale_id=locale_id, context_id=segment.context_id).exists():
            continue
        linked = Page.objects.filter(pk=value).values_list("translation_key", flat=True).first()
        target = (
            Page.objects.filter(translation_key=linked, locale_id=locale_id, alias_of__isnull=True)
            .values_list("pk", flat=True)
            .first()
        )
        if target is None:
            continue
        SegmentOverride.objects.create(locale_id=locale_id, context_id=segment.context_id, data_json=json.dumps(target))
        changed += 1
    return changed


def save_page_translation(translation, source, publish, user=None):
    """Save the target page from the translation as a draft revision; publish it unless told not to.

    wagtail-localize publishes a translated page only once the transaction commits; the demo publishes the
    revision itself, so the page is live inside the seeding transaction too (and in tests, which never commit).
    """
    translation.save_target(user=user, publish=False)
    page = translation.get_target_instance().specific
    if publish:
        validate_streams(page)
        page.get_latest_revision().publish(user=user)
        page.refresh_from_db()
        copy_publication_dates(source, page)
    return page


def copy_publication_dates(source, page):
    """The translation was first and last published when its source was (a demo story's date, say)."""
    source = Page.objects.get(pk=source.pk)
    dates = {"first_published_at": source.first_published_at, "last_published_at": source.last_published_at}
    if all(dates.values()):
        Page.objects.filter(pk=page.pk).update(**dates)
        for name, value in dates.items():
            setattr(page, name, value)


def enabled_translation(instance, locale):
    """What "Translate" makes in the admin: the instance as a translation source, and its enabled
    translation into `locale`."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    return translation


def translate(seeder, instance, locale_code, po_path, *, publish=True, user=None):
    """The version of `instance` in `locale_code`, translated from `po_path` when it does not exist yet.

    Pages are saved from the translation, then published unless `publish` is False (a story is published
    through its Safeguarding review instead). Snippets are saved. Returns the translated object.
    """
    locale = demo_locale(locale_code)
    target = existing_translation(instance, locale)
    if target is not None:
        return target

    translation = enabled_translation(instance, locale)
    warnings = translation.import_po(read_po(po_path, translation), user=user)
    missing = missing_strings(translation)
    if warnings or missing:
        seeder.notes.append(stale_note(po_path, instance, locale, warnings, missing))
    link_translated_pages(instance, translation)

    if isinstance(instance, Page):
        target = save_page_translation(translation, instance, publish, user=user)
    else:
        translation.save_target(user=user, publish=True)
        target = translation.get_target_instance()
    seeder.record_translation(target, translation, published=publish)
    return target


def relink_translations(seeder):
    """Once every demo translation exists, point the ones made by this run at pages translated after them
    (the home page is translated before the pages it lists), and publish them again if that changed them."""
    for translation, target, published in seeder.translations:
        if not published or not isinstance(target, Page):
            continue
        source_instance = translation.source.get_source_instance()
        if link_translated_pages(source_instance, translation):
            save_page_translation(translation, source_instance, publish=True)


def stale_note(po_path, instance, locale, warnings, missing):
    with override("en"):
        language = str(locale.get_display_name())
    with contextlib.suppress(ValueError):
        po_path = Path(po_path).relative_to(settings.BASE_DIR)
    parts = [f"{po_path} is out of date for {instance._meta.verbose_name} “{instance}” in {language}"]
    if missing:
        parts.append(f"{len(missing)} strings have no translation and show in English")
    if warnings:
        parts.append(f"{len(warnings)} of its strings are no longer in the page")
    return "; ".join(parts) + ". Export it again from the translation editor and translate what is new."


def export_po(instance, locale_code):
    """The PO file an editor would download for `instance` in `locale_code` (for writing demo translations)."""
    locale = demo_locale(locale_code)
    po = enabled_translation(instance, locale).export_po()
    del po.metadata[PO_TRANSLATION_ID]
    del po.metadata["POT-Creation-Date"]
    po.metadata["Language"] = locale_code
    return po


def translate_pages(seeder, names, directory):
    """Each live page `seeder.pages[key]` of `names` ({key: file name}), in order, into every demo language,
    from `directory/<name>-<language>.po`; pages that are missing or not live are left out."""
    for key, name in names.items():
        page = live_source(seeder, key)
        if page is None:
            continue
        for language in TRANSLATED_LANGUAGES:
            translate(seeder, page, language, directory / f"{name}-{language}.po")
