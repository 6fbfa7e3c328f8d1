"""Put the whole demo site together, in one order: the frame, each part of the site, then what links them up.

1. The home page (a draft for now) and the information pages.
2. Each part of the site, in this order: the partner organisations and demo people (`members`), the blog
   (`news`), the toolkits (`toolkits`), the press briefings (`briefings`) and Human Journeys (`journeys`).
   Their pages go into `seeder.pages` under their keys ("news", "featured-story", "toolkits", "journeys"...),
   where the home page and the menus find the ones they link to, when they are there.
3. The home page is published, once, when everything it points at exists; then the organisation's details,
   its funders and the menus.
4. The French, Greek, Arabic and Persian versions, made with wagtail-localize from the PO files in
   `translations/`: the home and about pages, then the blog's, the toolkits' and Human Journeys' own pages (under
   the translated home page), and last the menus, which link to the translated pages.
"""

from home.models import NavigationMenu

from . import briefings, journeys, members, news, toolkits
from .pages import HOME_FIELDS, INFORMATION_PAGES, home_content
from .site_settings import MENUS, ensure_funders, ensure_menus, ensure_organisation_settings
from .translation import TRANSLATED_LANGUAGES, TRANSLATIONS, relink_translations, translate, translate_pages

__all__ = ["build_demo_site", "translate_demo_site"]

# The frame's pages that have a version in every demo language: their key in `seeder.pages`, and the name of their
# PO files (`home-fr.po`), which stays the same when an editor changes a slug.
TRANSLATED_PAGES = {"home": "home", "about-us": "about-us"}


def build_demo_site(seeder):
    home = seeder.ensure_home(**HOME_FIELDS)
    seeder.ensure_pages(INFORMATION_PAGES)
    members.seed(seeder)
    news.seed(seeder)
    toolkits.seed(seeder)
    briefings.seed(seeder)
    journeys.seed(seeder)
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
    news.seed_translations(seeder)
    toolkits.seed_translations(seeder)
    journeys.seed_translations(seeder)
    for location in MENUS:
        menu = NavigationMenu.objects.filter(location=location, locale=seeder.locale).first()
        if menu is None:
            continue
        for language in TRANSLATED_LANGUAGES:
            translate(seeder, menu, language, TRANSLATIONS / f"menu-{location}-{language}.po")
    relink_translations(seeder)
