"""The blocks a story is told in: deliberately few, so a story reads the same on every phone."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.blocks import CaptionedImageBlock, QuoteBlock, ResponsiveEmbedBlock

STORY_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class JourneyStoryBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=STORY_TEXT_FEATURES, icon="pilcrow", template="home/blocks/rich_text_block.html"
    )
    quote = QuoteBlock()
    image = CaptionedImageBlock(
        help_text=_("Check faces, signs, number plates and landmarks: could anyone be identified or located?")
    )
    embed = ResponsiveEmbedBlock()

    class Meta:
        block_counts = {}
