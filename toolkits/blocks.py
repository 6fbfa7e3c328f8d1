"""Blocks for toolkits: the parts of a messaging guide and the questions of a Q&A toolkit.

Each toolkit field takes one kind of block, so the guide always reads in the same order ("context, key
messages, say this / not that, ...") and members know where to look; the shared blocks (`home.blocks`) supply
downloads.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import DocumentDownloadBlock

SOURCE_RICH_TEXT = ["bold", "italic", "link", "ol", "ul", "document-link"]


class SourceBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, help_text=_("For example the report's title and publisher."))
    url = blocks.URLBlock(required=False, label=_("URL"))

    class Meta:
        icon = "link"
        template = "toolkits/blocks/source_block.html"


class FramingPairBlock(blocks.StructBlock):
    say_this = blocks.TextBlock(max_length=400, label=_("Say this"))
    not_that = blocks.TextBlock(max_length=400, label=_("Not that"))
    reason = blocks.TextBlock(max_length=600, label=_("Why"), help_text=_("Why the first framing works better."))

    class Meta:
        icon = "arrows-up-down"
        template = "toolkits/blocks/framing_pair_block.html"
        description = _("A framing that works, the one to avoid, and why.")
        preview_value = {
            "say_this": "People seeking safety",
            "not_that": "Illegal migrants",
            "reason": "No one is illegal; seeking asylum is a legal right.",
        }


class RecommendedTermBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=120, label=_("Use"))
    instead_of = blocks.CharBlock(required=False, max_length=120, label=_("Instead of"))
    note = blocks.TextBlock(required=False, max_length=400)

    class Meta:
        icon = "tag"
        template = "toolkits/blocks/recommended_term_block.html"


class EvidencePointBlock(blocks.StructBlock):
    point = blocks.TextBlock(max_length=600)
    sources = blocks.ListBlock(SourceBlock(), min_num=0)

    class Meta:
        icon = "list-ul"
        template = "toolkits/blocks/evidence_point_block.html"
        description = _("A fact members can use, with where it comes from.")


class ExampleBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("social_post", _("Social media post")), ("soundbite", _("Soundbite"))], default="social_post"
    )
    text = blocks.TextBlock(max_length=600)

    class Meta:
        icon = "openquote"
        template = "toolkits/blocks/example_block.html"


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=250)
    short_answer = blocks.TextBlock(
        max_length=600, label=_("Line to take"), help_text=_("The short answer, in one or two sentences.")
    )
    full_answer = blocks.RichTextBlock(features=SOURCE_RICH_TEXT, required=False, label=_("Fuller answer"))
    sources = blocks.ListBlock(SourceBlock(), min_num=0)

    class Meta:
        icon = "help"


class QASectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    questions = blocks.ListBlock(QuestionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "toolkits/blocks/qa_section_block.html"
        description = _("A group of questions with the line to take on each.")


def downloads_blocks():
    return [("document", DocumentDownloadBlock())]
