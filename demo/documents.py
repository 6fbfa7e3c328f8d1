"""The demo's downloadable document: a short summary of IMIX's 2020 annual review, as a PDF made on the spot."""

from .pdf import build_pdf

SUMMARY_TITLE = "IMIX annual review 2020: summary"
SUMMARY_FILENAME = "imix-annual-review-2020-summary.pdf"

# (label, unrestricted, restricted, total) for the period 3 June 2019 to 30 June 2020, in pounds.
FINANCES_2020 = [
    ("Income: donations and legacies", "214,329", "–", "214,329"),
    ("Income: charitable activities", "4,092", "160,833", "164,925"),
    ("Total income", "218,421", "160,833", "379,254"),
    ("Spending on charitable activities", "74,413", "81,674", "156,087"),
    ("Net income and funds at 30 June 2020", "144,008", "79,159", "223,167"),
]

FUNDERS = [
    "AB Charitable Trust",
    "Barrow Cadbury Trust",
    "Comic Relief",
    "Esmée Fairbairn Foundation",
    "Global Dialogue",
    "Oak Foundation",
    "Paul Hamlyn Foundation",
    "Trust for London",
    "Unbound Philanthropy",
]


def _pounds(amount):
    return "none" if amount == "–" else f"£{amount}"


def annual_review_summary_pdf():
    money = [
        ("text", f"{label}: {_pounds(total)} (unrestricted {_pounds(unrestricted)}, restricted {_pounds(restricted)})")
        for label, unrestricted, restricted, total in FINANCES_2020
    ]
    return build_pdf(
        SUMMARY_TITLE,
        [
            ("text", "A summary of our first year as an independent charity, prepared for the IMIX demo website."),
            ("heading", "Who we are"),
            (
                "text",
                "IMIX supports the refugee and migration sector to work with the media. We train and advise "
                "organisations, help people with lived experience of migration tell their own stories safely, "
                "and work with journalists to make coverage fairer and more human.",
            ),
            ("heading", "Our year in numbers"),
            ("text", "350 organisations now belong to the IMIX network, in the UK, France and Greece."),
            ("text", "More than 100 pieces of coverage in Refugee Week 2020, for the third year running."),
            (
                "text",
                "25 people with lived experience spoke to the media in Refugee Week, most for the first time.",
            ),
            ("text", "Twice as much media coverage secured as in the year before."),
            ("heading", "What shaped the year"),
            (
                "text",
                "Two things above all: the media's growing interest in people crossing the Channel to seek "
                "asylum, and the Covid-19 pandemic. We helped the sector talk about both, and used the "
                "pandemic to show the contribution of the many refugees and migrants who are key workers.",
            ),
            ("heading", "Our finances, 3 June 2019 to 30 June 2020"),
            *money,
            ("heading", "Thank you to our funders"),
            ("text", ", ".join(FUNDERS) + "."),
            ("heading", "Contact"),
            (
                "text",
                "IMIX, CAN Borough, 7-14 Great Dover Street, London SE1 4YR. Phone 020 7922 7852. "
                "Email media@imix.org.uk. Registered charity number 1183693.",
            ),
        ],
    )


def annual_review_summary(seeder):
    return seeder.document("annual-review-summary", SUMMARY_TITLE, SUMMARY_FILENAME, annual_review_summary_pdf)
