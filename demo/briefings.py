"""The briefings' demo content: a members-only archive with five press briefings.

Built by `seed(seeder)`, which `demo.build` calls; it follows the seeder's rule of creating what is missing
and leaving what exists alone. The stories, outlets and links are made up for the demo
(every link points at example.org), in the style of a real briefing.

Seeding never emails anyone: the briefings are published inside `briefing_emails_suppressed()`, which
records them as "published without email", so a later re-publish by an editor does not email them either.
"""

import datetime
from zoneinfo import ZoneInfo

from briefings.signals import briefing_emails_suppressed

from .factories.briefings import BriefingIndexPageFactory, PressBriefingPageFactory, briefing_item
from .seeder import PageSpec

__all__ = ["BRIEFINGS", "seed"]

LONDON = ZoneInfo("Europe/London")
PUBLISHED_AT = datetime.time(8, 0)

BRIEFINGS = [
    {
        "date": datetime.date(2026, 11, 16),
        "summary": "Small-boat crossings lead the news after a busy weekend in the Channel; a regional paper "
        "profiles a refugee-run bakery.",
        "items": [
            briefing_item(
                "Hundreds cross the Channel as calm weather returns",
                outlet="The Daily Courier (illustrative)",
                link="https://example.org/courier/channel-crossings-weekend",
                summary="The paper reports weekend crossing figures and quotes an MP calling for tougher measures. "
                "No refugee voices are included.",
                line="People risk these journeys because there are so few safe routes. Safe routes, such as "
                "refugee family reunion and resettlement, save lives.",
            ),
            briefing_item(
                "From Aleppo to Accrington: the bakery bringing a town together",
                outlet="Lancashire Example News (illustrative)",
                link="https://example.org/lancashire/bakery",
                summary="A warm profile of a Syrian family's bakery, now employing six local people.",
                line="Share it: stories like this show what people who move here bring to their communities.",
            ),
        ],
    },
    {
        "date": datetime.date(2026, 11, 17),
        "summary": "New asylum accommodation figures; commentary on hotels; an explainer on the backlog.",
        "items": [
            briefing_item(
                "Asylum hotel bill revealed in new figures",
                outlet="The Morning Ledger (illustrative)",
                link="https://example.org/ledger/hotel-costs",
                summary="Figures show the cost of hotel accommodation; the article blames people seeking asylum.",
                line="Hotels are expensive because of the backlog in decisions. Faster, fair decisions and "
                "the right to work would cut costs and help people rebuild their lives.",
            ),
            briefing_item(
                "Explained: why the asylum backlog is so long",
                outlet="Example Broadcasting (illustrative)",
                link="https://example.org/broadcasting/backlog-explained",
                summary="A balanced explainer on caseworker numbers and waiting times.",
                line="A useful, accurate piece to share with supporters who ask about waiting times.",
            ),
        ],
    },
    {
        "date": datetime.date(2026, 11, 18),
        "summary": "EU Settlement Scheme deadlines for late applications; a charity warns of people losing status.",
        "items": [
            briefing_item(
                "Thousands at risk of losing rights under settlement scheme, charity warns",
                outlet="The Evening Example (illustrative)",
                link="https://example.org/evening/settlement-scheme",
                summary="A charity says many older EU citizens and children in care have not applied.",
                line="Nobody who has made their life here should lose their rights because of a deadline. "
                "Late applications with reasonable grounds must be accepted.",
            ),
        ],
    },
    {
        "date": datetime.date(2026, 11, 19),
        "summary": "Modern slavery figures published; a columnist conflates trafficking with migration.",
        "items": [
            briefing_item(
                "Record referrals of potential victims of modern slavery",
                outlet="The Daily Courier (illustrative)",
                link="https://example.org/courier/modern-slavery",
                summary="Official referral figures rise for the third year; the article reports them accurately.",
                line="Behind each referral is a person who needs support. Survivors need time, safety and "
                "advice to recover.",
            ),
            briefing_item(
                "Comment: our borders are open to traffickers",
                outlet="The Sunday Example (illustrative)",
                link="https://example.org/sunday/comment-borders",
                summary="A comment piece that treats victims of trafficking as offenders.",
                line="Don't amplify it. If asked, separate the crime (trafficking) from the people it harms.",
            ),
        ],
    },
    {
        "date": datetime.date(2026, 11, 20),
        "summary": "Housing: newly recognised refugees facing homelessness; councils call for a longer move-on period.",
        "items": [
            briefing_item(
                "Newly recognised refugees sleeping rough within weeks of decision",
                outlet="The Morning Ledger (illustrative)",
                link="https://example.org/ledger/move-on-period",
                summary="Councils say the 28-day move-on period is too short to find a home.",
                line="Give people time to find a home: extend the move-on period to at least 56 days.",
            ),
            briefing_item(
                "Volunteers open their homes to refugees",
                outlet="Example Community Radio (illustrative)",
                link="https://example.org/radio/hosting",
                summary="A hosting scheme in the Midlands matches volunteers with people at risk of homelessness.",
                line="A positive story worth sharing, with the scheme's contact details.",
            ),
        ],
    },
]


def _briefing_spec(fields):
    date = fields["date"]
    return PageSpec(
        key=f"briefings/{date:%Y-%m-%d}",
        factory=PressBriefingPageFactory,
        title=f"Press briefing, {date:%-d %B %Y}",
        slug=f"briefing-{date:%Y-%m-%d}",
        parent="briefings",
        fields={"date": date, "summary": fields["summary"], "items": fields["items"], "listing_summary": ""},
        published_at=datetime.datetime.combine(date, PUBLISHED_AT, tzinfo=LONDON),
    )


def seed(seeder):
    with briefing_emails_suppressed():
        seeder.ensure_pages(
            [
                PageSpec(
                    key="briefings",
                    factory=BriefingIndexPageFactory,
                    title="Press briefings",
                    slug="press-briefings",
                    fields={
                        "introduction": (
                            "Every weekday morning, members of the IMIX network receive a briefing on the big "
                            "migration stories in the news, with a suggested line to take. The demo briefings "
                            "here are illustrative."
                        ),
                        "listing_summary": "The daily press briefing for members of the IMIX network.",
                    },
                )
            ]
        )
        seeder.ensure_pages([_briefing_spec(fields) for fields in BRIEFINGS])
