"""RSS and Atom feeds of the blog, whole or per category: public posts only."""

import datetime

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from home.feeds import AtomFeedNamingLanguages, SiteFeed
from home.public_address import page_full_url

from .models import with_category

FEED_LENGTH = 20


class BlogFeed(SiteFeed):
    def __init__(self, index_page, category=None):
        super().__init__()
        self.index_page = index_page
        self.category = category

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, obj):
        if self.category:
            return f"{obj.title}: {self.category.name} – IMIX"
        return f"{obj.title} – IMIX"

    def link(self, obj):
        url = page_full_url(obj, self.request)
        return f"{url}?category={self.category.slug}" if self.category else url

    def description(self, obj):
        if self.category and self.category.description:
            return self.category.description
        return obj.introduction or _("News and positive stories from IMIX.")

    def items(self, obj):
        posts = obj.get_listing_pages().prefetch_related("authors", "categories")
        if self.category:
            posts = with_category(posts, self.category)
        return posts[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.listing_summary or item.introduction

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9, 0)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return ", ".join(author.name for author in item.authors.all()) or "IMIX"

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]


class BlogAtomFeed(BlogFeed):
    feed_type = AtomFeedNamingLanguages

    def subtitle(self, obj):
        return self.description(obj)


FEED_CLASSES = {"rss": BlogFeed, "atom": BlogAtomFeed}


def blog_feed_view(request, index_page, kind, category=None):
    feed_class = FEED_CLASSES.get(kind)
    if feed_class is None:
        raise Http404
    return feed_class(index_page, category)(request)
