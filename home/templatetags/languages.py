"""Languages: the switcher in the header, hreflang alternates in the head, the language and direction of
a page's content when it differs from the interface's, and of each card, title or link shown in a language
other than the text around it (`{% content_lang %}`).

A page's versions are read in one query (its live translations and the site's live home page in every
language, each with whether a view restriction covers it) and cached with the content (home.content_cache):
a warm page costs no query for this, a cold one a single query, whatever the number of languages.
"""

from django import template
from django.conf import settings
from django.db.models import Exists, F, OuterRef, Q
from django.db.models.lookups import StartsWith
from django.utils.html import format_html
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, PageViewRestriction, Site

from home.content_cache import cached
from home.locales import content_language
from home.public_address import page_full_url

register = template.Library()

# Each language's name for itself (its endonym): shown alike whatever the interface language, so never translated.
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "Français",
    "el": "Ελληνικά",
    "ar": "العربية",
    "fa": "فارسی",
}


def content_languages():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def language_name(code):
    if code in LANGUAGE_NAMES:
        return LANGUAGE_NAMES[code]
    name = get_language_info(code)["name_local"]
    return name[:1].upper() + name[1:]


def language_direction(code):
    try:
        return "rtl" if get_language_info(code)["bidi"] else "ltr"
    except KeyError:
        return "ltr"


def _restricted_subquery():
    """A view restriction on the outer page or one of its ancestors (a page's path starts with theirs)."""
    return PageViewRestriction.objects.filter(StartsWith(OuterRef("path"), F("page__path")))


def _build_versions(page, site, request):
    """Every language's version of `page`, and every language's home page, as plain data for the cache.

    A version is a live translation whose content is in its own language: an alias of a page in another
    language (an untranslated page copied into that language's tree) is not one, and neither is such an alias of
    the home page, which is all a language has when an operator enables its locale and translates nothing.
    """
    root_paths = [root.root_path for root in page._get_site_root_paths(request) if site and root.site_id == site.pk]
    candidates = (
        Page.objects.filter(Q(translation_key=page.translation_key) | Q(url_path__in=root_paths))
        .live()
        .annotate(
            language=F("locale__language_code"),
            alias_language=F("alias_of__locale__language_code"),
            restricted=Exists(_restricted_subquery()),
        )
        .only("id", "path", "depth", "url_path", "translation_key", "locale_id", "alias_of_id")
    )
    versions, homes, current = {}, {}, None
    for candidate in candidates:
        entry = {
            "url": candidate.get_url(request),
            "full_url": page_full_url(candidate, request),
            "restricted": candidate.restricted,
        }
        content_language = candidate.alias_language or candidate.language
        if candidate.pk == page.pk:
            current = {
                "language": content_language,
                "locale": candidate.language,
                "restricted": candidate.restricted,
                "url": entry["url"],
            }
        if candidate.translation_key == page.translation_key and content_language == candidate.language:
            versions[candidate.language] = entry
        if candidate.url_path in root_paths and content_language == candidate.language:
            homes[candidate.language] = entry
    return {"versions": versions, "homes": homes, "current": current}


def _cached_versions(page, request):
    site = Site.find_for_request(request)
    return cached(("page-languages", site.pk if site else 0, page.pk), lambda: _build_versions(page, site, request))


def _current_page_details(page):
    """The language and privacy of a page that is not live (a preview): read directly, never cached."""
    source = page.alias_of if page.alias_of_id else page
    return {
        "language": source.locale.language_code,
        "locale": page.locale.language_code,
        "restricted": page.get_view_restrictions().exists(),
        "url": "",
    }


def _link(code, url, active, *, home=False):
    return {
        "code": code,
        "name": language_name(code),
        "direction": language_direction(code),
        "url": url,
        "current": code == active,
        "home": home,
    }


