"""Site-wide demo content: the organisation's contact details, its funders and the two navigation menus."""

from home.models import Funder, NavigationMenu, OrganisationSettings

from .factories.home import FunderFactory, NavigationMenuFactory, OrganisationSettingsFactory
from .streams import Stream

ORGANISATION = {
    "phone": "020 7922 7852",
    "press_phone": "07783 905 158",
    "email": "media@imix.org.uk",
    "address": "CAN Borough\n7-14 Great Dover Street\nLondon SE1 4YR",
    "charity_number": "1183693",
    "twitter_handle": "IMIX_UK",
}
SOCIAL_LINKS = [("x", "https://x.com/IMIX_UK"), ("instagram", "https://www.instagram.com/imix_uk/")]

# In the order the annual review thanks them. Addresses only where we are sure of them; editors can add the rest.
FUNDERS = [
    ("AB Charitable Trust", "https://www.abcharitabletrust.org.uk/"),
    ("Barrow Cadbury Trust", "https://www.barrowcadbury.org.uk/"),
    ("Comic Relief", "https://www.comicrelief.com/"),
    ("Esmée Fairbairn Foundation", "https://esmeefairbairn.org.uk/"),
    ("Global Dialogue", ""),
    ("Oak Foundation", "https://oakfnd.org/"),
    ("Paul Hamlyn Foundation", "https://www.phf.org.uk/"),
    ("Trust for London", "https://trustforlondon.org.uk/"),
    ("Unbound Philanthropy", "https://www.unboundphilanthropy.org/"),
]

MENUS = {
    NavigationMenu.Location.PRIMARY: ["about-us", "what-we-do", "news", "journeys", "toolkits", "contact"],
    NavigationMenu.Location.FOOTER: ["accessibility-statement", "privacy-notice", "funders", "our-objects"],
}


def ensure_organisation_settings(seeder):
    """Fill in the default site's contact details, unless someone already has.

    A template may already have made an empty settings row (`OrganisationSettings.for_site` creates one), so an
    existing row with no contact details is filled in rather than skipped.
    """
    settings = OrganisationSettings.objects.filter(site=seeder.site).first()
    if settings and (settings.phone or settings.email or settings.address):
        return settings
    social = Stream("organisation-settings/social_links")
    for network, url in SOCIAL_LINKS:
        social.social_link(network, url)
    fields = {**ORGANISATION, "social_links": social.build()}
    if settings is None:
        return seeder.create_snippet(OrganisationSettingsFactory, site=seeder.site, **fields)
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.full_clean()
    settings.save()
    seeder.record(settings)
    return settings


def ensure_funders(seeder):
    existing = set(Funder.objects.filter(name__in=[name for name, _url in FUNDERS]).values_list("name", flat=True))
    for sort_order, (name, url) in enumerate(FUNDERS, start=1):
        if name not in existing:
            seeder.create_snippet(FunderFactory, name=name, url=url, sort_order=sort_order * 10)


def ensure_menus(seeder):
    """One menu per location in the default language; links to pages this run knows about, labelled with their
    titles. The labels are written out, not left to follow the titles, so that the menus' translations have
    words to translate even where a link leads to a page that has no translation yet."""
    for location, keys in MENUS.items():
        if NavigationMenu.objects.filter(location=location, locale=seeder.locale).exists():
            continue
        items = Stream(f"navigation-menu/{location}")
        for key in keys:
            if key in seeder.pages:
                items.link(page=seeder.pages[key], label=seeder.pages[key].title)
        seeder.create_snippet(NavigationMenuFactory, location=location, locale=seeder.locale, items=items.build())
