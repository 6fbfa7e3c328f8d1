"""Helpers for the demo tests: run `manage.py seed_demo` and count what it wrote."""

import io

from django.apps import apps
from django.core.management import call_command

from wagtail.models import Locale

IN_ENGLISH = {"locale__language_code": "en"}
# The languages the demo translates its pages into, besides English.
TRANSLATION_LANGUAGES = {"fr": "French", "el": "Greek", "ar": "Arabic", "fa": "Persian"}


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


def in_language(instance, language):
    return instance.get_translation(Locale.objects.get(language_code=language))
