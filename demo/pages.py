"""The frame's pages: the home page and the information pages, written from IMIX's 2020 annual review."""

from . import illustrations
from .documents import FINANCES_2020, annual_review_summary
from .factories.home import StandardPageFactory
from .quotes import HACKNEY_MIGRANT_CENTRE, LUTON_ROMA_TRUST, REFUGEE_WEEK
from .seeder import PageSpec
from .streams import Stream, external_link, link_value, page_link

EMAIL_LINK = external_link("mailto:media@imix.org.uk", "media@imix.org.uk")
PHONE_LINK = external_link("tel:+442079227852", "020 7922 7852")
PRESS_LINK = external_link("tel:+447783905158", "07783 905 158")
SAMPLE_TEXT_NOTE = (
    "<i>Sample text for the demonstration site. Before the site goes live this page must be checked against "
    "how the site really works and approved by IMIX.</i>"
)

HOME_FIELDS = {
    "title": "Home",
    "slug": "home",
    "seo_title": "IMIX: changing the conversation about migration and refugees",
    "hero_heading": "Changing the conversation about migration and refugees",
    "hero_introduction": (
        "We help charities, and people with lived experience of migration, work with the media – so that more "
        "first-hand stories reach the public and the debate about migration becomes fairer and more human."
    ),
    "vision": (
        "<p>A society that <b>welcomes and celebrates people who move to the UK</b>: one where all of us can "
        "<b>live well together</b>.</p>"
    ),
    "mission": (
        "<p>We are <b>changing the conversation about migration and refugees</b>, challenging a media agenda that "
        "is often hostile and shifting how the public sees people who make the UK their home.</p>"
    ),
    "listing_summary": "IMIX supports the refugee and migration sector to work with the media and tell its stories.",
}


def home_content(seeder):
    """The home page's links, set once the pages they point at exist (news ones only if the news app made them)."""
    pages = seeder.pages
    hero = Stream("home/hero_call_to_action").link(page=pages["what-we-do"], label="See how we help")
    calls = Stream("home/calls_to_action")
    calls.call_to_action(
        "Join the network",
        "More than 350 organisations get our daily press briefing, messaging guides and monthly meetings with "
        "journalists.",
        link_value(page=pages["join-the-network"], label="How to join"),
    )
    calls.call_to_action(
        "Get support",
        "A journalist on the phone, a hostile headline or a campaign to launch? Talk to our team.",
        link_value(page=pages["contact"], label="Contact the team"),
    )
    return {
        "hero_image": seeder.image(illustrations.HERO),
        "hero_call_to_action": hero.build(),
        "calls_to_action": calls.build(),
        "featured_page": pages.get("featured-story"),
        "news_index": pages.get("news"),
    }


def about_content(seeder):
    pages = seeder.pages
    body = Stream("about-us/body")
    body.heading("Who we are")
    body.paragraph(
        "IMIX began in 2016 as a project hosted by Global Dialogue, because the refugee and migration sector "
        "needed specialist help with the media, messaging and communications. In June 2019, with the backing of "
        "a group of committed funders, we became an independent charity.",
        "Independence matters to us for one reason: it lets us respond faster to the organisations we serve, grow "
        "our expert team and put our effort into the hardest issues and the biggest gaps.",
    )
    body.image(
        seeder.image(illustrations.CONVERSATION),
        "Abstract illustration of circles side by side, overlapping like voices in a conversation.",
        caption="Illustration made for this demonstration site.",
    )
    body.heading("What we believe")
    body.paragraph(
        "We do not speak for ourselves, or on behalf of others. Our work helps small charities, and the refugees "
        "and migrants they support, find their own voices and the chances to use them.",
        "IMIX is governed by a board of trustees chaired by Geraldine Blake, and led by our chief executive, "
        "Emma Harrison. Our team is small, and our network is large.",
    )
    body.statistics(
        "Our first year as an independent charity",
        [
            ("350", "member organisations in our network"),
            ("100+", "pieces of coverage in Refugee Week"),
            ("25", "people who told their own story in Refugee Week 2020"),
            ("2×", "the media coverage we secured the year before"),
        ],
    )
    body.quote(REFUGEE_WEEK.text, REFUGEE_WEEK.attribution, REFUGEE_WEEK.role)
    body.heading("Our finances")
    body.paragraph(
        "Our first accounts run from 3 June 2019, when the charity began, to 30 June 2020. Restricted funds are "
        "grants given for a particular piece of work; unrestricted funds can be spent wherever they are most needed."
    )
    body.table(
        "Income and spending, 3 June 2019 to 30 June 2020, in pounds",
        [["", "Unrestricted", "Restricted", "Total"], *[list(row) for row in FINANCES_2020]],
    )
    body.document(
        annual_review_summary(seeder),
        title="Download a summary of our 2020 annual review",
        description="Our year in numbers, what shaped it and where the money came from and went. PDF, one page.",
    )
    body.call_to_action(
        "Work with us",
        "Whether you run a volunteer-led community group or a national charity, we would like to hear from you.",
        link_value(page=pages["contact"], label="Contact us"),
    )
    return {"body": body.build()}


