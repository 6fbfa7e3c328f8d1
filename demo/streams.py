"""Build StreamField content in its stored (JSON) form, with block ids that are the same on every run.

Writing the stored form keeps the demo content readable and close to what the database holds; the seeder
validates every stream with its block definitions before a page is published, so a mistake here fails the
command instead of reaching an editor.
"""

import uuid
from html import escape

# Block ids are derived from this namespace and the block's place in the content, not drawn at random.
DEMO_NAMESPACE = uuid.UUID("7f1d2b64-3c1e-4a55-9d8e-5b0c6f2a9e11")


def block_id(*parts):
    return str(uuid.uuid5(DEMO_NAMESPACE, "/".join(str(part) for part in parts)))


def page_link(page, text):
    """A rich-text link to a page, in the stored form Wagtail keeps up to date when the page moves."""
    return f'<a linktype="page" id="{page.pk}">{escape(text)}</a>'


def document_link(document, text):
    return f'<a linktype="document" id="{document.pk}">{escape(text)}</a>'


def external_link(url, text):
    return f'<a href="{escape(url)}">{escape(text)}</a>'


def link_value(*, page=None, url="", label=""):
    """The value of a `LinkBlock`: a page or a URL, never both."""
    return {"label": label, "page": page.pk if page else None, "url": url}


class Stream:
    """Collects blocks for one StreamField; `key` names the field's content so its block ids are stable."""

    def __init__(self, key):
        self.key = key
        self.blocks = []

    def _id(self, *parts):
        return block_id(self.key, len(self.blocks), *parts)

    def _list(self, values):
        return [{"type": "item", "value": value, "id": self._id("item", index)} for index, value in enumerate(values)]

    def add(self, block_type, value):
        self.blocks.append({"type": block_type, "value": value, "id": self._id()})
        return self

    def build(self):
        return list(self.blocks)

    # Blocks shared by every body

    def heading(self, text, level="h2"):
        return self.add("heading", {"text": text, "level": level})

    def paragraph(self, *paragraphs):
        """One rich-text block; each argument is a paragraph of text that may hold inline markup."""
        return self.add("paragraph", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))

    def rich_text(self, html):
        return self.add("paragraph", html)

    def bullets(self, intro, items):
        listing = "".join(f"<li>{item}</li>" for item in items)
        return self.add("paragraph", (f"<p>{intro}</p>" if intro else "") + f"<ul>{listing}</ul>")

    def image(self, image, alt_text, *, caption="", credit=""):
        return self.add(
            "image",
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": alt_text},
                "caption": caption,
                "credit": credit,
            },
        )

    def quote(self, quote, attribution="", role=""):
        return self.add("quote", {"quote": quote, "attribution": attribution, "role": role})

    def document(self, document, *, title="", description=""):
        return self.add("document", {"document": document.pk, "title": title, "description": description})

    # Blocks for information pages

    def call_to_action(self, heading, text, link):
        return self.add("call_to_action", {"heading": heading, "text": text, "link": link})

    def statistics(self, heading, figures):
        statistics = self._list([{"value": value, "label": label} for value, label in figures])
        return self.add("statistics", {"heading": heading, "statistics": statistics})

    def table(self, caption, rows):
        """A table whose first row and first column are headers; the caption names it for screen readers."""
        return self.add(
            "table",
            {
                "data": rows,
                "table_caption": caption,
                "table_header_choice": "both",
                "first_row_is_table_header": True,
                "first_col_is_header": True,
                "cell": [],
                "mergedCells": [],
            },
        )

    def accordion(self, heading, items):
        """`items` are (title, html) pairs."""
        entries = self._list([{"title": title, "body": body} for title, body in items])
        return self.add("accordion", {"heading": heading, "items": entries})

    def funders(self):
        return self.add("funders", None)

    # Link-only streams (menus, the hero's call to action, social links)

    def link(self, *, page=None, url="", label=""):
        return self.add("link", link_value(page=page, url=url, label=label))

    def social_link(self, network, url):
        return self.add("link", {"network": network, "url": url})
