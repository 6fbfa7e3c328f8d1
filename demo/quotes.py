"""Partners' words about IMIX, quoted exactly as published in the charity's 2020 annual review."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Quote:
    text: str
    attribution: str
    role: str


LUTON_ROMA_TRUST = Quote(
    "Words cannot sometimes comprise everything you want to say but it is true that IMIX has helped us to give a "
    "voice to our efforts of achieving equality for all.",
    "Crina Morteau",
    "Project Manager, Luton Roma Trust",
)
REFUGEE_WEEK = Quote(
    "What makes IMIX so special is their combination of specialist knowledge of the media and audiences, and their "
    "strong values and commitment to making media work a positive and empowering experience for the people sharing "
    "their stories.",
    "Emily Churchill Zarea",
    "Refugee Week UK Coordinator",
)
HACKNEY_MIGRANT_CENTRE = Quote(
    "I think IMIX's work is so important for a sector that depends on volunteers and where many people are working "
    "at capacity.",
    "Nadia Chalabi",
    "School Meals Advocate, Hackney Migrant Centre",
)
KENT_REFUGEE_ACTION = Quote(
    "Since the Channel crossings started we have received an unprecedented amount of media requests due to our "
    "position working in Kent. The team at IMIX have provided absolutely invaluable support as dealing with an often "
    "hostile media can be a lonely and difficult job. Being able to call on IMIX for advice has been incredibly "
    "helpful and has meant that we have been able to start to take control of the narrative in our region.",
    "Bridget Chapman",
    "Kent Refugee Action",
)
