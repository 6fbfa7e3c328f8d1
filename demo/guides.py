"""What the demo toolkits say: drawn from IMIX's 2020 annual review (channel crossings, Covid-19, housing and
the EU Settlement Scheme). Figures are kept general on purpose: editors replace them with current ones."""

import datetime
from dataclasses import dataclass, field
from typing import Any

from .factories.toolkits import MessagingGuidePageFactory, QAToolkitPageFactory
from .streams import block_id

TOPICS = [
    {
        "name": "Channel crossings",
        "slug": "channel-crossings",
        "description": "People crossing the Channel to seek asylum.",
    },
    {"name": "EU Settlement Scheme", "slug": "eu-settlement-scheme", "description": "EU citizens' rights to stay."},
    {"name": "Covid-19", "slug": "covid-19", "description": "The pandemic, key workers and access to healthcare."},
    {"name": "Housing", "slug": "housing", "description": "Asylum accommodation, homelessness and housing."},
    {
        "name": "Trafficking and modern slavery",
        "slug": "trafficking-and-modern-slavery",
        "description": "Survivors of trafficking and modern slavery.",
    },
    {
        "name": "No recourse to public funds",
        "slug": "no-recourse-to-public-funds",
        "description": "People barred from most benefits by their immigration status.",
    },
    {"name": "Refugee Week", "slug": "refugee-week", "description": "The festival celebrating refugees each June."},
]

STATISTICS = {
    "title": "Home Office immigration statistics",
    "url": "https://www.gov.uk/government/collections/immigration-statistics-quarterly-release",
}


class Items:
    """Stored StreamField and ListBlock values with ids that are the same on every run."""

    def __init__(self, key):
        self.key = key

    def stream(self, block_type, values):
        return [
            {"type": block_type, "value": value, "id": block_id(self.key, block_type, index)}
            for index, value in enumerate(values)
        ]

    def items(self, name, values):
        return [
            {"type": "item", "value": value, "id": block_id(self.key, name, index)}
            for index, value in enumerate(values)
        ]


@dataclass
class DemoTranslation:
    """A toolkit's document in another language. Helvetica in the hand-made PDF has no Arabic, Cyrillic or
    Ge'ez letters, so those demo PDFs say in English what the real translation would hold."""

    language: str  # BCP 47
    english_name: str
    credit: str
    translated_on: datetime.date
    pdf: list
    pdf_language: str = "en-GB"
    note: str = ""


def placeholder_pdf(language):
    return [
        ("heading", f"{language} translation (demo)"),
        (
            "text",
            f"In the real toolkit this page holds the key messages translated into {language} by a partner "
            "organisation. The demo PDF is in English because its built-in font has no letters for this script.",
        ),
    ]


@dataclass
class DemoToolkit:
    factory: type
    title: str
    slug: str
    summary: str
    topics: list[str]
    last_reviewed: datetime.date
    members_only: bool
    build: Any
    pdf: list = field(default_factory=list)
    pdf_note: str = ""
    translations: list = field(default_factory=list)

    @property
    def pdf_title(self):
        return f"{self.title} (PDF)"

    def content(self, seeder):
        return self.build(Items(f"toolkits/{self.slug}"), seeder)


def _related(seeder, *slugs):
    return [{"type": "toolkit", "value": seeder.pages[f"toolkits/{slug}"].pk} for slug in slugs]


def housing(items, seeder):
    return {
        "context": "<p>Stories about housing often set refugees and migrants against other people in need. The "
        "shortage of homes is real; who is blamed for it is a choice the story makes.</p>",
        "key_messages": items.stream(
            "message",
            [
                "Everyone deserves a safe, decent home, whoever they are and wherever they were born.",
                "The shortage of affordable homes was not caused by people seeking safety.",
                "People seeking asylum do not choose where they live and are not allowed to work while they wait.",
            ],
        ),
        "framing": items.stream(
            "pair",
            [
                {
                    "say_this": "Families waiting for a decision are housed wherever the Home Office sends them.",
                    "not_that": "Asylum seekers are jumping the housing queue.",
                    "reason": "Asylum accommodation is not social housing; the myth it answers is better not repeated.",
                },
                {
                    "say_this": "We all want our neighbourhoods to have enough homes.",
                    "not_that": "Migrants are not to blame for the housing crisis.",
                    "reason": "Start from shared values; a denial repeats the accusation.",
                },
            ],
        ),
        "recommended_terms": items.stream(
            "term",
            [
                {"term": "People seeking asylum", "instead_of": "Asylum seekers", "note": "Puts the person first."},
                {"term": "Asylum accommodation", "instead_of": "Free housing", "note": ""},
            ],
        ),
        "evidence": items.stream(
            "point",
            [
                {
                    "point": "People seeking asylum are housed by Home Office contractors, not by councils' waiting "
                    "lists.",
                    "sources": items.items("sources", [STATISTICS]),
                }
            ],
        ),
        "examples": items.stream(
            "example",
            [
                {"kind": "social_post", "text": "A safe home is where everyone's life starts again. #HomesForAll"},
                {"kind": "soundbite", "text": "Nobody chose the housing shortage, least of all the families in it."},
            ],
        ),
        "related_toolkits": _related(seeder, "covid-19"),
    }


