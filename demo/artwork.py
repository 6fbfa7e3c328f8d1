"""Abstract illustrations for the demo site, drawn with Pillow: nothing is downloaded and no one is pictured.

Each illustration is a pure function of its spec, so a run always produces byte-identical JPEGs (for the
same Pillow version), and the same spec is drawn only once per process.
"""

import functools
import io
import math
import random
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
# Shapes are drawn at twice the size and scaled down, which smooths their edges.
SUPERSAMPLE = 2

TEAL = "#0b4f6c"
CORAL = "#e4572e"
SAND = "#f3d9a4"
NAVY = "#1b2a41"
LEAF = "#4c956c"
MIST = "#f7f3ea"

MOTIFS = ("waves", "circles", "routes", "mosaic", "ripples", "horizon")


@dataclass(frozen=True)
class Illustration:
    """One picture for the image library.

    `key` is stable: it names the file and seeds the drawing. `title` is what editors see in the library
    (and how a re-run recognises the image); `description` is the image's default alt text.
    """

    key: str
    title: str
    description: str
    motif: str
    palette: tuple[str, ...] = (NAVY, TEAL, CORAL, SAND, LEAF)

    def __post_init__(self):
        if self.motif not in MOTIFS:
            raise ValueError(f"Unknown motif {self.motif!r}; choose one of {', '.join(MOTIFS)}.")

    @property
    def filename(self):
        return f"{self.key}.jpg"


def _rgb(colour):
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _rgba(colour, alpha=255):
    return (*_rgb(colour), alpha)


