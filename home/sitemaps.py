"""sitemap.xml over every language's tree: live, public pages only, each with its versions in other languages.

An alias of a page in another language (an untranslated copy that wagtail-localize puts in a language's tree) is
left out: its text is not in the language its address claims, and the original is listed under its own.

Django's own `i18n`/`alternates` options make one URL per language from a single object; Wagtail's
translations are separate pages sharing a `translation_key`, so the alternates are built here from the
sitemap's own pages: a page listed in two or more languages gets an `xhtml:link` per language, and
x-default for the English version.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import F, Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.public_address import page_full_url


class LocalisedSitemap(Sitemap):
    def _pages(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True).live()
        pages = Page.objects.none()
        for root in roots:
            pages = pages | Page.objects.descendant_of(root, inclusive=True)
        return (
            pages.live()
            .public()
            .filter(Q(alias_of__isnull=True) | Q(alias_of__locale_id=F("locale_id")))
            .order_by("path")
        )

    def items(self):
        return self._pages().defer_streamfields().specific()

    def _alternates(self):
        """{translation_key: [{"lang_code", "location"}, …]} for pages listed in more than one language."""
        pages = (
            self._pages()
            .annotate(language=F("locale__language_code"))
            .only("id", "url_path", "translation_key", "locale_id")
        )
        by_key = defaultdict(dict)
        for page in pages:
            location = page_full_url(page, self.request)
            if location:
                by_key[page.translation_key][page.language] = location
        order = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        alternates = {}
        for key, locations in by_key.items():
            if len(locations) < 2:
                continue
            links = [{"lang_code": code, "location": locations[code]} for code in order if code in locations]
            if settings.LANGUAGE_CODE in locations:
                links.append({"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]})
            alternates[key] = links
        return alternates

    def _urls(self, page, protocol, domain):
        """Wagtail's `_urls`, with each page's alternates added."""
        alternates = self._alternates()
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                url_info.setdefault("alternates", alternates.get(item.translation_key, []))
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
