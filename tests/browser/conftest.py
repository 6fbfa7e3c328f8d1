"""Browser tests: the system Chromium, driven by Playwright's sync API, against pytest-django's live server.

One browser for the whole session, a fresh context (cookies, viewport) and page for every test. Each test
builds its own small site (`site_tree`): the live server needs committed data, so these tests are
transactional, and a transactional test empties the database when it ends. `serialized_rollback=True`
(see `browser_test` in helpers.py) restores what the migrations created (locales, the page tree's root,
groups) before each test; the `browser` fixture explains what else that takes.

Chromium is never downloaded: Debian's package provides it. Without it the tests skip locally and fail
in CI (CI=true), so a CI machine can never pass by silently not running them.
"""

import datetime
import os
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import unquote, urlsplit

import pytest

from django.conf import settings as django_settings
from django.core.cache import cache
from django.utils import timezone

from .helpers import DESKTOP_VIEWPORT, MOBILE_VIEWPORT

# Playwright's sync API runs an asyncio loop in the test's thread; without this Django refuses ORM calls
# from the test body ("You cannot call this from an async context").
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
# pytest-django's live server listens on "localhost" unless told otherwise; keep it on loopback IPv4 (port 0:
# any free port). `--liveserver` on the command line still wins.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1:0")

DEFAULT_CHROMIUM_PATH = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests run as root in CI and in containers
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


def running_in_ci():
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def chromium_path():
    """The Chromium binary: skip the browser tests when it is missing, unless in CI, where that fails."""
    path = os.environ.get("CHROMIUM_PATH") or DEFAULT_CHROMIUM_PATH
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    message = f"Chromium not found at {path}: install Debian's chromium package to run the browser tests"
    if running_in_ci():
        pytest.fail(f"{message} (CI=true: the browser tests must run in CI, so this is a failure)", pytrace=False)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def _require_chromium(chromium_path):
    """Every test in this directory skips (or, in CI, fails) without Chromium, before building anything."""


@pytest.fixture(scope="session")
def browser(chromium_path, django_db_setup, django_db_blocker):
    """One headless Chromium for the whole session.

    Playwright's sync API marks an asyncio event loop as running in this thread between its calls, and from
    its first call on Django (through asgiref's Local) gives this thread a second set of database
    connections, as it would to async code. Two things follow, both handled here:

    - The test database's setup stored on the first set of connections what the migrations created
      (locales, the page tree's root, groups), serialised; serialized_rollback restores it before each test
      only if the connection the test uses carries it. It is copied to the second set.
    - Each browser test ends by emptying every table. Once the session's browser tests are over, the
      migrations' data is put back, so that a database kept with --reuse-db (PostgreSQL) is whole next time.
    """
    from playwright.sync_api import sync_playwright

    from django.db import connections

    serialized = {alias: getattr(connections[alias], "_test_serialized_contents", None) for alias in connections}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True)
        for alias, contents in serialized.items():
            if contents is not None:
                connections[alias]._test_serialized_contents = contents
        yield browser
        browser.close()
    restore_migration_data(serialized, django_db_blocker)


def restore_migration_data(serialized, django_db_blocker):
    from django.core.management import call_command
    from django.db import connections

    with django_db_blocker.unblock():
        for alias, contents in serialized.items():
            if contents:
                # As TransactionTestCase does: sequences keep counting up, past the restored rows' ids.
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                    verbosity=0,
                )
                connections[alias].creation.deserialize_db_from_string(contents)


@pytest.fixture
def site_url(live_server):
    """The live server's address, after checking it listens on loopback only."""
    host = urlsplit(live_server.url).hostname
    assert host in LOOPBACK_HOSTS, f"The live server listens on {host}: use --liveserver 127.0.0.1:0"
    return live_server.url


def serve_media(route):
    """Serve uploaded files to the browser from the test's MEDIA_ROOT.

    The live server serves static files but not media (DEBUG is off, as in production), so without this
    every image would be broken, and the pages would not look as visitors see them.
    """
    media_root = Path(django_settings.MEDIA_ROOT).resolve()
    relative = unquote(urlsplit(route.request.url).path).removeprefix(django_settings.MEDIA_URL)
    file_path = (media_root / relative).resolve()
    if file_path.is_relative_to(media_root) and file_path.is_file():
        route.fulfill(path=file_path)
    else:
        route.fulfill(status=404, body="Not found")


