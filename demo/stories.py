"""The words of the Human Journeys demo: themes, the index and share pages, seven stories and two submissions.

Every storyteller here is invented, and every story says so in its listing summary and in a closing note,
so nobody mistakes the demonstration for a real person's account. The "real names" in the consent records
are invented too; they differ from every word of their story, as a real story's must when the identity
level hides the name (the publication guard checks).

Each story has its own illustrations: taking a story down quarantines its pictures, so a picture shared
with another page would vanish from that page as well.
"""

import datetime
from dataclasses import dataclass, field

from journeys.models import ContentWarning, IdentityLevel

from .artwork import CORAL, LEAF, MIST, NAVY, SAND, TEAL, Illustration

FICTION_NOTE = "A fictional story written for this demonstration."
CLOSING_NOTE = (
    "<p><i>This is a fictional story, written for the IMIX demonstration site. The storyteller, the people "
    "in it and the details of their journey are invented.</i></p>"
)
COLLECTED_BY = "Leila Haddad, training and network coordinator (fictional)"

WARM = (NAVY, CORAL, SAND, MIST, TEAL)
GREEN = (TEAL, LEAF, CORAL, SAND, NAVY)
DUSK = (NAVY, TEAL, CORAL, SAND, LEAF)

THEMES = [
    {"name": "Arrival", "slug": "arrival", "description": "First days, first weeks: arriving somewhere new."},
    {"name": "Belonging", "slug": "belonging", "description": "Finding a place, and people, to call home."},
    {"name": "Community", "slug": "community", "description": "Neighbours, teams, faith groups and friends."},
    {"name": "Education", "slug": "education", "description": "Learning English, going back to college."},
    {"name": "Family", "slug": "family", "description": "Families apart, families together, families made."},
    {"name": "Work", "slug": "work", "description": "Looking for work, starting again, building a trade."},
]

INDEX_ILLUSTRATION = Illustration(
    key="journeys-index-paths",
    title="Many dotted paths meeting (Human Journeys)",
    description="Abstract illustration: five dotted paths in sand, coral and green cross a navy background "
    "and meet at one bright point.",
    motif="routes",
    palette=DUSK,
)

INDEX_FIELDS = {
    "introduction": (
        "Stories of people with lived experience of migration, told in their own words and shared with their "
        "consent. Some storytellers use their name; others, to keep themselves or their family safe, do not."
    ),
    "listing_summary": "Stories of lived experience of migration, shared safely and in the storytellers' own words.",
}

SHARE_FIELDS = {
    "introduction": (
        "Have you moved to the UK, as a refugee, a migrant or with your family? We would love to hear your story, "
        "in your own words and in any language. Write as much or as little as you like. You decide how you are "
        "named, or whether you are named at all."
    ),
    "thank_you_text": (
        "Thank you for trusting us with your story. Only our Safeguarding team will read it. If you left a way to "
        "contact you, one of us will get in touch within two weeks. Nothing is published until we have talked "
        "with you and you have agreed, and you can change your mind at any time."
    ),
    "listing_summary": "Tell us your story. Only our Safeguarding team reads it, and nothing is published without you.",
}

SHARE_REASSURANCE = [
    (
        "<h2>What happens next</h2>"
        "<p>A member of our Safeguarding team reads every story. If you left a way to contact you, they will get "
        "in touch to talk it through: what you would like to share, where, and how you want to be named.</p>"
        "<p>Nothing you send appears on this website until you have agreed, in writing, to what will be "
        "published.</p>"
    ),
    (
        "<h2>Keeping you safe</h2>"
        "<ul><li>You can use your full name, your first name, a name you choose, or no name at all.</li>"
        "<li>We take out anything that could identify you or your family if you ask us to, and we remove the "
        "hidden details (like where a photo was taken) from any photo you send.</li>"
        "<li>You can ask us to take your story down at any time, and we will.</li></ul>"
        "<p>If you are waiting for a decision on an asylum claim, please talk to your adviser before you share "
        "your story, and tell us: we will take extra care.</p>"
    ),
]