def channel_crossings(items, seeder):
    return {
        "context": "<p>Since the summer of 2019, people crossing the Channel in small boats have been a front-page "
        "story. IMIX supported organisations in Kent, East Sussex, Calais and Dunkirk with media requests.</p>",
        "key_messages": items.stream(
            "message",
            [
                "People cross the Channel in small boats because there are almost no safe routes to claim asylum.",
                "Most of the people crossing are fleeing war and persecution.",
                "Saving lives at sea must always come first.",
            ],
        ),
        "framing": items.stream(
            "pair",
            [
                {
                    "say_this": "People seeking safety",
                    "not_that": "Illegal migrants",
                    "reason": "Seeking asylum is a legal right, whatever the route taken.",
                },
                {
                    "say_this": "Safe routes would end dangerous journeys.",
                    "not_that": "Invasion, swarm, flood",
                    "reason": "Dehumanising words make cruelty easier and are inaccurate.",
                },
            ],
        ),
        "recommended_terms": items.stream(
            "term", [{"term": "Crossing the Channel", "instead_of": "Channel migrants", "note": ""}]
        ),
        "evidence": items.stream(
            "point",
            [
                {
                    "point": "A large share of people arriving in small boats are later recognised as refugees.",
                    "sources": items.items("sources", [STATISTICS]),
                }
            ],
        ),
        "examples": items.stream(
            "example",
            [
                {
                    "kind": "soundbite",
                    "text": "No one puts their children in a boat unless the water is safer than the land.",
                }
            ],
        ),
        "related_toolkits": _related(seeder, "channel-crossings-qa"),
    }


def covid(items, seeder):
    return {
        "context": "<p>The pandemic showed how many of the people keeping the country going are migrants and "
        "refugees: in the NHS, in care homes, in shops and on farms.</p>",
        "key_messages": items.stream(
            "message",
            [
                "Migrant key workers kept us safe and fed during the pandemic.",
                "Public health is only as strong as everyone's access to healthcare.",
            ],
        ),
        "framing": items.stream(
            "pair",
            [
                {
                    "say_this": "Key workers who came here to build their lives",
                    "not_that": "Low-skilled migrants",
                    "reason": "The pandemic showed which work is essential.",
                }
            ],
        ),
        "examples": items.stream(
            "example",
            [{"kind": "social_post", "text": "We clapped for them. Now let's stand up for them. #KeyWorkers"}],
        ),
        "related_toolkits": _related(seeder, "housing"),
    }


def _question(items, prefix, question, short_answer, full_answer, sources=()):
    return {
        "question": question,
        "short_answer": short_answer,
        "full_answer": f"<p>{full_answer}</p>",
        "sources": items.items(f"{prefix}-sources", list(sources)),
    }


def channel_crossings_qa(items, seeder):
    questions = [
        _question(
            items,
            "why",
            "Why don't they claim asylum in France?",
            "Many do. Those who come here often have family, language or community ties in the UK.",
            "France receives far more asylum claims than the UK each year. There is no rule that a refugee must "
            "claim in the first safe country they reach.",
        ),
        _question(
            items,
            "legal",
            "Isn't crossing the Channel illegal?",
            "Seeking asylum is a legal right, and there are almost no safe routes to do it from France.",
            "The Refugee Convention recognises that refugees often have to travel without papers.",
            [STATISTICS],
        ),
    ]
    return {
        "sections": items.stream(
            "section",
            [{"title": "The questions journalists ask most", "questions": items.items("questions", questions)}],
        ),
        "related_toolkits": _related(seeder, "channel-crossings"),
    }


