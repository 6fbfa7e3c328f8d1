"""The site's public address (the SITE_URL setting), from which every absolute link is built.

Wagtail builds absolute page URLs from the Site record (`Site.root_url`), which says `http://localhost` until
an editor changes it, so canonical links, hreflang alternates, og:url, the sitemap and the feeds would point
search engines and readers at localhost. The address is configuration instead, like the rest of what differs
between machines: `BasePage.get_url_parts` puts it in front of every page's path (`page_full_url` does the
same for a plain `Page`), and what is not a page (images on social cards, robots.txt, feed addresses) goes
through `absolute_url`. The Site record still routes
requests; `seed_demo` keeps its hostname and port in line so the admin shows the same address.

With more than one Site (several hostnames) each site's own record is used: one setting cannot name them all.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_url():
    """SITE_URL without a trailing slash, e.g. `https://imix.org.uk`."""
    return settings.SITE_URL.rstrip("/")


def absolute_url(url):
    """`url` (a path) on the site's public address; an address that is already absolute (S3, a CDN) is kept."""
    if not url or urlsplit(url).scheme or url.startswith("//"):
        return url
    return site_url() + (url if url.startswith("/") else f"/{url}")


def public_root_url(page, root_url, request=None):
    """The root of `page`'s absolute URLs: the public address, unless the page belongs to one of several sites."""
    if len({root.site_id for root in page._get_site_root_paths(request)}) == 1:
        return site_url()
    return root_url


def page_full_url(page, request=None):
    """`page.get_full_url()` on the public address, for any page: a plain `Page` (read with `.only()` or without
    `.specific()`) does not have `BasePage.get_url_parts`."""
    parts = page.get_url_parts(request=request)
    if parts is None or parts[1] is None:
        return None
    _site_id, root_url, page_path = parts
    return public_root_url(page, root_url, request) + page_path


def site_hostname_and_port(url=None):
    """The hostname and port a Wagtail Site record needs to have this address as its `root_url`."""
    parts = urlsplit(url or site_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return parts.hostname, port