@dataclass(frozen=True)
class Storyteller:
    """Who the story is told by: the level, the name fields it shows, and the consent behind it."""

    level: str
    real_name: str
    first_name: str = ""
    family_name: str = ""
    town: str = ""
    pseudonym: str = ""

    def page_fields(self):
        return {
            "identity_level": self.level,
            "storyteller_first_name": self.first_name,
            "storyteller_family_name": self.family_name,
            "storyteller_town": self.town,
            "storyteller_pseudonym": self.pseudonym,
        }


@dataclass(frozen=True)
class Journey:
    """One demo story. `fate` is "live", "expired" (its consent ran out) or "withdrawn" (the storyteller asked)."""

    slug: str
    title: str
    introduction: str
    storyteller: Storyteller
    themes: tuple[str, ...]
    pull_quote: str
    paragraphs: tuple[str, ...]
    quote: tuple[str, str]
    more_paragraphs: tuple[str, ...]
    listing_illustration: Illustration
    body_illustration: Illustration
    body_alt_text: str
    days_ago: int
    as_told_to: str = ""
    content_warnings: tuple[str, ...] = ()
    content_warning_note: str = ""
    channels: dict[str, bool] = field(default_factory=lambda: {"covers_website": True, "covers_social_media": True})
    fate: str = "live"
    take_down_reason: str = ""

    @property
    def listing_summary(self):
        return f"{self.introduction} {FICTION_NOTE}"

    def consent_fields(self, today):
        published = today - datetime.timedelta(days=self.days_ago)
        return {
            "storyteller_name": self.storyteller.real_name,
            "identity_level": self.storyteller.level,
            "consent_date": published - datetime.timedelta(days=14),
            "valid_until": today + datetime.timedelta(days=365),
            "collected_by": COLLECTED_BY,
            "covers_website": False,
            "covers_social_media": False,
            "covers_press": False,
            "covers_funder_reports": False,
            **self.channels,
            "notes": "Demonstration record: the storyteller and the signed form are fictional.",
        }


def _illustrations(slug, name, listing, body):
    """A story's two pictures: (motif, palette, description) for its card and for the picture in its text."""
    return tuple(
        Illustration(
            key=f"journey-{slug}-{part}",
            title=f"{title} ({name})",
            description=description,
            motif=motif,
            palette=palette,
        )
        for part, (title, motif, palette, description) in (("listing", listing), ("body", body))
    )