def what_we_do_content(seeder):
    pages = seeder.pages
    body = Stream("what-we-do/body")
    body.heading("Training")
    body.paragraph(
        "Our courses cover working with the press, interview skills, social media and digital content, storytelling "
        "and understanding audiences. We also teach digital outreach and how to handle a media crisis. Before the "
        "pandemic we ran courses around the country; now most of our training happens online."
    )
    body.heading("One-to-one support")
    body.paragraph(
        "Many small organisations have nobody whose job is communications. We help them make the most of limited "
        "time and money: planning a story, preparing a spokesperson, answering a journalist, or deciding when to "
        "say no."
    )
    body.image(
        seeder.image(illustrations.TILES),
        "Abstract illustration of many different tiles fitting together into one pattern.",
        caption="Illustration made for this demonstration site.",
    )
    body.heading("Our network")
    body.paragraph(
        "More than 350 organisations belong to the IMIX network. Members get a daily briefing on the migration "
        "stories in the news, our messaging guides and toolkits, and invitations to monthly meetings where "
        "journalists, producers and broadcasters talk about their work and what makes a story. "
        + page_link(pages["join-the-network"], "Find out how to join."),
    )
    body.bullets(
        "This year we wrote short messaging and framing guides for the sector on:",
        ["housing", "people crossing the Channel to seek asylum", "Covid-19"],
    )
    body.heading("Lived experience")
    body.paragraph(
        "We train and support experts by experience – people who have been through the immigration or asylum "
        "system themselves – to tell their stories safely and on their own terms. Our Human Journeys project gives "
        "people a place to share their story on our website and on Instagram."
    )
    body.quote(HACKNEY_MIGRANT_CENTRE.text, HACKNEY_MIGRANT_CENTRE.attribution, HACKNEY_MIGRANT_CENTRE.role)
    body.heading("Working with the media")
    body.paragraph(
        "We use our contacts in national and local newsrooms to bring first-hand stories to the public, and we help "
        "journalists find the people and the expertise they need. When a story turns hostile, we help the sector "
        "respond quickly and calmly."
    )
    body.statistics(
        "",
        [
            ("350", "member organisations"),
            ("100+", "pieces of coverage in Refugee Week 2020"),
            ("200+", "people at our social media training for Refugee Week"),
        ],
    )
    body.call_to_action(
        "Join the network",
        "For organisations that work with refugees, people seeking asylum and migrants.",
        link_value(page=pages["join-the-network"], label="How to join"),
    )
    return {"body": body.build()}


def join_content(seeder):
    pages = seeder.pages
    body = Stream("join-the-network/body")
    body.heading("What members get")
    body.bullets(
        "",
        [
            "a daily press briefing on the big stories about migration",
            "messaging and framing guides, toolkits and Q&amp;As for difficult interviews",
            "monthly meetings with journalists, producers and broadcasters",
            "advice from our team when a journalist calls or a story breaks",
        ],
    )
    body.heading("Who can join")
    body.paragraph(
        "Charities, community groups, networks and campaigns that work with refugees, people seeking asylum and "
        "migrants, or are led by them. Our members range from national organisations to volunteer-run projects "
        "across the UK, and partners in France and Greece."
    )
    body.heading("How to join")
    body.paragraph(
        f"Email {EMAIL_LINK} with your name, your organisation and a sentence about its work, and we will be in "
        "touch. If you need help with a story today, " + page_link(pages["contact"], "call us") + " instead.",
    )
    return {"body": body.build()}


