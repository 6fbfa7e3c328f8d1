"""RSS and Atom feeds of published stories, whole or per theme.

A feed is copied into readers and aggregators we cannot reach to correct, so it carries less than the page:
the title, the introduction and the link. No storyteller's name (every item's author is IMIX Human Journeys,
whatever the identity level), no images, and nothing from the story itself, which a reader may need to meet
after its content warning.
"""

from urllib.parse import urlencode

from django.http import Http404
from django.utils.translation import gettext as _

from home.feeds import AtomFeedNamingLanguages, SiteFeed
from home.public_address import page_full_url

from .models import filed_under

FEED_LENGTH = 20
FEED_AUTHOR = "IMIX Human Journeys"


class JourneyFeed(SiteFeed):
    def __init__(self, index_page, theme=None):
        super().__init__()
        self.index_page = index_page
        self.theme = theme

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        if self.theme:
            return f"{obj.title}: {self.theme.name} – IMIX"
        return f"{obj.title} – IMIX"

    def link(self, obj):
        url = page_full_url(obj, self.request)
        return f"{url}?{urlencode({'theme': self.theme.slug})}" if self.theme else url

    def description(self, obj):
        if self.theme and self.theme.description:
            return self.theme.description
        return obj.introduction or _("Stories of people with lived experience of migration, from IMIX.")

    def author_name(self, obj):
        return FEED_AUTHOR

    def items(self, obj):
        stories = obj.get_listing_pages()
        if self.theme:
            stories = filed_under(stories, self.theme)
        return stories[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return FEED_AUTHOR

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class JourneyAtomFeed(JourneyFeed):
    feed_type = AtomFeedNamingLanguages

    def subtitle(self, obj):
        return self.description(obj)


FEED_CLASSES = {"rss": JourneyFeed, "atom": JourneyAtomFeed}


def journey_feed_view(request, index_page, kind):
    """The feed of `index_page`'s live, public stories; ?theme= narrows it, an unknown theme is ignored."""
    feed_class = FEED_CLASSES.get(kind)
    if feed_class is None:
        raise Http404
    return feed_class(index_page, index_page.theme_from_request(request))(request)