BAKERY_LISTING, BAKERY_BODY = _illustrations(
    "bakery",
    "story: from night shifts to my own bakery",
    (
        "Rising arcs over a horizon",
        "horizon",
        WARM,
        "Abstract illustration: warm arcs of coral, sand and teal rise over a striped horizon, like a sunrise.",
    ),
    (
        "Tiles in warm colours",
        "mosaic",
        WARM,
        "Abstract illustration: a grid of tiles in coral, sand and navy, each holding a circle or a triangle.",
    ),
)
KITCHEN_LISTING, KITCHEN_BODY = _illustrations(
    "kitchen-table",
    "story: English at the kitchen table",
    (
        "Overlapping circles in green",
        "circles",
        GREEN,
        "Abstract illustration: translucent circles in green, teal and coral overlap on a pale background.",
    ),
    (
        "Rings spreading in green",
        "ripples",
        GREEN,
        "Abstract illustration: rings in green and sand spread out from three points and overlap.",
    ),
)
FOOTBALL_LISTING, FOOTBALL_BODY = _illustrations(
    "football",
    "story: the team that found me",
    (
        "Paths meeting in teal",
        "routes",
        (NAVY, TEAL, SAND, CORAL, LEAF),
        "Abstract illustration: dotted paths in sand, green and coral cross a dark background towards one point.",
    ),
    (
        "Circles side by side in warm colours",
        "circles",
        WARM,
        "Abstract illustration: circles of navy, coral and teal side by side, like people standing together.",
    ),
)
WAITING_LISTING, WAITING_BODY = _illustrations(
    "waiting",
    "story: the waiting room",
    (
        "Calm waves under a pale sun",
        "waves",
        DUSK,
        "Abstract illustration: layered waves in teal, coral and sand under a pale sun in a dark sky.",
    ),
    (
        "Quiet ripples",
        "ripples",
        (NAVY, TEAL, SAND, MIST, LEAF),
        "Abstract illustration: pale rings spread slowly from three points across a deep teal background.",
    ),
)
DAUGHTER_LISTING, DAUGHTER_BODY = _illustrations(
    "daughter",
    "story: what my daughter taught me about home",
    (
        "Sunrise arcs in green",
        "horizon",
        GREEN,
        "Abstract illustration: arcs of green, teal and coral rise over a low striped horizon.",
    ),
    (
        "Tiles in green and coral",
        "mosaic",
        GREEN,
        "Abstract illustration: tiles in green, coral and sand fit together into one patterned square.",
    ),
)
ALLOTMENT_LISTING, ALLOTMENT_BODY = _illustrations(
    "allotment",
    "story: a garden on the allotment",
    (
        "Green waves",
        "waves",
        GREEN,
        "Abstract illustration: rolling bands of green and sand under a pale sun, like fields on a hillside.",
    ),
    (
        "Circles like seeds",
        "circles",
        GREEN,
        "Abstract illustration: small and large circles in green and coral scattered across a pale background.",
    ),
)
WINTER_LISTING, WINTER_BODY = _illustrations(
    "first-winter",
    "story: my first winter",
    (
        "Cold waves in navy and teal",
        "waves",
        (NAVY, TEAL, MIST, SAND, TEAL),
        "Abstract illustration: cold layered waves in navy and teal under a white sun.",
    ),
    (
        "Rings in the cold",
        "ripples",
        (NAVY, TEAL, MIST, SAND, TEAL),
        "Abstract illustration: white and sand-coloured rings spread across a navy background.",
    ),
)

