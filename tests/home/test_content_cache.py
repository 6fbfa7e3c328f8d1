"""The content cache: one helper, one entry per content generation and language, and never a pickled page."""

import pickle
from types import SimpleNamespace

import pytest

from django.core.cache import cache
from django.utils import translation

from wagtail.models import Page

from demo.factories.home import ImageFactory
from demo.factories.journeys import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    JourneyThemeFactory,
    SafeguarderFactory,
    publish_through_review,
)
from home.content_cache import cached, clear_content_cache

pytestmark = pytest.mark.django_db


def _counting(value="built"):
    calls = []

    def compute():
        calls.append(1)
        return value

    return compute, calls


def test_cached__computes_once_until_the_content_changes():
    compute, calls = _counting()

    assert cached(("thing", 1), compute) == "built"
    assert cached(("thing", 1), compute) == "built"
    assert len(calls) == 1

    clear_content_cache()
    cached(("thing", 1), compute)
    assert len(calls) == 2


def test_cached__keeps_one_entry_per_language_and_per_key():
    compute, calls = _counting()

    cached(("thing", 1), compute)
    with translation.override("fr"):
        cached(("thing", 1), compute)
    cached(("thing", 2), compute)
    assert len(calls) == 3


def test_cached__keeps_an_empty_answer_too():
    compute, calls = _counting(value=None)

    assert cached(("nothing",), compute) is None
    assert cached(("nothing",), compute) is None
    assert len(calls) == 1


def test_cached__a_preview_always_computes_and_never_fills_the_cache():
    compute, calls = _counting(value="draft")
    preview = SimpleNamespace(is_preview=True)

    assert cached(("thing", 1), compute, request=preview) == "draft"
    assert cached(("thing", 1), compute, request=preview) == "draft"
    assert len(calls) == 2
    cached(("thing", 1), compute)
    assert len(calls) == 3, "the previews stored nothing"


def _pages_in(value):
    if isinstance(value, Page):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _pages_in(item)
    elif isinstance(value, list | tuple | set):
        for item in value:
            yield from _pages_in(item)


def test_cached_content__holds_html_and_plain_data_never_a_page(client, home_page, blog_index, make_posts, locale_en):
    posts = make_posts(4, with_images=True)
    home_page.hero_image = ImageFactory(file__width=320, file__height=180)
    home_page.featured_page = posts[1]
    home_page.save()
    theme = JourneyThemeFactory(name="Work", slug="work", locale=locale_en)
    reviewer = SafeguarderFactory()
    index = JourneyIndexPageFactory(parent=home_page)
    stories = [
        publish_through_review(JourneyPageFactory(parent=index, themes=[theme]), reviewer=reviewer) for _ in range(2)
    ]
    cache.clear()

    home = client.get("/en/").content.decode()
    story = client.get(stories[0].url).content.decode()

    assert posts[0].title in home and 'class="hero__media"' in home
    assert "journey-related" in story and stories[1].title in story
    # The test settings use the local-memory cache, which keeps values pickled.
    cached_values = [pickle.loads(value) for value in cache._cache.values()]  # noqa: S301 (our own cache)
    assert not [page for value in cached_values for page in _pages_in(value)]