def objects_content(seeder):
    pages = seeder.pages
    body = Stream("our-objects/body")
    body.paragraph(
        "IMIX is a charity registered in England and Wales, number 1183693. A charity's objects are the purposes "
        "it exists for: everything we do has to serve one or more of these four."
    )
    body.heading("Our four objects")
    body.rich_text(
        "<ol>"
        "<li>Helping the public and the media understand equality, diversity and social inclusion, especially as "
        "they affect migrants, refugees and people seeking asylum.</li>"
        "<li>Helping the public and the media learn about the issues that refugees, migrants and people seeking "
        "asylum face.</li>"
        "<li>Teaching communication skills, and above all how to work with the media, to the public – in "
        "particular to charities and voluntary groups that work with refugees, people seeking asylum and "
        "migrants.</li>"
        "<li>Supporting education among migrants, refugees and people seeking asylum themselves.</li>"
        "</ol>"
    )
    body.heading("What this means in practice")
    body.paragraph(
        "Our training, one-to-one advice and network put the third object into practice; our work with journalists "
        "and the stories we help people tell serve the first two; and our support for experts by experience serves "
        "the fourth. " + page_link(pages["what-we-do"], "Read more about what we do.")
    )
    body.quote(LUTON_ROMA_TRUST.text, LUTON_ROMA_TRUST.attribution, LUTON_ROMA_TRUST.role)
    return {"body": body.build()}


def funders_content(seeder):
    pages = seeder.pages
    body = Stream("funders/body")
    body.paragraph(
        "When IMIX left Global Dialogue to become an independent charity in 2019, a group of funders made the move "
        "possible. Their flexibility also let us change our plans quickly when the pandemic began, and put our "
        "time where partners needed it most.",
    )
    body.heading("Thank you to our funders")
    body.funders()
    body.paragraph(
        "Would your trust or foundation like to talk about supporting our work? "
        + page_link(pages["contact"], "Get in touch")
        + "."
    )
    return {"body": body.build()}


def contact_content(seeder):
    pages = seeder.pages
    body = Stream("contact/body")
    body.heading("General enquiries")
    body.paragraph(f"Phone: {PHONE_LINK}", f"Email: {EMAIL_LINK}")
    body.heading("Journalists")
    body.paragraph(
        "Working on a story about migration or refugees and looking for spokespeople, case studies or background? "
        f"Call our press line on {PRESS_LINK}."
    )
    body.heading("Our address")
    body.paragraph("IMIX<br/>CAN Borough<br/>7-14 Great Dover Street<br/>London SE1 4YR")
    body.call_to_action(
        "Join the network",
        "A daily press briefing, messaging guides and monthly meetings with journalists.",
        link_value(page=pages["join-the-network"], label="How to join"),
    )
    return {"body": body.build()}


def accessibility_content(seeder):
    body = Stream("accessibility-statement/body")
    body.paragraph(SAMPLE_TEXT_NOTE)
    body.heading("Using this website")
    body.bullets(
        "This website is run by IMIX. We want as many people as possible to be able to use it. You should be able to:",
        [
            "change colours, contrast levels and fonts using your browser or device settings",
            "zoom in up to 400% without the text spilling off the screen",
            "move around the whole site using just a keyboard or speech recognition software",
            "listen to the site using a screen reader",
        ],
    )
    body.heading("How accessible this website is")
    body.paragraph(
        "We aim to meet the Web Content Accessibility Guidelines (WCAG) version 2.2 at level AA. We check new pages "
        "and features with automated tests, and by hand with a keyboard and a screen reader. Some older documents, "
        "such as PDFs we published before this site, may not be fully accessible."
    )
    body.heading("Reporting a problem")
    body.paragraph(
        f"If something on this site does not work for you, or you need information in another format such as large "
        f"print or audio, email {EMAIL_LINK} or call {PHONE_LINK}. Tell us the address of the page and what went "
        "wrong, and we will reply."
    )
    return {"body": body.build()}


