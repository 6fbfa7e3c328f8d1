"""Factories for the press briefings (briefings/), shared by the tests and the demo site."""

import datetime

import factory

from briefings.models import BriefingIndexPage, PressBriefingPage

from .home import BasePageFactory

__all__ = [
    "BriefingIndexPageFactory",
    "PressBriefingPageFactory",
    "briefing_item",
]


def briefing_item(headline, outlet="Example News", link="https://example.org/story", summary="", line=""):
    """One story as the StreamField's raw data: ("item", {...})."""
    return (
        "item",
        {
            "headline": headline,
            "outlet": outlet,
            "link": link,
            "summary": summary or f"What {outlet} reported.",
            "suggested_line": line,
        },
    )


class BriefingIndexPageFactory(BasePageFactory):
    """Saving the page restricts it to the Members group (see `briefings.signals`)."""

    class Meta:
        model = BriefingIndexPage

    title = "Press briefings"
    slug = "press-briefings"
    introduction = "Every weekday morning, members receive a briefing on the migration stories in the news."


class PressBriefingPageFactory(BasePageFactory):
    class Meta:
        model = PressBriefingPage

    date = factory.Sequence(lambda n: datetime.date(2026, 11, 20) - datetime.timedelta(days=n))
    title = factory.LazyAttribute(lambda page: f"Press briefing, {page.date:%-d %B %Y}")
    slug = factory.LazyAttribute(lambda page: f"briefing-{page.date:%Y-%m-%d}")
    summary = factory.LazyAttribute(lambda page: f"The migration stories in the news on {page.date:%-d %B %Y}.")
    listing_summary = ""
    items = factory.LazyFunction(
        lambda: [
            briefing_item(
                "Home Office announces review of asylum accommodation",
                summary="The department will review how hotels are used.",
                line="Everyone deserves a safe place to live while their claim is decided.",
            )
        ]
    )