def _same_path_in(code, request, active):
    """This path under another language's prefix (search, members' pages, the 404 page…).

    The query string is left behind: it may hold a search in this language, a page number or a token that
    means nothing (or should not travel) in the other.
    """
    path = request.path
    prefix = f"/{active}/"
    if path.startswith(prefix):
        return f"/{code}/{path[len(prefix) :]}"
    return f"/{code}/"


class LanguageVersions:
    """What base.html needs: switcher links, hreflang alternates, and the content's language and direction."""

    def __init__(self, active, links=(), alternates=(), content_language=None):
        self.active = active
        self.links = list(links)
        self.alternates = list(alternates)
        self.content_language = content_language or active
        self.content_direction = language_direction(self.content_language)

    @property
    def content_differs(self):
        """True when the content is in another language than the interface (an untranslated page)."""
        return self.content_language != self.active

    @property
    def current_name(self):
        return language_name(self.active)


def _for_page(page, request, active):
    data = _cached_versions(page, request)
    current = data["current"] or _current_page_details(page)
    source_public = not current["restricted"]
    versions, homes = data["versions"], data["homes"]

    links = []
    for code in content_languages():
        # An untranslated copy of the page in a language's tree (an alias) is never offered, even to a visitor on
        # it: its text is not in that language. The language's own home page is, when it has one.
        version = versions.get(code)
        home = homes.get(code)
        if version and (not source_public or not version["restricted"]):
            links.append(_link(code, version["url"], active))
        elif home and not home["restricted"]:
            links.append(_link(code, home["url"], active, home=True))

    alternates = []
    if source_public:
        public = {code: version for code, version in versions.items() if not version["restricted"]}
        if len(public) > 1:
            alternates = [
                {"code": code, "url": public[code]["full_url"]} for code in content_languages() if code in public
            ]
            if settings.LANGUAGE_CODE in public:
                alternates.append({"code": "x-default", "url": public[settings.LANGUAGE_CODE]["full_url"]})
    return LanguageVersions(active, links, alternates, current["language"])


def language_versions_for(context):
    request = context.get("request")
    active = get_language() or settings.LANGUAGE_CODE
    if request is None:
        return LanguageVersions(active)
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        page = None
    memo_key = (page.pk if page else None, active)
    memo = getattr(request, "_language_versions", {})
    if memo_key not in memo:
        if page is not None:
            memo[memo_key] = _for_page(page, request, active)
        else:
            links = [_link(code, _same_path_in(code, request, active), active) for code in content_languages()]
            memo[memo_key] = LanguageVersions(active, links)
        request._language_versions = memo
    return memo[memo_key]


@register.simple_tag(takes_context=True)
def language_versions(context):
    """`{% language_versions as versions %}`: the current page's (or view's) versions in every language."""
    return language_versions_for(context)


def lang_attributes(language, within):
    """` lang="…" dir="…"` for text in `language` placed in text in `within`; nothing when they are the same
    (or the language is unknown): the element inherits the right language and direction from its parent."""
    if not language or language == within:
        return ""
    return format_html(' lang="{}" dir="{}"', language, language_direction(language))


def surrounding_language(context):
    """The language of the text around a card: the page's content (an untranslated page keeps its own, see
    base.html's `<main>`), or the interface's where there is no page (search results)."""
    return language_versions_for(context).content_language


@register.simple_tag(takes_context=True)
def content_lang(context, obj, within=None):
    """`<h3{% content_lang card %}>`: the language and direction of `obj`'s text (a page or a snippet) when it
    differs from the text around it, as attributes for the element that wraps that text. Name `within` (a
    language code) for text outside the page's content, such as the header and footer."""
    return lang_attributes(content_language(obj), within or surrounding_language(context))


@register.simple_tag
def site_language_lang():
    """For what editors write once for every language (the organisation's address, in its settings): it is in
    the site's default language, marked as such on pages in any other."""
    return lang_attributes(settings.LANGUAGE_CODE, get_language() or settings.LANGUAGE_CODE)
