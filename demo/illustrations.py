"""The frame's illustrations: one for the home page's hero, one per information page, and a few for bodies."""

from .artwork import CORAL, LEAF, MIST, NAVY, SAND, TEAL, Illustration

WARM = (NAVY, CORAL, SAND, MIST, TEAL)
GREEN = (TEAL, LEAF, CORAL, SAND, NAVY)

HERO = Illustration(
    key="home-hero-paths-meeting",
    title="Dotted paths meeting at one point (home page hero)",
    description="Abstract illustration: dotted paths in coral, sand and green cross a deep navy sky and meet "
    "at one bright point.",
    motif="routes",
)
ABOUT = Illustration(
    key="about-overlapping-circles",
    title="Overlapping circles in teal, coral and green (about us)",
    description="Abstract illustration: large translucent circles in teal, coral, navy and green overlap on a "
    "warm sand background.",
    motif="circles",
)
WHAT_WE_DO = Illustration(
    key="what-we-do-pattern-tiles",
    title="Pattern of printed tiles (what we do)",
    description="Abstract illustration: a grid of tiles, each with a circle, half circle or triangle in teal, "
    "coral, green, navy and sand.",
    motif="mosaic",
)
JOIN = Illustration(
    key="join-ripples-spreading",
    title="Ripples spreading from three points (join the network)",
    description="Abstract illustration: rings spread out from three points across a teal background and overlap.",
    motif="ripples",
    palette=GREEN,
)
OBJECTS = Illustration(
    key="objects-rising-arcs",
    title="Rising arcs over a horizon (our objects)",
    description="Abstract illustration: bands of navy, teal, green and coral rise in arcs over a striped horizon.",
    motif="horizon",
)
FUNDERS = Illustration(
    key="funders-warm-waves",
    title="Waves under a pale sun, warm colours (funders)",
    description="Abstract illustration: layered waves in coral, sand and teal under a pale sun in a navy sky.",
    motif="waves",
    palette=WARM,
)
CONTACT = Illustration(
    key="contact-circles-green",
    title="Circles in green and coral (contact)",
    description="Abstract illustration: translucent circles in green, coral and teal on a light background.",
    motif="circles",
    palette=GREEN,
)

# Shared by bodies across the site, where a picture breaks up the text.
CONVERSATION = Illustration(
    key="body-conversation-circles",
    title="Circles side by side, like a conversation",
    description="Abstract illustration: circles of different sizes and colours sit side by side and overlap, "
    "like voices in a conversation.",
    motif="circles",
    palette=WARM,
)
SEA = Illustration(
    key="body-sea-waves",
    title="Sea waves in teal and green",
    description="Abstract illustration: bands of waves in green, navy, coral and sand roll across the lower half "
    "of the picture under a pale sun in a teal sky.",
    motif="waves",
    palette=GREEN,
)
SIGNALS = Illustration(
    key="body-broadcast-signals",
    title="Rings like broadcast signals",
    description="Abstract illustration: rings of sand, coral and green spread out from three points on a dark "
    "teal background, like signals being broadcast.",
    motif="ripples",
)
TILES = Illustration(
    key="body-many-tiles",
    title="Many different tiles, one pattern",
    description="Abstract illustration: tiles with different shapes and colours fit together into one pattern.",
    motif="mosaic",
    palette=GREEN,
)
