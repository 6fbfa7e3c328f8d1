"""Fixtures for toolkits: an index under the home page, topics, and toolkits public or members-only."""

import pytest

from django.utils import timezone

from demo.factories.toolkits import (
    MessagingGuidePageFactory,
    QAToolkitPageFactory,
    ToolkitIndexPageFactory,
    TopicFactory,
)


@pytest.fixture
def toolkit_index(home_page):
    return ToolkitIndexPageFactory(
        parent=home_page, first_published_at=timezone.now(), last_published_at=timezone.now()
    )


@pytest.fixture
def topics(locale_en):
    return {
        slug: TopicFactory(name=name, slug=slug, locale=locale_en)
        for slug, name in [("housing", "Housing"), ("channel-crossings", "Channel crossings"), ("covid-19", "Covid-19")]
    }


@pytest.fixture
def make_guide(toolkit_index, member_group):
    def make(**kwargs):
        kwargs.setdefault("parent", toolkit_index)
        kwargs.setdefault("first_published_at", timezone.now())
        kwargs.setdefault("last_published_at", timezone.now())
        return MessagingGuidePageFactory(**kwargs)

    return make


@pytest.fixture
def make_qa(toolkit_index, member_group):
    def make(**kwargs):
        kwargs.setdefault("parent", toolkit_index)
        kwargs.setdefault("first_published_at", timezone.now())
        kwargs.setdefault("last_published_at", timezone.now())
        return QAToolkitPageFactory(**kwargs)

    return make
