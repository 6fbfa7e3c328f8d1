"""Factories for the site frame (home/), shared by the tests and the demo site."""

import factory
import wagtail_factories

from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Site
from wagtail.rich_text import RichText

from home.models import CustomImage, Funder, HomePage, NavigationMenu, OrganisationSettings, StandardPage

__all__ = [
    "BasePageFactory",
    "DocumentFactory",
    "FunderFactory",
    "HomePageFactory",
    "ImageFactory",
    "NavigationMenuFactory",
    "OrganisationSettingsFactory",
    "StandardPageFactory",
    "default_locale",
]


def default_locale():
    return Locale.get_default()


class ImageFactory(wagtail_factories.ImageFactory):
    class Meta:
        model = CustomImage

    title = factory.Sequence(lambda n: f"Illustration {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=1600, height=900, color="#1d5a7a", format="JPEG")


class DocumentFactory(wagtail_factories.DocumentFactory):
    class Meta:
        model = get_document_model()

    title = factory.Sequence(lambda n: f"Document {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)


class BasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    slug = factory.LazyAttribute(lambda page: slugify(page.title))
    locale = factory.LazyFunction(default_locale)
    listing_summary = factory.LazyAttribute(lambda page: f"A short summary of {page.title}.")


class HomePageFactory(BasePageFactory):
    class Meta:
        model = HomePage

    title = "Home"
    slug = "home"
    hero_heading = "Changing the conversation about migration and refugees"
    hero_introduction = "We help organisations and people with lived experience of migration tell their stories."
    vision = "<p>A society which embraces and celebrates people who move to the UK.</p>"
    mission = "<p>Changing the conversation about migration and refugees.</p>"


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = StandardPage

    introduction = factory.LazyAttribute(lambda page: f"What you will find on {page.title}.")
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>Standard page body text.</p>"))])


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NavigationMenu

    location = NavigationMenu.Location.PRIMARY
    locale = factory.LazyFunction(default_locale)
    items = factory.LazyFunction(list)

    @classmethod
    def for_pages(cls, pages, **kwargs):
        items = [("link", {"label": "", "page": page, "url": ""}) for page in pages]
        return cls(items=items, **kwargs)


class FunderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funder

    name = factory.Sequence(lambda n: f"Funder {n}")
    url = factory.LazyAttribute(lambda funder: f"https://example.org/{slugify(funder.name)}")
    sort_order = factory.Sequence(int)


class OrganisationSettingsFactory(factory.django.DjangoModelFactory):
    """Contact details for a site (the default site unless given); fictional values unless overridden."""

    class Meta:
        model = OrganisationSettings
        django_get_or_create = ("site",)

    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))
    phone = "020 7946 0000"
    press_phone = "07700 900000"
    email = "hello@example.org"
    address = "1 Example Street\nLondon"
    charity_number = "1000000"