JOURNEYS = [
    Journey(
        slug="from-night-shifts-to-my-own-bakery",
        title="From night shifts to my own bakery",
        introduction=(
            "Teodora came to the UK to work nights in a food factory. Ten years later she bakes the bread her "
            "grandmother taught her, for a queue that starts at seven."
        ),
        storyteller=Storyteller(IdentityLevel.FULL_NAME, "Teodora Marin", first_name="Teodora", family_name="Marin"),
        themes=("work", "belonging"),
        pull_quote="Every loaf I sell is a small conversation about where I come from.",
        paragraphs=(
            "I arrived at Luton airport with one suitcase and the address of a shared house. The job was on a "
            "production line, packing sandwiches from ten at night until six in the morning. I did not mind the "
            "work. I minded that I never saw daylight, and that I was too tired to learn the language.",
            "On my days off I baked. It was the only thing that made the house smell like home. The other women "
            "in the house started asking for bread, then their friends did, then a man from the church asked if I "
            "could make fifty rolls for a christening.",
        ),
        quote=("I was not a factory worker who baked. I was a baker who worked in a factory.", "Teodora Marin"),
        more_paragraphs=(
            "A small business course at the local college taught me how to write a plan and how to talk to a "
            "bank. The first two banks said no. The third said yes, for a little oven and a stall at the "
            "Saturday market.",
            "Now I have a shop with two ovens and three people working with me, two of them new to this country "
            "as I was. When customers ask about a bread they do not know, I tell them about my grandmother's "
            "village. Some of them come back just to hear the next story.",
        ),
        listing_illustration=BAKERY_LISTING,
        body_illustration=BAKERY_BODY,
        body_alt_text="Abstract illustration of warm tiles in coral, sand and navy, like a patterned kitchen floor.",
        days_ago=12,
        channels={"covers_website": True, "covers_social_media": True, "covers_press": True},
    ),
    Journey(
        slug="english-at-the-kitchen-table",
        title="English at the kitchen table",
        introduction=(
            "Joseph was a teacher before he left. In Coventry he became a student again, learning English at his "
            "kitchen table with his two sons as his teachers."
        ),
        storyteller=Storyteller(
            IdentityLevel.FIRST_NAME_AND_TOWN, "Joseph Asante", first_name="Joseph", town="Coventry"
        ),
        themes=("education", "family"),
        pull_quote="My sons corrected my grammar with great pleasure. I had waited years for my revenge.",
        paragraphs=(
            "At home I taught mathematics to teenagers for fifteen years. When we arrived, I could not read the "
            "letter from the council about my own sons' school. That was the day I decided that English would be "
            "my full-time job.",
            "The college had a waiting list, so we started at home. Every evening after dinner, the plates went "
            "into the sink and the exercise books came out. The boys gave me homework. They were very strict.",
        ),
        quote=("Learning a language as an adult is humbling. It is also the best thing I have done.", "Joseph"),
        more_paragraphs=(
            "After eight months I had a place on a course, and after two years I passed the exam that let me "
            "train as a teaching assistant. I now help children who have just arrived, like my boys once did.",
            "When a new child sits at the back and says nothing, I sit beside them and say nothing too, for a "
            "while. Then I show them a maths problem. Numbers are the same in every language.",
        ),
        listing_illustration=KITCHEN_LISTING,
        body_illustration=KITCHEN_BODY,
        body_alt_text="Abstract illustration of rings in green and sand spreading out and overlapping.",
        days_ago=30,
        as_told_to="Leila Haddad (fictional), IMIX",
    ),
    Journey(
        slug="the-team-that-found-me",
        title="The team that found me",
        introduction=(
            "Yonas crossed two seas before he was eighteen. A Sunday football team in a car park gave him "
            "something he had not had for a long time: a place where he was expected."
        ),
        storyteller=Storyteller(IdentityLevel.FIRST_NAME, "Yonas Berhane", first_name="Yonas"),
        themes=("community", "arrival"),
        pull_quote="On the pitch nobody asked about my papers. They asked if I could play left back.",
        paragraphs=(
            "I do not talk much about the journey. It was long, and some people I travelled with did not finish "
            "it. When I arrived I was sixteen and I did not know anybody in the whole country.",
            "The first months I lived in a hotel with other young people. We waited. Waiting is its own kind of "
            "tired. One of the support workers said there was a team that played every Sunday, and that they "
            "always needed players.",
        ),
        quote=("Somebody noticed when I did not come. That was when I knew I belonged.", "Yonas"),
        more_paragraphs=(
            "The coach was a retired postman who shouted a lot and gave everyone a lift home. After the game "
            "there was tea and too many biscuits. I understood maybe half of the jokes.",
            "One Sunday I was ill and stayed in bed. Three of the players sent messages to ask where I was. Now I "
            "help coach the under-twelves, and I am the one who notices when somebody does not come.",
        ),
        listing_illustration=FOOTBALL_LISTING,
        body_illustration=FOOTBALL_BODY,
        body_alt_text="Abstract illustration of circles in navy, coral and teal standing side by side.",
        days_ago=48,
        content_warnings=(ContentWarning.DANGEROUS_JOURNEY, ContentWarning.FAMILY_SEPARATION),
    ),
    Journey(
        slug="the-waiting-room",
        title="The waiting room",
        introduction=(
            "For three years, a woman who chose the name Nour waited for a decision on her asylum claim. She "
            "writes about the people who kept her going while she could not work, travel or plan."
        ),
        storyteller=Storyteller(IdentityLevel.PSEUDONYM, "Farida Rahimi", pseudonym="Nour"),
        themes=("arrival", "community"),
        pull_quote="You cannot build a life in a waiting room. But you can make friends in one.",
        paragraphs=(
            "I am not using my real name, because my claim was decided only recently and my family are still in "
            "the country I left. The people who helped me know who they are.",
            "The worst part of waiting is not knowing how long. Every brown envelope could be the answer. For "
            "some months I was held in a centre far from the city, and I learned that a day can be very long.",
        ),
        quote=("The volunteers never promised me anything. They just came back, every week.", "Nour (a pseudonym)"),
        more_paragraphs=(
            "A drop-in at a church hall became my week. There was a sewing group on Tuesdays, English on "
            "Thursdays, and always soup. I started helping with the soup. Then I started helping new women fill "
            "in their forms.",
            "When my decision finally came, the first people I told were the Tuesday group. We did not sew "
            "anything that day.",
        ),
        listing_illustration=WAITING_LISTING,
        body_illustration=WAITING_BODY,
        body_alt_text="Abstract illustration of pale rings spreading slowly across a deep teal background.",
        days_ago=75,
        as_told_to="Amara Osei (fictional), IMIX",
        content_warnings=(ContentWarning.DETENTION,),
        content_warning_note="Describes the long wait for an asylum decision.",
    ),
    Journey(
        slug="what-my-daughter-taught-me-about-home",
        title="What my daughter taught me about home",
        introduction=(
            "A mother who left a country at war, and who asked us not to name her, on watching her daughter grow "
            "up as someone who belongs here without having to try."
        ),
        storyteller=Storyteller(IdentityLevel.ANONYMOUS, "Hana Petrenko"),
        themes=("family", "belonging"),
        pull_quote="She says 'back home' and means our flat on the third floor. I have stopped correcting her.",
        paragraphs=(
            "We left when the bombing came close to our street. My daughter was four. I carried her and a bag of "
            "documents, and I left behind my parents' graves, which I still think about every day.",
            "For a long time I lived with one foot in each country. I read the news from home at night and "
            "worked here in the day. My daughter did not live like that. She made friends, learned the songs, "
            "and asked for fish and chips on Fridays.",
        ),
        quote=("Children do not wait for permission to belong. Perhaps we should not either.", ""),
        more_paragraphs=(
            "At her school's international evening she was asked where she was from. She named this town first "
            "and our old one second. I was hurt for a moment, and then I was proud.",
            "I have started to plant things on our balcony. Tomatoes, mint, a lemon tree that will probably "
            "never give a lemon. It is a small thing. It means I expect to be here when they grow.",
        ),
        listing_illustration=DAUGHTER_LISTING,
        body_illustration=DAUGHTER_BODY,
        body_alt_text="Abstract illustration of tiles in green, coral and sand fitting together into one pattern.",
        days_ago=96,
        content_warnings=(ContentWarning.WAR, ContentWarning.LOSS),
    ),
    Journey(
        slug="a-garden-on-the-allotment",
        title="A garden on the allotment",
        introduction=(
            "Ana and her neighbours turned an overgrown allotment into a garden where families from six "
            "countries grow vegetables from home."
        ),
        storyteller=Storyteller(IdentityLevel.FIRST_NAME, "Ana Ferreira", first_name="Ana"),
        themes=("community", "belonging"),
        pull_quote="You can tell a lot about people from what they plant first.",
        paragraphs=(
            "The plot had been empty for years. Brambles, an old bath, a shed with no door. We took it on as a "
            "group of five families who met at the children's school gate.",
            "Everybody brought seeds. Some came in envelopes from grandmothers, some from the supermarket. The "
            "first summer, half of them did not like the weather here. The other half grew like mad.",
        ),
        quote=("The garden is the only place where my accent is the right one.", "Ana"),
        more_paragraphs=(
            "Now there is a bench, a shed with a door, and a waiting list. On Sundays we cook what we grow and "
            "anyone walking past can eat with us.",
        ),
        listing_illustration=ALLOTMENT_LISTING,
        body_illustration=ALLOTMENT_BODY,
        body_alt_text="Abstract illustration of circles in green and coral scattered like seeds on a pale ground.",
        days_ago=400,
        fate="expired",
        take_down_reason="The consent's review date passed without being renewed.",
    ),
    Journey(
        slug="my-first-winter",
        title="My first winter",
        introduction=(
            "A young man who chose the name Tarik remembers his first British winter: the dark at four o'clock, "
            "the first snow, and a neighbour's spare coat."
        ),
        storyteller=Storyteller(IdentityLevel.PSEUDONYM, "Dawit Alemu", pseudonym="Tarik"),
        themes=("arrival",),
        pull_quote="Nobody had told me the sun goes home at four o'clock.",
        paragraphs=(
            "I arrived in November, in a thin jacket. I had seen snow only in films. The first morning I went out "
            "I came back inside after ten minutes and sat on my hands.",
            "The woman next door saw me at the bus stop every day. One morning she knocked with a coat that had "
            "belonged to her son, who had moved away. It was too big. I wore it all winter.",
        ),
        quote=("Kindness in a cold country feels even warmer.", "Tarik (a pseudonym)"),
        more_paragraphs=(
            "In spring I gave the coat back, with a cake I had learned to make from a video. She gave me the coat "
            "again and kept the cake.",
        ),
        listing_illustration=WINTER_LISTING,
        body_illustration=WINTER_BODY,
        body_alt_text="Abstract illustration of pale rings spreading across a cold navy background.",
        days_ago=150,
        fate="withdrawn",
        take_down_reason=(
            "The storyteller asked for the story to come down: his family's situation at home has changed. "
            "(Demonstration record.)"
        ),
    ),
]


