"""RSS and Atom feeds of published stories."""


def journey_feed_view(request, index_page, kind):
    raise NotImplementedError