def privacy_content(seeder):
    body = Stream("privacy-notice/body")
    body.paragraph(SAMPLE_TEXT_NOTE)
    body.heading("Who we are")
    body.paragraph(
        "IMIX (registered charity number 1183693) is responsible for the personal information described in this "
        f"notice. You can contact us at CAN Borough, 7-14 Great Dover Street, London SE1 4YR, or by email at "
        f"{EMAIL_LINK}."
    )
    body.accordion(
        "Your questions answered",
        [
            (
                "What information do we collect?",
                "<p>The contact details you give us when you join the network, book training or get in touch, and "
                "some information about your organisation. If you choose to share your own story with us, we keep "
                "only what you agree to share.</p>",
            ),
            (
                "How do we use it?",
                "<p>To send the daily press briefing and invitations to network meetings, to run training, to answer "
                "your questions and, only with your permission, to put you in touch with a journalist.</p>",
            ),
            (
                "Who do we share it with?",
                "<p>We never sell personal information. We share your story or your contact details with a journalist "
                "only with your explicit permission. Companies that host this website and send our emails handle "
                "information for us under contract.</p>",
            ),
            (
                "How long do we keep it?",
                "<p>For as long as you are part of the network or working with us, and no longer than we need it. "
                "Ask us at any time and we will delete it.</p>",
            ),
            (
                "Your rights",
                "<p>You can ask for a copy of the information we hold about you, ask us to correct or delete it, "
                "object to how we use it and withdraw your consent at any time. Email "
                f"{EMAIL_LINK}.</p>"
                "<p>If you are unhappy with how we have handled your information, you can complain to the "
                f"Information Commissioner's Office at {external_link('https://ico.org.uk/', 'ico.org.uk')}.</p>",
            ),
            (
                "Cookies",
                "<p>This site uses only the cookies it needs to work, such as keeping you signed in. We do not use "
                "advertising cookies.</p>",
            ),
        ],
    )
    return {"body": body.build()}


INFORMATION_PAGES = [
    PageSpec(
        key="about-us",
        factory=StandardPageFactory,
        title="About us",
        slug="about-us",
        illustration=illustrations.ABOUT,
        fields={
            "introduction": (
                "IMIX is a small UK charity with a big network. We help the refugee and migration sector "
                "communicate with confidence, and help people with lived experience of migration speak for "
                "themselves."
            ),
            "listing_summary": "Who we are, what we believe and how we are funded.",
        },
        content=about_content,
    ),
    PageSpec(
        key="what-we-do",
        factory=StandardPageFactory,
        title="What we do",
        slug="what-we-do",
        illustration=illustrations.WHAT_WE_DO,
        fields={
            "introduction": (
                "We train, advise and connect organisations across the refugee and migration sector, so they can "
                "work with the media on their own terms and more people with lived experience of migration are "
                "heard."
            ),
            "listing_summary": "Training, one-to-one support, a network of 350 organisations and work with the media.",
        },
        content=what_we_do_content,
    ),
    PageSpec(
        key="join-the-network",
        factory=StandardPageFactory,
        title="Join the network",
        slug="join-the-network",
        parent="what-we-do",
        illustration=illustrations.JOIN,
        fields={
            "introduction": (
                "The IMIX network brings together organisations that work with refugees, people seeking asylum and "
                "migrants, to share news, messaging and advice about the media."
            ),
            "listing_summary": "What members of the IMIX network get, who can join and how.",
        },
        content=join_content,
    ),
    PageSpec(
        key="our-objects",
        factory=StandardPageFactory,
        title="Our objects",
        slug="our-objects",
        illustration=illustrations.OBJECTS,
        fields={
            "introduction": "The four purposes IMIX exists for as a charity, in plain English.",
            "listing_summary": "The four charitable purposes behind everything IMIX does.",
        },
        content=objects_content,
    ),
    PageSpec(
        key="funders",
        factory=StandardPageFactory,
        title="Funders",
        slug="funders",
        illustration=illustrations.FUNDERS,
        fields={
            "introduction": "Our work is made possible by trusts and foundations, and we are grateful to every one.",
            "listing_summary": "The trusts and foundations that fund IMIX.",
        },
        content=funders_content,
    ),
    PageSpec(
        key="contact",
        factory=StandardPageFactory,
        title="Contact",
        slug="contact",
        illustration=illustrations.CONTACT,
        fields={
            "introduction": (
                "Get in touch with the IMIX team for advice, for training or to join the network. Journalists can "
                "call our press line."
            ),
            "listing_summary": "Phone, email, press line and address.",
        },
        content=contact_content,
    ),
    PageSpec(
        key="accessibility-statement",
        factory=StandardPageFactory,
        title="Accessibility statement",
        slug="accessibility-statement",
        fields={
            "introduction": "How accessible this website is, and what to do if something does not work for you.",
            "listing_summary": "How accessible this website is and how to report a problem.",
        },
        content=accessibility_content,
    ),
    PageSpec(
        key="privacy-notice",
        factory=StandardPageFactory,
        title="Privacy notice",
        slug="privacy-notice",
        fields={
            "introduction": (
                "How IMIX collects, uses and protects personal information when you use this website, join our "
                "network or work with us."
            ),
            "listing_summary": "How we collect, use and protect personal information.",
        },
        content=privacy_content,
    ),
]
