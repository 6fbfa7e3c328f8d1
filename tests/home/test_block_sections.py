"""Blocks open a <section> only when it has a heading: the Nu HTML checker warns of a section without one, and
screen readers list every section as a landmark that, unnamed, says nothing."""

import pytest
from bs4 import BeautifulSoup

from django.utils import timezone

from demo.factories.home import StandardPageFactory
from home.models import StandardPage

pytestmark = pytest.mark.django_db

HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"]


def _page_with(home_page, blocks):
    page = StandardPageFactory(
        parent=home_page, title="What we do", slug="what-we-do", first_published_at=timezone.now()
    )
    page.body = StandardPage.body.field.stream_block.to_python(blocks)
    page.save_revision().publish()
    return page


ACCORDION = {"items": [{"title": "Who can join?", "body": "<p>Organisations working with migrants.</p>"}]}
STATISTICS = {"statistics": [{"value": "350", "label": "member organisations"}]}


@pytest.mark.parametrize("heading", ["", "Questions"])
def test_accordion_and_statistics__are_sections_only_with_a_heading(client, home_page, heading):
    _page_with(
        home_page,
        [
            {"type": "accordion", "value": {**ACCORDION, "heading": heading}},
            {"type": "statistics", "value": {**STATISTICS, "heading": heading}},
        ],
    )

    main = BeautifulSoup(client.get("/en/what-we-do/").content, "html.parser").main

    for section in main.find_all("section"):
        assert section.find(HEADINGS), f"A section without a heading: {str(section)[:200]}"
    assert main.find("details").find("summary").get_text() == "Who can join?"
    assert "350" in main.find(class_="block-statistics").get_text()
    assert len(main.find_all("section", class_=["block-accordion", "block-statistics"])) == (2 if heading else 0)
