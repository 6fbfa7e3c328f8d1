"""A small, valid, text-only PDF written by hand, so the demo's downloadable document needs no extra library.

Only what a one- or two-page summary needs: A4 pages, the built-in Helvetica fonts, headings, wrapped
paragraphs, a document title and language for screen readers, and no timestamps (so runs repeat exactly).
"""

import textwrap

PAGE_WIDTH, PAGE_HEIGHT = 595, 842  # A4 in points
MARGIN = 56
STYLES = {
    # style: (font resource, size, leading, space before, wrap width in characters)
    "title": ("F2", 20, 26, 0, 48),
    "heading": ("F2", 13, 18, 10, 70),
    "text": ("F1", 10.5, 15, 4, 92),
}


def _pdf_string(text):
    """A PDF literal string in WinAnsi encoding, with anything outside ASCII written as an octal escape."""
    out = []
    for byte in text.encode("cp1252", errors="replace"):
        char = chr(byte)
        if char in "()\\":
            out.append("\\" + char)
        elif 32 <= byte < 127:
            out.append(char)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def _layout(title, blocks):
    """Split the text into pages of (font, size, x, y, line) runs."""
    pages, lines = [], []
    y = PAGE_HEIGHT - MARGIN
    for style, text in [("title", title), *blocks]:
        font, size, leading, space_before, width = STYLES[style]
        wrapped = textwrap.wrap(text, width=width) or [""]
        y -= space_before
        for line in wrapped:
            if y - leading < MARGIN:
                pages.append(lines)
                lines, y = [], PAGE_HEIGHT - MARGIN
            y -= leading
            lines.append((font, size, MARGIN, y, line))
    pages.append(lines)
    return pages


def build_pdf(title, blocks, *, author="IMIX", language="en-GB"):
    """Return the bytes of a PDF with `title` and `blocks`, a list of ("heading" | "text", text) pairs."""
    pages = _layout(title, blocks)
    objects = {}  # number -> body (bytes), written in order
    catalog, page_tree, regular, bold, info = 1, 2, 3, 4, 5
    next_number = 6
    page_numbers = []
    for lines in pages:
        content_number, page_number = next_number, next_number + 1
        next_number += 2
        commands = ["BT"]
        for font, size, x, y, line in lines:
            commands.append(f"/{font} {size} Tf 1 0 0 1 {x} {y:.1f} Tm {_pdf_string(line)} Tj")
        commands.append("ET")
        stream = "\n".join(commands).encode("latin-1")
        objects[content_number] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
        objects[page_number] = (
            f"<< /Type /Page /Parent {page_tree} 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {regular} 0 R /F2 {bold} 0 R >> >> /Contents {content_number} 0 R >>"
        ).encode("latin-1")
        page_numbers.append(page_number)
    kids = " ".join(f"{number} 0 R" for number in page_numbers)
    objects[catalog] = (
        f"<< /Type /Catalog /Pages {page_tree} 0 R /Lang {_pdf_string(language)} "
        "/ViewerPreferences << /DisplayDocTitle true >> >>"
    ).encode("latin-1")
    objects[page_tree] = f"<< /Type /Pages /Kids [{kids}] /Count {len(page_numbers)} >>".encode("latin-1")
    font = "<< /Type /Font /Subtype /Type1 /BaseFont /{name} /Encoding /WinAnsiEncoding >>"
    objects[regular] = font.format(name="Helvetica").encode("latin-1")
    objects[bold] = font.format(name="Helvetica-Bold").encode("latin-1")
    objects[info] = f"<< /Title {_pdf_string(title)} /Author {_pdf_string(author)} >>".encode("latin-1")

    output = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(output)
        output += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref_offset = len(output)
    size = max(objects) + 1
    output += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        output += b"%010d 00000 n \n" % offsets[number]
    output += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        size,
        catalog,
        info,
        xref_offset,
    )
    return bytes(output)
