"""The one block a press briefing is made of: a story in the news, and the line IMIX suggests taking on it."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks


class BriefingItemBlock(blocks.StructBlock):
    headline = blocks.CharBlock(max_length=250, help_text=_("The headline as the outlet published it."))
    outlet = blocks.CharBlock(max_length=120, help_text=_("For example: The Guardian, BBC News, Daily Mail."))
    link = blocks.URLBlock(label=_("link"), help_text=_("The address of the story."))
    summary = blocks.TextBlock(max_length=800, help_text=_("Two or three sentences: what the story says."))
    suggested_line = blocks.TextBlock(
        required=False,
        max_length=800,
        label=_("IMIX's suggested line"),
        help_text=_("How members might respond or frame the story. Leave blank if there is no line to take."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Story")
        template = "briefings/blocks/briefing_item.html"
        description = _("A story in the news, with IMIX's suggested line.")
        preview_value = {
            "headline": "Councils warn of rising homelessness among newly recognised refugees",
            "outlet": "Example News",
            "link": "https://example.org/story",
            "summary": "Councils say the 28-day move-on period leaves people with nowhere to go.",
            "suggested_line": "Give people time to find a home: extend the move-on period to 56 days.",
        }


class BriefingItemsBlock(blocks.StreamBlock):
    """Only stories: a briefing is a list of items, read in order, in the page and in the email alike."""

    item = BriefingItemBlock()

    class Meta:
        min_num = 1
