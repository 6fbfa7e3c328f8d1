"""Every page type, translated into every language, keeps its source page's privacy and consent after the
source's privacy changes: nobody reads a members-only page, or a withdrawn story, by switching language."""

import pytest

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, Page, PageViewRestriction

from demo.factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory
from demo.factories.home import StandardPageFactory
from demo.factories.journeys import (
    JourneyIndexPageFactory,
    JourneyPageFactory,
    SafeguarderFactory,
    ShareJourneyPageFactory,
    publish_through_review,
)
from demo.factories.news import BlogIndexPageFactory, BlogPageFactory
from demo.factories.toolkits import MessagingGuidePageFactory, QAToolkitPageFactory, ToolkitIndexPageFactory
from journeys.consent.withdrawal import withdraw_consent
from journeys.models import ConsentRecord, JourneyPage
from toolkits.models import ToolkitPage

pytestmark = pytest.mark.django_db

TRANSLATED_LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != settings.LANGUAGE_CODE]


def privacy(page):
    """A page's own restrictions as something comparable across pages: type, password and group names."""
    return sorted(
        (restriction.restriction_type, restriction.password, tuple(sorted(g.name for g in restriction.groups.all())))
        for restriction in PageViewRestriction.objects.filter(page=page).prefetch_related("groups")
    )


@pytest.fixture
def site(home_page, restrict_to_group):
    """One page of every type in the source language, some public and some not, as editors leave them."""
    now = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    about = StandardPageFactory(parent=home_page, slug="about", **now)
    news = BlogIndexPageFactory(parent=home_page, **now)
    toolkits = ToolkitIndexPageFactory(parent=home_page, slug="toolkits", **now)
    briefings = BriefingIndexPageFactory(parent=home_page)
    journeys = JourneyIndexPageFactory(parent=home_page, **now)
    pages = {
        "home": home_page,
        "about": about,
        "news": news,
        "post": BlogPageFactory(parent=news, **now),
        "toolkits": toolkits,
        "guide": MessagingGuidePageFactory(parent=toolkits, members_only=True, **now),
        "qa": QAToolkitPageFactory(parent=toolkits, members_only=False, **now),
        "briefings": briefings,
        "briefing": PressBriefingPageFactory(parent=briefings),
        "journeys": journeys,
        "share": ShareJourneyPageFactory(parent=journeys, **now),
    }
    reviewer = SafeguarderFactory()
    pages["story"] = publish_through_review(JourneyPageFactory(parent=journeys, slug="story"), reviewer=reviewer)
    restrict_to_group(about)

    for page in sorted(pages.values(), key=lambda page: page.path):
        for code in TRANSLATED_LANGUAGES:
            translation = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
            if isinstance(translation, JourneyPage):
                publish_through_review(translation, reviewer=reviewer)
            else:
                translation.save_revision().publish()
    return pages


def change_privacy_after_translating(pages, member_group):
    """What editors do on the source pages once the translations exist."""
    PageViewRestriction.objects.create(page=pages["post"], restriction_type=PageViewRestriction.LOGIN)
    for toolkit, members_only in ((pages["guide"], False), (pages["qa"], True)):
        toolkit.members_only = members_only
        toolkit.save_revision().publish()
    restriction = PageViewRestriction.objects.get(page=pages["about"])
    restriction.groups.add(Group.objects.get(name="Editors"))
    PageViewRestriction.objects.create(
        page=pages["share"], restriction_type=PageViewRestriction.PASSWORD, password="a-shared-secret"
    )


def test_every_locale__privacy_and_consent_follow_the_source(site, member_group, client):
    change_privacy_after_translating(site, member_group)
    default = Locale.get_default()

    translations = Page.objects.filter(depth__gt=1).exclude(locale=default).specific().order_by("path")
    assert translations.count() == len(site) * len(TRANSLATED_LANGUAGES)
    for translation in translations:
        source = translation.get_translation(default)
        assert privacy(translation) == privacy(source), translation.url
        if isinstance(translation, ToolkitPage):
            assert translation.members_only == source.specific.members_only, translation.url
        if isinstance(translation, JourneyPage):
            record = ConsentRecord.objects.for_page(translation)
            assert record is not None
            assert record.journey_id == source.pk
            assert ConsentRecord.objects.filter(journey__translation_key=translation.translation_key).count() == 1

    # What a visitor notices: the toolkit made members-only is gated in every language, the other is not.
    for code in TRANSLATED_LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        qa = site["qa"].get_translation(locale)
        guide = site["guide"].get_translation(locale)
        briefing = site["briefing"].get_translation(locale)
        assert qa.url.startswith(f"/{code}/")
        assert client.get(qa.url).status_code == 403, qa.url
        assert client.get(guide.url).status_code == 200, guide.url
        assert client.get(briefing.url).status_code == 403, briefing.url

    # And the monitoring command agrees.
    call_command("check_translation_privacy")

    # Consent withdrawn on the source: the story is live in no language (one site build for both checks).
    story = site["story"]
    assert JourneyPage.objects.filter(translation_key=story.translation_key, live=True).count() == 1 + len(
        TRANSLATED_LANGUAGES
    )

    withdraw_consent(ConsentRecord.objects.for_page(story), reason="Asked us to take it down.")

    assert not JourneyPage.objects.filter(translation_key=story.translation_key, live=True).exists()
    call_command("check_translation_privacy")
