"""What every feed of the site shares: absolute links on the site's public address, and each item's language.

A feed has one language (the reader's, as the page listing it), but an untranslated item in it (an English
post in the Arabic feed) is in its own: RSS items name it with Dublin Core's `dc:language`, Atom entries with
`xml:lang`, so a reader or aggregator can show and speak it as what it is.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from .locales import content_language
from .public_address import absolute_url, page_full_url

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class RssFeedNamingLanguages(Rss201rev2Feed):
    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("content_language"):
            handler.addQuickElement("dc:language", item["content_language"])


class AtomFeedNamingLanguages(Atom1Feed):
    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        if item.get("content_language"):
            attributes = {**attributes, "xml:lang": item["content_language"]}
        return attributes


class SiteFeed(Feed):
    """A feed of pages. Subclasses set `self.request` in `get_object`, as Django's feeds do not keep it."""

    feed_type = RssFeedNamingLanguages

    def link(self, obj):
        return page_full_url(obj, self.request)

    def feed_url(self, obj):
        return absolute_url(self.request.get_full_path())

    def item_link(self, item):
        return page_full_url(item, self.request)

    def item_extra_kwargs(self, item):
        return {**super().item_extra_kwargs(item), "content_language": content_language(item)}
