"""Thirteen demo posts, June 2019 to November 2020, retelling stories from IMIX's 2020 annual review.

Facts (places, outlets, partners, figures) come from the review; the wording is new. Each post's body is a
function that writes blocks into a `Stream`, so it can link to pages and images that exist by then.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from . import illustrations as frame_illustrations
from .artwork import CORAL, LEAF, MIST, NAVY, SAND, TEAL, Illustration
from .documents import annual_review_summary
from .quotes import HACKNEY_MIGRANT_CENTRE, KENT_REFUGEE_ACTION, LUTON_ROMA_TRUST, REFUGEE_WEEK
from .streams import external_link, page_link

WARM = (NAVY, CORAL, SAND, MIST, TEAL)
GREEN = (TEAL, LEAF, CORAL, SAND, NAVY)
DUSK = (NAVY, TEAL, SAND, MIST, CORAL)

EMAIL_LINK = external_link("mailto:media@imix.org.uk", "media@imix.org.uk")
CAPTION = "Illustration made for this demonstration site."


@dataclass(frozen=True)
class Post:
    slug: str
    title: str
    date: datetime.date
    introduction: str
    listing_summary: str
    categories: tuple[str, ...]
    authors: tuple[str, ...]
    tags: tuple[str, ...]
    illustration: Illustration
    write_body: Any  # (stream, seeder) -> None


def _quote(body, quote):
    body.quote(quote.text, quote.attribution, quote.role)


def independent_charity(body, seeder):
    body.paragraph(
        "Since 2016 IMIX has been a project of Global Dialogue, which helped us build up our work supporting the "
        "refugee and migration sector with the media. This month we have left the nest: IMIX is now a registered "
        "charity in its own right, number 1183693.",
        "We are grateful to Global Dialogue for everything it has done, and to the group of funders who have made "
        "the move possible.",
    )
    body.heading("Why independence matters")
    body.paragraph(
        "Independence is not an end in itself. It lets us respond faster to the organisations we work with, build "
        "a bigger expert team, take on the hardest issues and the biggest gaps, and do more to bring positive "
        "stories and new narratives to the public."
    )
    body.heading("What stays the same")
    body.paragraph(
        "We still will not speak for anyone else. Our role is to help small charities, and the refugees and "
        "migrants they support, find their own voices and the chances to use them. Our training, advice and "
        "network carry on as before.",
        "Over the coming year we plan to refresh our brand, make more room on our website for people with lived "
        "experience of migration, and strengthen how the charity is run. "
        + page_link(seeder.pages["our-objects"], "Read our charitable objects."),
    )


def settled_status(body, seeder):
    body.paragraph(
        "Most coverage of the EU Settlement Scheme has been about numbers. With partner organisations, we have been "
        "helping journalists look at the people at risk of being left behind – people for whom an online-only "
        "application is a real barrier."
    )
    body.heading("Coverage across the country")
    body.paragraph(
        "Stories have run on ITV, BBC London and in the Independent, among others. We have also worked with partners "
        "in the North West and the North East, so that the coverage shows how the scheme is working outside London "
        "too."
    )
    _quote(body, LUTON_ROMA_TRUST)
    body.paragraph(
        "Is your organisation helping people through the scheme, and have you seen a story that needs telling? "
        + page_link(seeder.pages["contact"], "We would like to hear from you.")
    )


def channel_summer(body, seeder):
    body.paragraph(
        "Small boats crossing the Channel have become one of the biggest stories of the summer. The organisations "
        "closest to it, in Kent, East Sussex and northern France, are fielding more media requests than ever – "
        "often without anyone whose job is communications."
    )
    body.heading("On the ground in Calais and Dunkirk")
    body.paragraph(
        "We went to Calais and Dunkirk to help local groups manage filming requests from Channel 4, ITV and Sky "
        "News. We also worked with people who had made the crossing and wanted to tell their own stories, so the "
        "debate has human faces as well as numbers."
    )
    body.image(
        seeder.image(frame_illustrations.SIGNALS),
        "Abstract illustration of rings spreading out from three points, like news travelling outwards.",
        caption=CAPTION,
    )
    body.heading("A messaging guide and Q&A")
    body.paragraph(
        "To help partners with the hardest questions journalists ask, we have written a messaging document and a "
        "question-and-answer guide. Members of the IMIX network can ask us for a copy."
    )
    _quote(body, KENT_REFUGEE_ACTION)


def north_east(body, seeder):
    body.paragraph(
        "Too much of the conversation about migration happens in London. One of our core aims is a network of "
        "voices from across the UK, and this autumn we have been working with grassroots charities in the North "
        "East."
    )
    body.heading("Training experts by experience")
    body.paragraph(
        "We trained four experts by experience – people who have been through the immigration system themselves – "
        "to work with journalists, and introduced small charities in the area to their local news outlets.",
        "It is already making a difference: more positive coverage in local papers, and a long read on the BBC "
        "about the consequences of trafficking and modern slavery.",
    )
    body.image(
        seeder.image(frame_illustrations.CONVERSATION),
        "Abstract illustration of circles side by side, overlapping like voices in a conversation.",
        caption=CAPTION,
    )
    body.heading("Beyond the North East")
    body.paragraph(
        "We continue to support networks such as City of Sanctuary, most recently with media and spokesperson "
        "training for its senior team and for volunteers in the West Midlands. "
        + page_link(seeder.pages["what-we-do"], "See all our training.")
    )


def messaging_workshop(body, seeder):
    body.paragraph(
        "The EU Settlement Scheme affects millions of people, yet many of the public know little about it, and "
        "even less about why some people find it hard to apply. Together with the Brexit Civil Society group, we "
        "ran a workshop on how to explain the scheme, and its problems, to a wider audience."
    )
    body.heading("What we covered")
    body.bullets(
        "",
        [
            "who the wider public is, and what they already think about EU citizens",
            "which stories and which messengers help people understand the scheme",
            "how to talk about problems without frightening the people who still need to apply",
            "how to work with journalists on individual stories safely",
        ],
    )
    body.paragraph(
        "Now that the Withdrawal Agreement has been struck, the scheme is a harder story to get into the news. "
        "Clear, shared messages will matter more in the months ahead, not less."
    )


def itn_visit(body, seeder):
    body.paragraph(
        "ITN wants to show what immigration means for the people living through it, whether the story is about "
        "detention, asylum, Channel crossings, Windrush or access to healthcare. We have been working with the "
        "newsroom to help make that happen.",
        "This month we took a group of experts by experience, and staff from organisations across the sector, to "
        "meet the people who make ITN's news.",
    )
    body.heading("Watching the lunchtime news go out")
    body.paragraph(
        "We toured the newsroom, met the home and foreign news editors and their reporters and, best of all, sat "
        "in the control room while the lunchtime bulletin went out live."
    )
    body.image(
        seeder.image(frame_illustrations.SIGNALS),
        "Abstract illustration of rings spreading out from three points, like signals being broadcast.",
        caption=CAPTION,
    )
    body.heading("Why visits like this matter")
    body.paragraph(
        "Visits like this build trust on both sides. Journalists meet people they might never otherwise hear "
        "from, and people with lived experience see how a story is made, and what they can ask for when they "
        "take part in one."
    )


def translated_guidance(body, seeder):
    body.paragraph(
        "Health advice only protects people who can understand it. Doctors of the World has translated Public "
        "Health England's official coronavirus guidance into more than 60 languages, so that people who do not "
        "read English can keep themselves and their families safe.",
        "We worked with the charity to bring its work to a national audience, with stories on BBC Breakfast and in "
        "Private Eye about how charities are working alongside the NHS and Public Health England.",
    )
    body.image(
        seeder.image(frame_illustrations.TILES),
        "Abstract illustration of many different tiles fitting together into one pattern.",
        caption=CAPTION,
    )
    body.heading("Pass it on")
    body.paragraph(
        "If you work with people who speak little English, the translated guidance is free to download from "
        "Doctors of the World's website. Share it with your networks."
    )


def refugee_doctors(body, seeder):
    body.paragraph(
        "Doctors trained overseas have always been part of the NHS. During the pandemic the public has a new "
        "appreciation of their work – and many people are surprised to learn that qualified refugee doctors "
        "living here are kept from practising by a long and difficult process."
    )
    body.heading("Two stories, one message")
    body.paragraph(
        "With our partners RefuAid and Help Refugees, we led the media work on both stories: the overseas doctors "
        "on the front line, and the refugee doctors who want to join them.",
        "The coverage has reached the BBC and ITV News at Ten, The Observer, Metro and the Daily Mirror, and we have "
        "worked with ITN on a major piece about refugee doctors.",
    )
    body.image(
        seeder.image(frame_illustrations.TILES),
        "Abstract illustration of many different tiles fitting together into one pattern.",
        caption=CAPTION,
    )
    body.paragraph(
        "Tapping into the public's support for the NHS has been one of the best ways this spring to show the "
        "contribution that refugees and migrants make."
    )


def eleven_stories(body, seeder):
    body.paragraph(
        "Lockdown has brought out the best in many communities, and refugees and people seeking asylum are part of "
        "that story. Our digital team has gathered examples from news outlets, social media and the IMIX network, "
        "mostly from around the UK and a few from further afield."
    )
    body.heading("Stepping up")
    body.bullets(
        "The eleven stories in this first round-up range from the very local to the international. Among them:",
        [
            "a Syrian refugee in Bromsgrove who is cycling medicines to people's doors",
            "a man seeking asylum in Derby who is volunteering at his local food bank",
            "a refugee project in north London keeping its members going with hardship grants, phone credit and "
            "food parcels",
        ],
    )
    body.image(
        seeder.image(frame_illustrations.CONVERSATION),
        "Abstract illustration of circles side by side, overlapping like voices in a conversation.",
        caption=CAPTION,
    )
    body.heading("Why these stories matter")
    body.paragraph(
        "Stories like these cut through the stereotypes that too often surround refugees and migrants. They show "
        "people as neighbours, volunteers and key workers – which is exactly what they are.",
        f"Know a story we should share? Email us at {EMAIL_LINK}.",
    )


def eu_key_workers(body, seeder):
    body.paragraph(
        "Since the Withdrawal Agreement it has been hard to interest the media in the EU Settlement Scheme. "
        "Lockdown has changed that: the public can see how many of the key workers keeping the country going are "
        "EU citizens.",
        "We helped secure a piece in Al Jazeera about the thousands of EU citizens working on the front line of the "
        "pandemic in the UK, as doctors, nurses, carers, porters and cleaners.",
    )
    body.heading("Settled status still matters")
    body.paragraph(
        "Many of these key workers still have to apply to the EU Settlement Scheme. Their stories are a reminder of "
        "what is at stake for people who miss out."
    )
    body.image(
        seeder.image(frame_illustrations.SEA),
        "Abstract illustration of waves in green, navy, coral and sand under a pale sun.",
        caption=CAPTION,
    )


def free_school_meals(body, seeder):
    body.paragraph(
        "Many families from a migrant background have 'no recourse to public funds' (NRPF) as a condition of their "
        "immigration status. That makes life precarious at the best of times. In the pandemic, as work has dried "
        "up, some families have had to cut down on how much they eat each day.",
        "Part of the reason is that their children have not been getting free school meals, because of their "
        "parents' immigration status.",
    )
    body.heading("Local voices, national coverage")
    body.paragraph(
        "We built new relationships with grassroots organisations in some of London's most deprived areas, and "
        "helped them take their first-hand experience of Covid-19 and the NRPF rule to a national audience."
    )
    _quote(body, HACKNEY_MIGRANT_CENTRE)


def refugee_week(body, seeder):
    body.paragraph(
        "For the fourth year in a row, we ran the media strategy for Refugee Week with Counterpoints Arts. This "
        "year was unlike any before: the festival moved online for the first time, so the 900-plus local events "
        "that usually bring it to life could not happen, and neither could our workshops for the festival's "
        "ambassadors.",
        "On top of that, the pandemic dominated the news. It was a hard year to get any other story heard.",
    )
    body.heading("What we achieved together")
    body.bullets(
        "",
        [
            "more than 100 pieces of coverage, for the third year running",
            "28 pieces of national coverage, including week-long series in HuffPost and Metro",
            "25 people shared their own experience with the media, most of them for the first time",
            "media and digital training for more than 20 community-led and local charities at the festival's "
            "conferences",
            "a social media training session for more than 200 people ahead of the festival",
        ],
    )
    _quote(body, REFUGEE_WEEK)
    body.paragraph("Thank you to everyone who shared their story this year, and to every journalist who listened.")


def annual_review(body, seeder):
    body.paragraph(
        "In June we marked our first year as an independent charity. It was a year dominated by two things we "
        "could not have planned for: the media's growing interest in people crossing the Channel, and the "
        "Covid-19 pandemic."
    )
    body.heading("The year in brief")
    body.bullets(
        "",
        [
            "our network grew to 350 members, with new partners across the UK, France and Greece",
            "we now send members a daily press briefing and host monthly meetings with journalists",
            "the media coverage we secured doubled",
            "more than 100 pieces of coverage in Refugee Week, for the third year running",
        ],
    )
    body.heading("What we learned")
    body.paragraph(
        "Our ambition often outruns our capacity, and a year of reacting to the news left too little time for "
        "planned work with media partners, which is where the biggest impact lies. In the coming year we will "
        "ask our partners where our priorities should be, and invest more in evaluating what works."
    )
    body.document(
        annual_review_summary(seeder),
        title="Read a summary of our 2020 annual review",
        description="Our year in numbers, what shaped it and our finances. PDF, one page.",
    )
    body.paragraph(
        "Thank you to our trustees, our partners, our "
        + page_link(seeder.pages["funders"], "funders")
        + " and, above all, to everyone who shared their story with us."
    )


POSTS = [
    Post(
        slug="imix-is-now-an-independent-charity",
        title="IMIX is now an independent charity",
        date=datetime.date(2019, 6, 12),
        introduction="After three years hosted by Global Dialogue, IMIX has started life as an independent charity.",
        listing_summary="After three years as a project of Global Dialogue, IMIX is now a registered charity.",
        categories=("news",),
        authors=("Leila Haddad",),
        tags=("charity-news",),
        illustration=Illustration(
            key="post-independent-charity",
            title="Sunrise arcs over a horizon (independent charity)",
            description="Abstract illustration: arcs in navy, teal, green and coral rise like a sun over a "
            "striped horizon.",
            motif="horizon",
            palette=GREEN,
        ),
        write_body=independent_charity,
    ),
    Post(
        slug="settled-status-putting-people-in-the-picture",
        title="Settled status: putting people in the picture",
        date=datetime.date(2019, 7, 18),
        introduction=(
            "This summer we helped journalists show what the EU Settlement Scheme means for the people who find it "
            "hardest to apply."
        ),
        listing_summary="How we helped the media tell the human side of the EU Settlement Scheme.",
        categories=("news",),
        authors=("Daniel Hughes",),
        tags=("eu-settlement-scheme",),
        illustration=Illustration(
            key="post-settled-status",
            title="Overlapping circles in navy and coral (settled status)",
            description="Abstract illustration: translucent circles in navy, coral and sand overlap on a light "
            "background.",
            motif="circles",
            palette=WARM,
        ),
        write_body=settled_status,
    ),
    Post(
        slug="a-summer-of-channel-headlines",
        title="Supporting Kent and Calais groups through a summer of Channel headlines",
        date=datetime.date(2019, 8, 22),
        introduction=(
            "As media interest in Channel crossings soared, we supported organisations on both sides of the Channel "
            "to handle a flood of requests."
        ),
        listing_summary="How we supported groups in Kent, East Sussex and northern France as the media arrived.",
        categories=("news",),
        authors=("Daniel Hughes",),
        tags=("channel-crossings",),
        illustration=Illustration(
            key="post-channel-summer",
            title="Waves under a pale sun (Channel crossings)",
            description="Abstract illustration: layered waves in teal, green, coral and sand under a pale sun.",
            motif="waves",
        ),
        write_body=channel_summer,
    ),
    Post(
        slug="building-a-network-of-voices-in-the-north-east",
        title="Building a network of voices in the North East",
        date=datetime.date(2019, 10, 15),
        introduction="Our training with grassroots charities in the North East is helping local voices be heard.",
        listing_summary="Training experts by experience and connecting small charities with their local media.",
        categories=("news",),
        authors=("Leila Haddad",),
        tags=("training",),
        illustration=Illustration(
            key="post-north-east",
            title="Pattern of tiles in green and coral (North East training)",
            description="Abstract illustration: a grid of tiles with circles, half circles and triangles in green, "
            "coral, teal and sand.",
            motif="mosaic",
            palette=GREEN,
        ),
        write_body=north_east,
    ),
    Post(
        slug="talking-about-the-eu-settlement-scheme",
        title="Talking about the EU Settlement Scheme: a messaging workshop",
        date=datetime.date(2019, 11, 26),
        introduction=(
            "With the Brexit Civil Society group, we ran a workshop on explaining the scheme and its problems to a "
            "wider audience."
        ),
        listing_summary="A messaging workshop on how to explain the EU Settlement Scheme and its challenges.",
        categories=("news",),
        authors=("Leila Haddad", "Daniel Hughes"),
        tags=("eu-settlement-scheme", "training"),
        illustration=Illustration(
            key="post-messaging-workshop",
            title="Paths crossing at dusk (messaging workshop)",
            description="Abstract illustration: dotted paths in sand and coral cross a dark sky and meet at a "
            "single point.",
            motif="routes",
            palette=DUSK,
        ),
        write_body=messaging_workshop,
    ),
    Post(
        slug="behind-the-scenes-at-itn",
        title="Behind the scenes in the ITN newsroom",
        date=datetime.date(2020, 3, 10),
        introduction="We took a group of experts by experience and staff from the sector to meet the people who make "
        "ITN's news.",
        listing_summary="A visit to ITN's newsroom with experts by experience and staff from across the sector.",
        categories=("news",),
        authors=("Amara Osei",),
        tags=("training",),
        illustration=Illustration(
            key="post-itn-visit",
            title="Pattern of tiles in warm colours (ITN visit)",
            description="Abstract illustration: a grid of tiles with circles, half circles and triangles in navy, "
            "coral, sand and teal.",
            motif="mosaic",
            palette=WARM,
        ),
        write_body=itn_visit,
    ),
    Post(
        slug="coronavirus-guidance-in-more-than-60-languages",
        title="Coronavirus guidance, now in more than 60 languages",
        date=datetime.date(2020, 4, 9),
        introduction=(
            "Doctors of the World has translated the official coronavirus guidance into more than 60 languages, "
            "and we helped tell the story on BBC Breakfast and in Private Eye."
        ),
        listing_summary="Official health guidance translated into more than 60 languages, and the story behind it.",
        categories=("news",),
        authors=("Amara Osei",),
        tags=("covid-19", "nhs"),
        illustration=Illustration(
            key="post-translated-guidance",
            title="Circles in teal and sand (translated guidance)",
            description="Abstract illustration: translucent circles in navy, teal, sand and coral overlap on a "
            "light background.",
            motif="circles",
            palette=DUSK,
        ),
        write_body=translated_guidance,
    ),
    Post(
        slug="refugee-doctors-ready-to-support-the-nhs",
        title="Refugee doctors ready to support the NHS",
        date=datetime.date(2020, 4, 28),
        introduction=(
            "Refugee doctors living in the UK want to help in the pandemic. With RefuAid and Help Refugees, we have "
            "been telling their stories."
        ),
        listing_summary="Overseas doctors on the front line, and the refugee doctors who want to join them.",
        categories=("positive-stories",),
        authors=("Daniel Hughes",),
        tags=("nhs", "covid-19"),
        illustration=Illustration(
            key="post-refugee-doctors",
            title="Circles in teal and green (refugee doctors)",
            description="Abstract illustration: translucent circles in teal, green and coral overlap on a light "
            "background.",
            motif="circles",
        ),
        write_body=refugee_doctors,
    ),
    Post(
        slug="11-stories-of-refugees-making-a-difference",
        title="11 stories of refugees making a difference during the coronavirus outbreak",
        date=datetime.date(2020, 5, 15),
        introduction=(
            "From medicines delivered by bike to shifts at the food bank: refugees, and the projects that support "
            "them, are stepping up for their communities during lockdown."
        ),
        listing_summary="Refugees and people seeking asylum stepping up for their communities during lockdown.",
        categories=("news", "positive-stories"),
        authors=("Amara Osei",),
        tags=("covid-19",),
        illustration=Illustration(
            key="post-eleven-stories",
            title="Warm arcs rising over a horizon (eleven stories)",
            description="Abstract illustration: arcs in navy, coral and sand rise like a sun over a striped horizon.",
            motif="horizon",
            palette=WARM,
        ),
        write_body=eleven_stories,
    ),
    Post(
        slug="eu-citizens-on-the-front-line",
        title="EU citizens on the front line of the pandemic",
        date=datetime.date(2020, 5, 27),
        introduction=(
            "Thousands of EU citizens are working through the pandemic as doctors, nurses, carers, porters and "
            "cleaners. We have been helping to make their contribution visible."
        ),
        listing_summary="EU citizens keeping the country going in lockdown, and why settled status still matters.",
        categories=("positive-stories",),
        authors=("Daniel Hughes",),
        tags=("eu-settlement-scheme", "covid-19"),
        illustration=Illustration(
            key="post-eu-key-workers",
            title="Paths meeting in green and coral (EU key workers)",
            description="Abstract illustration: dotted paths in coral, sand and navy cross a teal sky and meet "
            "at one point.",
            motif="routes",
            palette=GREEN,
        ),
        write_body=eu_key_workers,
    ),
    Post(
        slug="no-recourse-to-public-funds-and-free-school-meals",
        title="No recourse to public funds: the children missing free school meals",
        date=datetime.date(2020, 6, 4),
        introduction=(
            "We helped grassroots organisations in London show a national audience how the 'no recourse to public "
            "funds' rule is hitting families in the pandemic."
        ),
        listing_summary="How the NRPF rule and the pandemic left some families cutting back on food.",
        categories=("news",),
        authors=("Amara Osei",),
        tags=("covid-19",),
        illustration=Illustration(
            key="post-free-school-meals",
            title="Ripples in coral and sand (free school meals)",
            description="Abstract illustration: pale rings in sand and teal spread out across a background "
            "fading from coral to navy.",
            motif="ripples",
            palette=WARM,
        ),
        write_body=free_school_meals,
    ),
    Post(
        slug="refugee-week-2020-goes-digital",
        title="Refugee Week 2020: an online festival and more than 100 stories in the media",
        date=datetime.date(2020, 6, 24),
        introduction=(
            "For the fourth year running we led Refugee Week's media strategy with Counterpoints Arts, this time for "
            "a festival that moved entirely online."
        ),
        listing_summary="How Refugee Week 2020 reached the media in a year without live events.",
        categories=("news", "positive-stories"),
        authors=("Leila Haddad",),
        tags=("refugee-week",),
        illustration=Illustration(
            key="post-refugee-week",
            title="Waves at sunset (Refugee Week 2020)",
            description="Abstract illustration: layered waves in coral, sand and teal under a low sun in a navy sky.",
            motif="waves",
            palette=DUSK,
        ),
        write_body=refugee_week,
    ),
    Post(
        slug="our-first-year-as-an-independent-charity",
        title="Our first year as an independent charity",
        date=datetime.date(2020, 11, 30),
        introduction="Our annual review looks back on a year shaped by the pandemic and by Channel crossings.",
        listing_summary="What we did, what we learned and where the money came from in our first year.",
        categories=("news",),
        authors=("Leila Haddad",),
        tags=("charity-news",),
        illustration=Illustration(
            key="post-annual-review",
            title="Circles gathering on sand (annual review)",
            description="Abstract illustration: circles in navy, teal, coral and green gather on a sand background.",
            motif="circles",
            palette=(NAVY, TEAL, CORAL, SAND, LEAF),
        ),
        write_body=annual_review,
    ),
]

# The post the home page features.
FEATURED_SLUG = "11-stories-of-refugees-making-a-difference"