def _mix(first, second, amount):
    a, b = _rgb(first), _rgb(second)
    return "#" + "".join(f"{round(x + (y - x) * amount):02x}" for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom, angle=0, glows=()):
    """A linear gradient from `top` to `bottom`, turned by `angle` degrees, with soft `glows` of light.

    Backgrounds are smooth, so they are made at a sixteenth of the size and scaled up once: a linear ramp
    survives bilinear scaling exactly, and working at full size is most of the cost of a picture. Each glow is
    (centre, radius, colour, alpha) in full-size coordinates.
    """
    scale = 16
    small = (max(2, size[0] // scale), max(2, size[1] // scale))
    mask = Image.linear_gradient("L")
    if angle:
        mask = mask.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
        inset = mask.width // 4
        mask = mask.crop((inset, inset, mask.width - inset, mask.height - inset))
    mask = mask.resize(small, Image.Resampling.BILINEAR)
    ramp = Image.composite(Image.new("RGBA", small, _rgba(bottom)), Image.new("RGBA", small, _rgba(top)), mask)
    for (x, y), radius, colour, alpha in glows:
        glow = Image.new("RGBA", small, (0, 0, 0, 0))
        ImageDraw.Draw(glow).ellipse(_disc(x / scale, y / scale, radius / scale), fill=_rgba(colour, alpha))
        ramp.alpha_composite(glow.filter(ImageFilter.GaussianBlur(radius / scale / 2)))
    return ramp.resize(size, Image.Resampling.BILINEAR)


class _Scratch:
    """A transparent layer reused for every translucent shape: draw, blend just the shape's box, clear the box.

    Blending and clearing only the box (not the whole picture) for each shape is what keeps drawing quick.
    """

    def __init__(self, canvas):
        self.canvas = canvas
        self.image = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
        self.draw = ImageDraw.Draw(self.image)

    def blend(self, box):
        width, height = self.canvas.size
        x0, y0 = max(0, math.floor(box[0]) - 2), max(0, math.floor(box[1]) - 2)
        x1, y1 = min(width, math.ceil(box[2]) + 2), min(height, math.ceil(box[3]) + 2)
        if x0 < x1 and y0 < y1:
            self.canvas.alpha_composite(self.image, dest=(x0, y0), source=(x0, y0, x1, y1))
            self.image.paste((0, 0, 0, 0), (x0, y0, x1, y1))


def _disc(cx, cy, r):
    return (cx - r, cy - r, cx + r, cy + r)


def _draw_waves(rng, palette, size):
    w, h = size
    dark, mid, accent, light, green = palette
    angle = rng.choice((0, 8, -8))
    cx, cy, r = w * rng.uniform(0.62, 0.82), h * rng.uniform(0.2, 0.32), h * rng.uniform(0.09, 0.13)
    canvas = _gradient(size, dark, mid, angle=angle, glows=[((cx, cy), r * 2, light, 150)])
    scratch = _Scratch(canvas)
    scratch.draw.ellipse(_disc(cx, cy, r), fill=_rgba(light, 235))
    scratch.blend(_disc(cx, cy, r))
    colours = [_mix(mid, light, 0.35), green, accent, _mix(dark, mid, 0.5), light, dark]
    bands = 6
    for band in range(bands):
        base = h * (0.45 + band * 0.1)
        amplitude = h * rng.uniform(0.025, 0.06)
        wavelength = w * rng.uniform(0.35, 0.9)
        phase = rng.uniform(0, math.tau)
        ripple = rng.uniform(0.2, 0.5)
        points = []
        for step in range(0, 201):
            x = w * step / 200
            y = base + amplitude * math.sin(math.tau * x / wavelength + phase)
            y += amplitude * ripple * math.sin(math.tau * x / (wavelength / 3.1) + phase * 1.7)
            points.append((x, y))
        top = min(y for _x, y in points)
        points += [(w, h), (0, h)]
        opaque = band == bands - 1
        scratch.draw.polygon(points, fill=_rgba(colours[band % len(colours)], 255 if opaque else 215))
        scratch.blend((0, top, w, h))
    return canvas


def _draw_circles(rng, palette, size):
    w, h = size
    dark, mid, accent, light, green = palette
    canvas = _gradient(size, MIST, light, angle=rng.choice((0, 30, -30)))
    scratch = _Scratch(canvas)
    for _ in range(rng.randint(7, 10)):
        r = h * rng.uniform(0.14, 0.45)
        box = _disc(rng.uniform(-0.05, 1.05) * w, rng.uniform(-0.05, 1.05) * h, r)
        colour = rng.choice((dark, mid, accent, green, mid, accent))
        scratch.draw.ellipse(box, fill=_rgba(colour, rng.randint(140, 210)))
        scratch.blend(box)
    draw = ImageDraw.Draw(canvas)
    for _ in range(rng.randint(18, 30)):
        r = h * rng.uniform(0.006, 0.018)
        draw.ellipse(_disc(rng.uniform(0, w), rng.uniform(0, h), r), fill=_rgba(rng.choice((dark, MIST, accent))))
    return canvas


def _bezier(p0, p1, p2, p3, steps=120):
    points = []
    for i in range(steps + 1):
        t = i / steps
        u = 1 - t
        points.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return points


def _draw_routes(rng, palette, size):
    """Journeys: dotted paths that set out from different places and meet."""
    w, h = size
    dark, mid, accent, light, green = palette
    angle = rng.choice((20, -20))
    meeting = (w * rng.uniform(0.62, 0.75), h * rng.uniform(0.42, 0.58))
    canvas = _gradient(size, dark, _mix(dark, mid, 0.6), angle=angle, glows=[(meeting, h * 0.4, mid, 200)])
    draw = ImageDraw.Draw(canvas)
    stroke = max(2, round(h * 0.006))
    colours = (accent, light, green, light, accent)
    for index in range(5):
        start = (-w * 0.02, h * (0.12 + index * 0.19 + rng.uniform(-0.04, 0.04)))
        c1 = (w * rng.uniform(0.15, 0.35), h * rng.uniform(0, 1))
        c2 = (w * rng.uniform(0.4, 0.55), h * rng.uniform(0, 1))
        path = _bezier(start, c1, c2, meeting)
        colour = _rgba(colours[index])
        for i in range(0, len(path) - 1, 2):
            draw.line((path[i], path[i + 1]), fill=colour, width=stroke)
        for point in (path[30], path[70]):
            draw.ellipse(_disc(*point, stroke * 3), fill=colour)
    # The way on from the meeting point is one solid line.
    draw.line((meeting, (w * 1.02, meeting[1] - h * 0.08)), fill=_rgba(light), width=stroke * 2)
    scratch = _Scratch(canvas)
    for ring in range(4, 0, -1):
        scratch.draw.ellipse(_disc(*meeting, h * 0.03 * ring), outline=_rgba(light, 60 + 40 * (4 - ring)), width=stroke)
    scratch.blend(_disc(*meeting, h * 0.12))
    draw.ellipse(_disc(*meeting, h * 0.028), fill=_rgba(accent))
    return canvas


def _draw_mosaic(rng, palette, size):
    """Tiles of quarter circles, half circles and triangles, like a printed pattern.

    Each tile is drawn on its own so a quarter circle stays inside its tile.
    """
    w, h = size
    dark, mid, accent, light, green = palette
    canvas = Image.new("RGBA", size, _rgba(MIST))
    columns = 8
    tile = math.ceil(w / columns)
    rows = math.ceil(h / tile)
    colours = (dark, mid, accent, light, green)
    for row in range(rows):
        for column in range(columns):
            back, fore = rng.sample(colours, 2)
            piece = Image.new("RGBA", (tile, tile), _rgba(back))
            draw = ImageDraw.Draw(piece)
            shape = rng.choice(("quarter", "quarter", "half", "circle", "triangle", "ring"))
            if shape == "quarter":
                cx, cy = rng.choice(((0, 0), (tile, 0), (0, tile), (tile, tile)))
                draw.ellipse(_disc(cx, cy, tile), fill=_rgba(fore))
            elif shape == "half":
                start = rng.choice((0, 90, 180, 270))
                draw.pieslice((0, 0, tile, tile), start, start + 180, fill=_rgba(fore))
            elif shape == "circle":
                inset = tile * 0.16
                draw.ellipse((inset, inset, tile - inset, tile - inset), fill=_rgba(fore))
            elif shape == "triangle":
                corners = [(0, 0), (tile, 0), (tile, tile), (0, tile)]
                skip = rng.randrange(4)
                draw.polygon([c for i, c in enumerate(corners) if i != skip], fill=_rgba(fore))
            else:
                inset = tile * 0.12
                draw.ellipse((inset, inset, tile - inset, tile - inset), outline=_rgba(fore), width=round(tile * 0.14))
            canvas.paste(piece, (column * tile, row * tile))
    return canvas


def _draw_ripples(rng, palette, size):
    w, h = size
    dark, mid, accent, light, green = palette
    canvas = _gradient(size, mid, dark, angle=rng.choice((0, 15, -15)))
    scratch = _Scratch(canvas)
    centres = [(w * rng.uniform(0.15, 0.85), h * rng.uniform(0.2, 0.8)) for _ in range(3)]
    for (cx, cy), colour in zip(centres, (light, accent, green), strict=True):
        step = h * rng.uniform(0.05, 0.08)
        width = max(3, round(step * 0.28))
        for ring in range(1, 9):
            fade = max(40, 230 - ring * 24)
            scratch.draw.ellipse(_disc(cx, cy, step * ring), outline=_rgba(colour, fade), width=width)
        scratch.draw.ellipse(_disc(cx, cy, step * 0.45), fill=_rgba(colour, 240))
        scratch.blend(_disc(cx, cy, step * 8))
    return canvas


def _draw_horizon(rng, palette, size):
    """Arcs rising over a low horizon: a new day, a new place."""
    w, h = size
    dark, mid, accent, light, green = palette
    canvas = _gradient(size, _mix(light, MIST, 0.5), light)
    draw = ImageDraw.Draw(canvas)
    cx, base = w * rng.uniform(0.35, 0.65), h * 0.72
    outer = h * 0.62
    for index, colour in enumerate((dark, mid, green, accent, light, MIST)):
        r = outer * (1 - index * 0.15)
        draw.pieslice(_disc(cx, base, r), 180, 360, fill=_rgba(colour))
    stripes = (dark, mid, green, accent)
    stripe = (h - base) / len(stripes)
    for index, colour in enumerate(stripes):
        top = base + index * stripe
        tilt = h * rng.uniform(-0.02, 0.02)
        draw.polygon([(0, top + tilt), (w, top - tilt), (w, h), (0, h)], fill=_rgba(colour))
    return canvas


_DRAWERS = {
    "waves": _draw_waves,
    "circles": _draw_circles,
    "routes": _draw_routes,
    "mosaic": _draw_mosaic,
    "ripples": _draw_ripples,
    "horizon": _draw_horizon,
}


@functools.lru_cache(maxsize=64)
def render_illustration(illustration):
    """The illustration as JPEG bytes, 1600×900, identical on every run."""
    # Seeded so every run draws the same picture; nothing here needs unpredictability.
    rng = random.Random(f"imix-demo:{illustration.key}")  # noqa: S311
    size = (WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE)
    canvas = _DRAWERS[illustration.motif](rng, illustration.palette, size)
    image = canvas.convert("RGB").reduce(SUPERSAMPLE)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=86, optimize=True, progressive=True)
    return buffer.getvalue()