@dataclass(frozen=True)
class Submission:
    """A story sent through the form, waiting for the Safeguarding team; recognised again by its title."""

    title: str
    status: str
    days_ago: int
    fields: dict
    photo: Illustration | None = None
    photo_description: str = ""


GARDEN_PHOTO = Illustration(
    key="submission-community-garden-photo",
    title="Submitted photo (demo): community garden",
    description="Abstract illustration standing in for a photo a storyteller sent.",
    motif="mosaic",
    palette=GREEN,
)

SUBMISSIONS = [
    Submission(
        title="The library that let me stay all day",
        status="new",
        days_ago=2,
        fields={
            "story": (
                "(A fictional submission for the demonstration site.)\n\n"
                "When I first came to this city I had nowhere warm to go in the day. The library let me sit from "
                "opening to closing. A librarian showed me how to use the computers and then how to find an "
                "English class. I want other people to know that libraries are for everyone. I have attached a "
                "photo of the garden behind the library where I used to eat my lunch."
            ),
            "identity_level": IdentityLevel.FIRST_NAME,
            "first_name": "Samira",
            "contact": "samira.demo@example.org",
            "language": "English",
            "consents_to_website": True,
            "consents_to_social_media": False,
            "consents_to_press": False,
            "understands_withdrawal": True,
            "age_confirmation": "adult",
        },
        photo=GARDEN_PHOTO,
        photo_description="The garden behind the library (a generated picture for the demonstration).",
    ),
    Submission(
        title="Two jobs and a degree",
        status="in_review",
        days_ago=9,
        fields={
            "story": (
                "(A fictional submission for the demonstration site.)\n\n"
                "I study nursing in the day and work in a care home at night and at weekends. My family do not "
                "know how hard it is, and I would like to keep it that way, so please do not use my name. I want "
                "to write about the residents who taught me English and the one who taught me chess."
            ),
            "identity_level": IdentityLevel.ANONYMOUS,
            "language": "English",
            "consents_to_website": True,
            "consents_to_social_media": True,
            "consents_to_press": False,
            "understands_withdrawal": True,
            "age_confirmation": "adult",
            "staff_notes": "Called back and talked it through; the storyteller wants to read the edit first. (Demo)",
        },
    ),
]
