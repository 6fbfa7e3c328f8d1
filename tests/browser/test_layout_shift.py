"""Nothing moves while a page loads on a phone: the cumulative layout shift stays below 0.1 ("good" in Core Web
Vitals), with the scripts arriving late as they do on a slow connection.

A phone on a slow network paints the HTML and CSS long before the deferred scripts run. Anything the scripts
change on arrival (the menu closing, a story collapsing behind its content warning) then moves the whole page,
which is what Lighthouse reported. Holding the scripts back here makes the first paint happen without them on
any machine, so the test sees the page as that phone does.
"""

import time

import pytest

from django.utils import timezone

from tests.browser.helpers import browser_test

pytestmark = browser_test

PHONE_VIEWPORT = {"width": 390, "height": 844}
SCRIPT_DELAY_SECONDS = 1.0
GOOD_CUMULATIVE_LAYOUT_SHIFT = 0.1

# Registered before any of the page's own code runs; `buffered` also delivers the shifts seen before that.
RECORD_LAYOUT_SHIFTS_JS = """
window.__layoutShifts = [];
new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) {
            window.__layoutShifts.push({
                value: entry.value,
                sources: (entry.sources || []).map((source) => source.node ? source.node.outerHTML.slice(0, 120) : ""),
            });
        }
    }
}).observe({type: "layout-shift", buffered: true});
"""

# Two animation frames after load: any shift caused by the last script has been laid out and reported.
SETTLED_SHIFTS_JS = """
async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    await new Promise((resolve) => setTimeout(resolve, 100));
    return window.__layoutShifts;
}
"""


@pytest.fixture
def slow_script_phone_page(browser_page_factory, site_url):
    """A phone-sized page whose scripts arrive a second after they are asked for."""
    page = browser_page_factory(PHONE_VIEWPORT)

    def late_script(route):
        time.sleep(SCRIPT_DELAY_SECONDS)
        route.continue_()

    page.route(f"{site_url}/static/js/**", late_script)
    page.add_init_script(RECORD_LAYOUT_SHIFTS_JS)
    return page


@pytest.fixture
def story(site_tree):
    """A story published through the Safeguarding review, behind a content warning, with a listing image."""
    from demo.factories.home import ImageFactory
    from demo.factories.journeys import (
        JourneyIndexPageFactory,
        JourneyPageFactory,
        SafeguarderFactory,
        ShareJourneyPageFactory,
        publish_through_review,
    )
    from journeys.models import ContentWarning

    index = JourneyIndexPageFactory(parent=site_tree.home)
    ShareJourneyPageFactory(parent=index)
    draft = JourneyPageFactory(
        parent=index,
        title="The night we crossed",
        listing_image=ImageFactory(
            title="A harbour", description="Boats in a harbour", file__width=640, file__height=360
        ),
        content_warnings=[ContentWarning.DANGEROUS_JOURNEY],
    )
    return publish_through_review(draft, reviewer=SafeguarderFactory())


@pytest.fixture
def toolkit(site_tree):
    from demo.factories.toolkits import MessagingGuidePageFactory, ToolkitIndexPageFactory, TopicFactory

    published = {"first_published_at": timezone.now(), "last_published_at": timezone.now()}
    index = ToolkitIndexPageFactory(parent=site_tree.home, **published)
    return MessagingGuidePageFactory(
        parent=index,
        title="Talking about housing",
        topics=[TopicFactory(name="Housing", slug="housing")],
        recommended_terms=[("term", {"term": "People seeking asylum", "instead_of": "Asylum seekers", "note": ""})],
        **published,
    )


def cumulative_layout_shift(page, url):
    response = page.goto(url, wait_until="load")
    assert response.status == 200, url
    shifts = page.evaluate(SETTLED_SHIFTS_JS)
    return sum(shift["value"] for shift in shifts), shifts


@pytest.mark.parametrize("which", ["home page", "story", "toolkit"])
def test_page__does_not_shift_while_loading_on_a_phone(slow_script_phone_page, site_tree, story, toolkit, which):
    url = {"home page": site_tree.home.url, "story": story.url, "toolkit": toolkit.url}[which]

    total, shifts = cumulative_layout_shift(slow_script_phone_page, url)

    assert total < GOOD_CUMULATIVE_LAYOUT_SHIFT, (
        f"The {which} shifted by {total:.3f} while loading ({url}); what moved:\n"
        + "\n".join(f"{shift['value']:.3f}: {' | '.join(shift['sources'])}" for shift in shifts)
    )
