from .images import CustomImage, Rendition
from .mixins import BasePage, ListingFieldsMixin, ListingIndexMixin, SocialFieldsMixin
from .pages import HomePage, HomePageJourneyPick, HomePageNewsPick, StandardPage
from .site_content import Funder, NavigationMenu, OrganisationSettings

__all__ = [
    "BasePage",
    "CustomImage",
    "Funder",
    "HomePage",
    "HomePageJourneyPick",
    "HomePageNewsPick",
    "ListingFieldsMixin",
    "ListingIndexMixin",
    "NavigationMenu",
    "OrganisationSettings",
    "Rendition",
    "SocialFieldsMixin",
    "StandardPage",
]
