"""Put the whole demo site together: the frame, then each app's own demo content, then what links them up.

The frame imports no feature app, so it cannot call the news app's seeding itself. Instead, any installed app
with a `demo_content` module that defines `seed_demo_content(seeder)` is called, in INSTALLED_APPS order, once
the frame's pages exist (as Wagtail finds `wagtail_hooks` modules). An app registers the pages others may link
to in `seeder.pages`: the news app adds "news" (its index) and "featured-story", which the home page and the
main menu pick up when they are there.

Then the French and Arabic versions, made with wagtail-localize from the PO files kept beside each app's demo
content (see `translation`): the home app translates the home and about pages, then each app's
`seed_demo_translations(seeder)` translates its own pages (under the translated home page), and last the menus,
which link to the translated pages.
"""

from importlib import import_module
from pathlib import Path

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from home.models import NavigationMenu

from .pages import HOME_FIELDS, INFORMATION_PAGES, home_content
from .site_settings import MENUS, ensure_funders, ensure_menus, ensure_organisation_settings
from .translation import TRANSLATED_LANGUAGES, relink_translations, translate, translate_pages

TRANSLATIONS = Path(__file__).parent / "translations"
# The home app's pages that have French and Arabic versions: their key in `seeder.pages`, and the name of their
# PO files (`home-fr.po`), which stays the same when an editor changes a slug.
TRANSLATED_PAGES = {"home": "home", "about-us": "about-us"}


def app_contributors(name="seed_demo_content"):
    """Functions called `name` in the `demo_content` module of every installed app but this one, in
    INSTALLED_APPS order. Apps may also define `login_lines()`, which `seed_demo --print-logins` prints."""
    for app_config in apps.get_app_configs():
        if app_config.name == "home" or not module_has_submodule(app_config.module, "demo_content"):
            continue
        contributor = getattr(import_module(f"{app_config.name}.demo_content"), name, None)
        if callable(contributor):
            yield contributor


def build_demo_site(seeder):
    home = seeder.ensure_home(**HOME_FIELDS)
    seeder.ensure_pages(INFORMATION_PAGES)
    for contributor in app_contributors():
        contributor(seeder)
    if seeder.home_created:
        # The home page is published last and once, when everything it points at exists.
        for name, value in home_content(seeder).items():
            setattr(home, name, value)
        seeder.publish(home)
    ensure_organisation_settings(seeder)
    ensure_funders(seeder)
    ensure_menus(seeder)
    translate_demo_site(seeder)
    return seeder


def translate_demo_site(seeder):
    translate_pages(seeder, TRANSLATED_PAGES, TRANSLATIONS)
    for contributor in app_contributors("seed_demo_translations"):
        contributor(seeder)
    for location in MENUS:
        menu = NavigationMenu.objects.filter(location=location, locale=seeder.locale).first()
        if menu is None:
            continue
        for language in TRANSLATED_LANGUAGES:
            translate(seeder, menu, language, TRANSLATIONS / f"menu-{location}-{language}.po")
    relink_translations(seeder)
