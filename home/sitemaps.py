"""sitemap.xml over every language's tree: live, public pages only."""

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalisedSitemap(Sitemap):
    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