def eu_settlement_scheme_qa(items, seeder):
    questions = [
        _question(
            items,
            "who",
            "Who needs to apply to the EU Settlement Scheme?",
            "EU, EEA and Swiss citizens living in the UK, and their families.",
            "People who do not apply in time risk losing their right to work, rent a home and use the NHS.",
        ),
        _question(
            items,
            "help",
            "Where can people get help?",
            "From the organisations funded to help people apply, many of them IMIX partners.",
            "Older people, children in care and people without internet access are most at risk of missing out.",
        ),
    ]
    return {
        "sections": items.stream("section", [{"title": "Applying", "questions": items.items("questions", questions)}]),
    }


GUIDES = [
    DemoToolkit(
        factory=MessagingGuidePageFactory,
        title="Talking about housing",
        slug="housing",
        summary="How to talk about housing without setting people in need against each other.",
        topics=["housing", "no-recourse-to-public-funds"],
        last_reviewed=datetime.date(2020, 9, 14),
        members_only=False,
        build=housing,
    ),
    DemoToolkit(
        factory=MessagingGuidePageFactory,
        title="Talking about Channel crossings",
        slug="channel-crossings",
        summary="Key messages, framing and terms for talking about people crossing the Channel to seek asylum.",
        topics=["channel-crossings"],
        last_reviewed=datetime.date(2020, 10, 5),
        members_only=True,
        build=channel_crossings,
        pdf=[
            ("heading", "Key messages"),
            ("text", "People cross the Channel in small boats because there are almost no safe routes."),
            ("text", "Say 'people seeking safety', not 'illegal migrants'."),
        ],
        pdf_note="A one-page summary to print or share with colleagues in your organisation.",
        translations=[
            DemoTranslation(
                "ar",
                "Arabic",
                "Volunteers of the Kent Refugee Action Network",
                datetime.date(2020, 10, 19),
                placeholder_pdf("Arabic"),
            ),
            DemoTranslation(
                "uk",
                "Ukrainian",
                "Hastings Refugee Buddy Project",
                datetime.date(2020, 11, 2),
                placeholder_pdf("Ukrainian"),
            ),
            DemoTranslation(
                "ti",
                "Tigrinya",
                "Eritrean community volunteers, Kent",
                datetime.date(2020, 11, 9),
                placeholder_pdf("Tigrinya"),
                note="Key messages only.",
            ),
            DemoTranslation(
                "cy",
                "Welsh",
                "Cyfieithu Cymunedol",
                datetime.date(2020, 10, 26),
                [
                    ("heading", "Negeseuon allweddol"),
                    (
                        "text",
                        "Mae pobl yn croesi'r Sianel mewn cychod bach oherwydd nad oes bron dim llwybrau diogel.",
                    ),
                    ("text", "Dywedwch 'pobl sy'n chwilio am ddiogelwch', nid 'mudwyr anghyfreithlon'."),
                ],
                pdf_language="cy",
            ),
        ],
    ),
    DemoToolkit(
        factory=MessagingGuidePageFactory,
        title="Talking about Covid-19",
        slug="covid-19",
        summary="Showing the contribution of migrant key workers, and why healthcare for everyone protects us all.",
        topics=["covid-19"],
        last_reviewed=datetime.date(2020, 7, 20),
        members_only=True,
        build=covid,
        pdf=[("heading", "Key messages"), ("text", "Migrant key workers kept us safe and fed during the pandemic.")],
        pdf_note="Social media graphics and key messages, for members.",
    ),
]

QA_TOOLKITS = [
    DemoToolkit(
        factory=QAToolkitPageFactory,
        title="Channel crossings: questions and answers",
        slug="channel-crossings-qa",
        summary="The difficult questions journalists ask about Channel crossings, with the line to take on each.",
        topics=["channel-crossings"],
        last_reviewed=datetime.date(2020, 10, 12),
        members_only=True,
        build=channel_crossings_qa,
    ),
    DemoToolkit(
        factory=QAToolkitPageFactory,
        title="EU Settlement Scheme: questions and answers",
        slug="eu-settlement-scheme-qa",
        summary="What the EU Settlement Scheme is, who must apply and where to get help.",
        topics=["eu-settlement-scheme"],
        last_reviewed=datetime.date(2020, 6, 1),
        members_only=False,
        build=eu_settlement_scheme_qa,
    ),
]
