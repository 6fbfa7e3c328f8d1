"""Fixtures shared by every test outside tests/browser/ (which has its own conftest).

The page tree mirrors the live site: a HomePage as the default Site's root, a news index under it, and
posts in the "news" and "positive-stories" categories. Factories come from demo/factories/, never JSON.
"""

import datetime
import fcntl
import itertools
import os
import subprocess
import sys
import types
from urllib.parse import urlsplit

import factory.random
import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.utils import timezone, translation

from wagtail.models import Locale, Page, PageViewRestriction, Site

from demo.factories.home import HomePageFactory, ImageFactory, StandardPageFactory
from demo.factories.news import BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory
from members.models import Organisation
from tests.smtp import smtp, smtp_controller, smtp_down  # noqa: F401  (fixtures for every test)

# Factories draw names and dates from sequences and Faker: seed them so failures repeat.
factory.random.reseed_random("imix-tests")


# Packages whose tests share one expensive package-scoped fixture: the test workers hand each such package to one
# worker as a whole, so the fixture is built once per run rather than once on every worker that gets a module.
SHARED_FIXTURE_PACKAGES = ("tests/demo/",)


def pytest_xdist_make_scheduler(config, log):
    """Under `--dist loadscope`, schedule each package in SHARED_FIXTURE_PACKAGES as a single unit."""
    if config.getoption("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class PackageAwareLoadScopeScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid):
            for package in SHARED_FIXTURE_PACKAGES:
                if nodeid.startswith(package):
                    return package
            return super()._split_scope(nodeid)

    return PackageAwareLoadScopeScheduling(config, log)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(
    request, django_db_modify_db_settings_parallel_suffix, django_db_createdb, tmp_path_factory
):
    """On PostgreSQL with test workers and --create-db (as CI runs), each worker's database is a copy of one
    migrated once, instead of every worker running every migration at the same time.

    The first worker to get here migrates a template database (`test_<name>_template`) in a child process; the
    others wait for it. Django then creates each worker's database from it (PostgreSQL's CREATE DATABASE ...
    TEMPLATE) and its migrate finds nothing left to apply.
    """
    worker = getattr(request.config, "workerinput", {}).get("workerid")
    database = settings.DATABASES["default"]
    if not (worker and django_db_createdb and database["ENGINE"] == "django.db.backends.postgresql"):
        return
    template = f"test_{database['NAME']}_template"
    shared = tmp_path_factory.getbasetemp().parent  # the same directory for every worker of this run
    with open(shared / "template-database.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        ready = shared / "template-database.ready"
        if not ready.exists():
            _migrate_template_database(database, template)
            ready.write_text(template)
    database["TEST"]["TEMPLATE"] = template


def _migrate_template_database(database, template):
    """Create `template` afresh and migrate it with the test settings, outside this process's coverage tracing."""
    import psycopg2
    from psycopg2 import sql

    admin = psycopg2.connect(
        dbname="postgres",
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        host=database["HOST"] or None,
        port=database["PORT"] or None,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(template)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(template)))
    admin.close()
    environment = {
        **os.environ,
        "DATABASE_URL": urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{template}").geturl(),
        "DJANGO_SETTINGS_MODULE": "imix_site.settings.test",
    }
    subprocess.run(  # noqa: S603 - our own manage.py, with arguments of our own
        [sys.executable, str(settings.BASE_DIR / "manage.py"), "migrate", "--no-input", "-v", "0"],
        env=environment,
        check=True,
    )


def pytest_configure(config):
    # WhiteNoise warns once per test client that STATIC_ROOT was never collected; tests serve no static files.
    config.addinivalue_line("filterwarnings", "ignore:No directory at:UserWarning")


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded test images go to a temporary directory, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def development_urls(settings):
    """The site's URLs as `make run` has them (DEBUG on), where uploaded files are served by their path.

    The test settings serve no media at all, so there a request for `/media/<file>` answers 404 whichever file
    it names; only under these URLs does that answer say whether a private file can be reached by its path.
    """
    from imix_site import urls

    settings.DEBUG = True
    module = types.ModuleType("development_urls")
    module.urlpatterns = [*urls.development_urlpatterns(), *urls.urlpatterns]
    settings.ROOT_URLCONF = module
    return module


@pytest.fixture(autouse=True)
def clear_cache():
    """The local-memory cache outlives each test's database transaction: Wagtail's site root paths and
    cached menus from one test must not leak into the next."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English: a request under /fr/ leaves French active in the thread, and the next
    test's messages would be in French."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def locale_ar(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def root_page(db):
    return Page.get_first_root_node()


@pytest.fixture
def home_page(root_page):
    """A live HomePage as the default Site's root, in place of the welcome page Wagtail's migration leaves.

    The welcome page is deleted first: it is a sibling with the same slug, and deleting it also deletes the
    Site pointing at it, so the Site is (re)created here, pointing at the new home page.
    """
    for welcome in Page.objects.filter(depth=2):
        welcome.delete()
    home = HomePageFactory(parent=root_page, last_published_at=timezone.now(), first_published_at=timezone.now())
    Site.objects.filter(is_default_site=True).delete()
    Site.objects.update_or_create(
        hostname="localhost",
        port=80,
        defaults={"root_page": home, "is_default_site": True, "site_name": "IMIX"},
    )
    return home


@pytest.fixture
def arabic_home_page(home_page, locale_ar):
    """The home page translated into Arabic and published, so the site answers under /ar/."""
    translation = home_page.copy_for_translation(locale_ar)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


@pytest.fixture
def standard_page(home_page):
    return StandardPageFactory(
        parent=home_page,
        title="About us",
        slug="about",
        introduction="IMIX changes the media conversation about migration and refugees.",
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
    )


@pytest.fixture
def blog_index(home_page):
    index = BlogIndexPageFactory(parent=home_page, first_published_at=timezone.now(), last_published_at=timezone.now())
    home_page.news_index = index
    home_page.save()
    return index


@pytest.fixture
def news_category(locale_en):
    return BlogCategoryFactory(name="News", slug="news", locale=locale_en)


@pytest.fixture
def positive_category(locale_en):
    return BlogCategoryFactory(name="Positive stories", slug="positive-stories", locale=locale_en)


@pytest.fixture
def make_post(blog_index):
    """Create one live post under the news index; keyword arguments go to BlogPageFactory."""

    def make(**kwargs):
        kwargs.setdefault("parent", blog_index)
        date = kwargs.get("date", timezone.localdate())
        published = timezone.make_aware(datetime.datetime.combine(date, datetime.time(9)))
        kwargs.setdefault("first_published_at", published)
        kwargs.setdefault("last_published_at", published)
        return BlogPageFactory(**kwargs)

    return make


@pytest.fixture
def make_posts(make_post):
    """Create N live posts, newest first in the returned list: the first dated `start` (default today), each
    next one a day older. Titles are "Post number N", numbered across calls so slugs never clash.

    With `with_images=True` every post gets its own (small, so renditions are quick) listing image.
    """

    numbers = itertools.count()

    def make(count, *, with_images=False, start=None, **kwargs):
        start = start or timezone.localdate()
        posts = []
        for day in range(count):
            number = next(numbers)
            extra = dict(kwargs)
            if with_images:
                extra["listing_image"] = ImageFactory(file__width=160, file__height=90)
            posts.append(
                make_post(
                    title=f"Post number {number}",
                    slug=f"post-number-{number}",
                    date=start - datetime.timedelta(days=day),
                    **extra,
                )
            )
        return posts

    return make


@pytest.fixture
def member_group(db):
    return Group.objects.get_or_create(name="Members")[0]


@pytest.fixture
def restrict_to_group(member_group):
    """Restrict a page (and so its subtree) to the members group, as an editor does under Privacy."""

    def restrict(page, group=None):
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        restriction.groups.add(group or member_group)
        return restriction

    return restrict


@pytest.fixture
def user(django_user_model):
    """A signed-in visitor who belongs to no group."""
    return django_user_model.objects.create_user(email="visitor@example.org", password="a-long-password")


@pytest.fixture
def member(django_user_model, member_group):
    """An approved member of a partner organisation: `members.access` puts them in the Members group."""
    organisation = Organisation.objects.create(name="Kent Refugee Action")
    return django_user_model.objects.create_user(
        email="member@example.org",
        password="a-long-password",
        organisation=organisation,
        membership_status=django_user_model.MembershipStatus.APPROVED,
    )


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's default Editors group, with admin access but not a superuser."""
    editor = django_user_model.objects.create_user(email="editor@example.org", password="a-long-password")
    editor.groups.add(Group.objects.get(name="Editors"))
    return editor