class PageWatcher:
    """Records a page's JavaScript errors and the sub-resources that failed to load."""

    def __init__(self, page):
        self.page = page
        self.js_errors = []
        self.failed_responses = []
        page.on("pageerror", lambda error: self.js_errors.append(str(error)))
        page.on("response", self._record_failure)

    def _record_failure(self, response):
        # The page itself may be a deliberate 404; its stylesheets, scripts and images may not.
        if response.status >= 400 and response.request.resource_type != "document":
            self.failed_responses.append(f"{response.status} {response.url}")


@pytest.fixture
def browser_page_factory(browser, site_url, request):
    """Open a page in a fresh context of the given viewport size.

    Relative URLs go to the live server. The test fails if the page has a JavaScript error or one of its
    stylesheets, scripts or images fails to load: axe's verdict on a page without its CSS would mean little.
    """

    def new_page(viewport=DESKTOP_VIEWPORT, **context_options):
        context = browser.new_context(
            base_url=site_url, viewport=viewport, locale="en-GB", reduced_motion="reduce", **context_options
        )
        context.set_default_timeout(10_000)
        context.route(f"{site_url}{django_settings.MEDIA_URL}**", serve_media)
        page = context.new_page()
        watcher = PageWatcher(page)

        def check_and_close():
            context.close()
            problems = [f"JavaScript error: {error}" for error in watcher.js_errors]
            problems += [f"Failed request: {failure}" for failure in watcher.failed_responses]
            if problems:
                pytest.fail("The page had problems:\n" + "\n".join(problems), pytrace=False)

        request.addfinalizer(check_and_close)
        return page

    return new_page


@pytest.fixture
def page(browser_page_factory):
    """A page in a fresh desktop-sized context (1280 × 800 CSS pixels)."""
    return browser_page_factory(DESKTOP_VIEWPORT)


@pytest.fixture
def mobile_page(browser_page_factory):
    """A page in a fresh phone-sized context (375 × 740 CSS pixels)."""
    return browser_page_factory(MOBILE_VIEWPORT)


# --- Content ------------------------------------------------------------------------------------------


def _published(days_ago=0):
    moment = timezone.now() - datetime.timedelta(days=days_ago)
    return {"first_published_at": moment, "last_published_at": moment}


def _stream(page_model, raw_blocks):
    """Turn the JSON form of a StreamField (what the admin stores) into a value the field accepts."""
    return page_model.body.field.stream_block.to_python(raw_blocks)


@pytest.fixture
def site_tree(settings, tmp_path):
    """A small, realistic IMIX site as the default Site: home, About, News with four posts, menus, footer.

    Built inside each test: the transactional database is emptied after every test.
    """
    from wagtail.models import Page, Site

    from demo.factories.home import HomePageFactory, ImageFactory, NavigationMenuFactory, StandardPageFactory
    from demo.factories.news import AuthorFactory, BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory
    from home.models import HomePage, NavigationMenu, OrganisationSettings, StandardPage
    from news.models import BlogPage

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()

    # Wagtail's first migration leaves a "welcome" page as the default Site's root; deleting it deletes
    # that Site too, and it holds the slug "home".
    for welcome in Page.objects.filter(depth=2).not_type(HomePage):
        welcome.delete()
    root = Page.get_first_root_node()

    def image(title):
        # The description is the image's alt text. Small files keep rendition generation quick.
        return ImageFactory(title=title, description=title, file__width=640, file__height=360)

    home = HomePageFactory(
        parent=root,
        hero_image=image("People gathered at a community welcome event"),
        **_published(30),
    )
    site = Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="IMIX")

    about = StandardPageFactory(parent=home, title="About us", slug="about", **_published(30))
    news = BlogIndexPageFactory(parent=home, title="News", slug="news", **_published(30))

    news_category = BlogCategoryFactory(name="News", slug="news")
    stories_category = BlogCategoryFactory(name="Positive stories", slug="positive-stories")
    author = AuthorFactory(name="Amina Yusuf", biography="Amina leads IMIX's work with the media.")
    post_specs = [
        ("Refugee Week brings record coverage", news_category),
        ("A new guide to talking about asylum", news_category),
        ("The football club that welcomed a town", stories_category),
        ("Local papers tell migrants' stories", stories_category),
    ]
    posts = []
    for days_ago, (title, category) in enumerate(post_specs):
        post = BlogPageFactory(
            parent=news,
            title=title,
            date=timezone.localdate() - datetime.timedelta(days=days_ago),
            listing_image=image(f"Illustration for {title}"),
            categories=[category],
            authors=[author],
            tags=["refugee week", "media"],
            **_published(days_ago),
        )
        posts.append(post)
    newest = posts[0]
    newest.body = _stream(
        BlogPage,
        [
            {"type": "paragraph", "value": "<p>More than a hundred stories ran during Refugee Week.</p>"},
            {"type": "heading", "value": {"text": "What made the difference", "level": "h2"}},
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image("A radio interview").pk,
                        "alt_text": "An IMIX volunteer speaking into a studio microphone",
                        "decorative": False,
                    },
                    "caption": "Talking to local radio.",
                    "credit": "IMIX",
                },
            },
            {
                "type": "quote",
                "value": {"quote": "People told their own stories.", "attribution": "An editor", "role": ""},
            },
        ],
    )
    newest.save()

    home.news_index = news
    home.calls_to_action = HomePage.calls_to_action.field.stream_block.to_python(
        [
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Join the network",
                    "text": "Free messaging guides, a daily press briefing and advice for organisations.",
                    "link": {"label": "Find out about IMIX", "page": about.pk, "url": ""},
                },
            }
        ]
    )
    home.hero_call_to_action = HomePage.hero_call_to_action.field.stream_block.to_python(
        [{"type": "link", "value": {"label": "Read our news", "page": news.pk, "url": ""}}]
    )
    home.save()

    about.body = _stream(
        StandardPage,
        [
            {"type": "heading", "value": {"text": "What we do", "level": "h2"}},
            {
                "type": "paragraph",
                "value": (
                    "<p>IMIX works with charities, community groups and people with lived experience of "
                    'migration. Read <a href="/en/news/">our latest news</a> or '
                    '<a href="https://example.org/report">the annual report</a>.</p>'
                ),
            },
            {
                "type": "image",
                "value": {
                    "image": {
                        "image": image("Volunteers at a media training day").pk,
                        "alt_text": "Volunteers round a table, practising interviews",
                        "decorative": False,
                    },
                    "caption": "A media training day in Manchester.",
                    "credit": "IMIX",
                },
            },
            {
                "type": "quote",
                "value": {
                    "quote": "IMIX has helped us give a voice to our work for equality.",
                    "attribution": "A project manager",
                    "role": "Partner organisation",
                },
            },
            {
                "type": "statistics",
                "value": {
                    "heading": "Our year",
                    "statistics": [
                        {"value": "350", "label": "member organisations"},
                        {"value": "100+", "label": "pieces of coverage in Refugee Week"},
                    ],
                },
            },
            {"type": "heading", "value": {"text": "Questions", "level": "h2"}},
            {
                "type": "accordion",
                "value": {
                    "heading": "",
                    "items": [
                        {"title": "Who can join?", "body": "<p>Organisations working with migrants and refugees.</p>"},
                        {"title": "Does it cost anything?", "body": "<p>No, membership is free.</p>"},
                    ],
                },
            },
            {
                "type": "call_to_action",
                "value": {
                    "heading": "Join the network",
                    "text": "Free messaging guides and advice for organisations.",
                    "link": {"label": "Read our news", "page": news.pk, "url": ""},
                },
            },
            {
                "type": "table",
                "value": {
                    "table_caption": "Members by region",
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["Region", "Members"],
                        ["London", "120"],
                        ["North West", "64"],
                        ["Scotland", "41"],
                    ],
                },
            },
        ],
    )
    about.save()

    NavigationMenuFactory.for_pages([about, news])
    NavigationMenuFactory.for_pages([about], location=NavigationMenu.Location.FOOTER)
    details = OrganisationSettings.for_site(site)
    details.phone = "020 7946 0000"
    details.email = "hello@example.org"
    details.address = "IMIX\n1 Example Street\nLondon"
    details.charity_number = "1234567"
    details.social_links = OrganisationSettings.social_links.field.stream_block.to_python(
        [{"type": "link", "value": {"network": "bluesky", "url": "https://bsky.app/profile/example.org"}}]
    )
    details.save()
    cache.clear()

    return SimpleNamespace(
        site=site,
        home=home,
        about=about,
        news=news,
        posts=[BlogPage.objects.get(pk=post.pk) for post in posts],
    )
