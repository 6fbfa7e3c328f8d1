"""StreamField blocks shared by every page type.

Page types pick a small StreamBlock from these rather than defining their own, so a quote or a call to
action looks and behaves the same everywhere.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from home.locales import active_locale_id, content_language, language_of_locale, with_content_locale


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading (level 2)")), ("h3", _("Sub-heading (level 3)"))],
        default="h2",
        help_text=_("Use level 2 for sections and level 3 inside them, so screen readers can navigate."),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading_block.html"
        description = _("A section heading that appears in the page outline.")
        preview_value = {"text": "What we do", "level": "h2"}


class LinkValue(blocks.StructValue):
    """Named `href` and `link_text` because a template's `value.url` would find the block's own URL field."""

    def linked_page(self):
        """The chosen page in the reader's language when it is published in it: a translated menu or page
        keeps pointing at the English page until an editor chooses again, and a French reader should not be
        sent to English when French exists. None when the chosen page is not live: the link is left out.

        Found once per reader's language; `resolve_links` finds it for many links at once.
        """
        locale_id = active_locale_id()
        resolved = getattr(self, "_resolved", None)
        if resolved is None or resolved[0] != locale_id:
            resolve_links([self], locale_id)
        return self._resolved[1]

    def href(self):
        page = self.linked_page()
        if page:
            return page.url
        return self.get("url") or ""

    def link_text(self):
        if self.get("label"):
            return self.get("label")
        page = self.linked_page()
        return page.title if page else self.get("url")

    def link_text_language(self, container_locale_id):
        """The language `link_text` is in: a label's is that of the menu or page holding it
        (`container_locale_id`), a page title's that of the page (an untranslated one keeps its original's)."""
        if self.get("label"):
            return language_of_locale(container_locale_id)
        page = self.linked_page()
        return content_language(page) if page else None


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website: exactly one of the two."""

    label = blocks.CharBlock(
        required=False, max_length=80, help_text=_("Leave blank to use the title of the chosen page.")
    )
    page = blocks.PageChooserBlock(required=False, help_text=_("Choose a page on this site…"))
    url = blocks.URLBlock(required=False, label=_("URL"), help_text=_("…or give the address of another website."))

    class Meta:
        icon = "link"
        value_class = LinkValue
        form_classname = "link-block"
        preview_value = {"label": "Join the network", "url": "https://imix.org.uk/"}

    def clean(self, value):
        value = super().clean(value)
        has_page, has_url = bool(value.get("page")), bool(value.get("url"))
        if has_page == has_url:
            message = _("Choose a page or enter a URL, not both.") if has_page else _("Choose a page or enter a URL.")
            raise blocks.StructBlockValidationError(block_errors={"page": ErrorList([ValidationError(message)])})
        if has_url and not value.get("label"):
            raise blocks.StructBlockValidationError(
                block_errors={"label": ErrorList([ValidationError(_("A link to another website needs a label."))])}
            )
        return value


_NOT_GIVEN = object()


def resolve_links(links, locale_id=_NOT_GIVEN):
    """Find the page each of `links` (LinkValues) sends this reader to, all at once: at most one query, for
    the chosen pages that have a translation to look for (see `LinkValue.linked_page`)."""
    links = list(links)
    if not links:
        return
    if locale_id is _NOT_GIVEN:
        locale_id = active_locale_id()
    chosen = [link.get("page") for link in links]
    keys = {
        page.translation_key
        for page in chosen
        if page is not None and page.live and locale_id is not None and page.locale_id != locale_id
    }
    translations = {}
    if keys:
        found = with_content_locale(Page.objects.live().filter(locale_id=locale_id, translation_key__in=keys))
        translations = {page.translation_key: page for page in found}
    for link, page in zip(links, chosen, strict=True):
        if page is None or not page.live:
            target = None  # a draft's or a withdrawn story's title is never shown, nor its address
        elif locale_id is None or page.locale_id == locale_id:
            target = page
        else:
            target = translations.get(page.translation_key, page)
        link._resolved = (locale_id, target)


def _holds_links(block):
    if isinstance(block, LinkBlock):
        return True
    if isinstance(block, blocks.ListBlock):
        return _holds_links(block.child_block)
    return any(_holds_links(child) for child in getattr(block, "child_blocks", {}).values())


def _links_in(block, value):
    """The LinkValues inside `value` (a value of `block`), converting only the blocks that can hold one."""
    if value is None or not _holds_links(block):
        return
    if isinstance(block, LinkBlock):
        if isinstance(value, LinkValue):
            yield value
    elif isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            if _holds_links(child):
                for item in value.blocks_by_name(name):
                    yield from _links_in(child, item.value)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from _links_in(child, value.get(name))
    elif isinstance(block, blocks.ListBlock):
        for item in value:
            yield from _links_in(block.child_block, item)


def resolve_links_in(*stream_values):
    """Resolve every link in these StreamField values at once, so rendering them asks the database nothing
    more (menus, calls to action: a page with ten links costs what a page with one does)."""
    resolve_links(link for value in stream_values for link in _links_in(value.stream_block, value))


def resolve_page_links(page):
    """`resolve_links_in` for every StreamField of `page` that can hold a link (deferred ones are left alone)."""
    deferred = page.get_deferred_fields()
    resolve_links_in(
        *(
            getattr(page, field.attname)
            for field in page._meta.get_fields()
            if isinstance(field, StreamField) and field.attname not in deferred and _holds_links(field.stream_block)
        )
    )


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(required=False, max_length=300)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        description = _("A short invitation with one clear link, such as 'Join the network'.")
        preview_value = {
            "heading": "Join the network",
            "text": "Free messaging guides, a daily press briefing and advice for organisations.",
            "link": {"label": "Apply to join", "url": "https://imix.org.uk/join/"},
        }


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120, help_text=_("Who took or made the picture."))

    class Meta:
        icon = "image"
        template = "home/blocks/captioned_image_block.html"
        description = _("An image with alt text, and an optional caption and credit.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(max_length=800)
    attribution = blocks.CharBlock(required=False, max_length=120)
    role = blocks.CharBlock(required=False, max_length=160, help_text=_("For example their job and organisation."))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote_block.html"
        description = _("A quotation with the name of the person who said it.")
        preview_value = {
            "quote": "IMIX has helped us to give a voice to our efforts of achieving equality for all.",
            "attribution": "A project manager",
            "role": "Partner organisation",
        }


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=20, help_text=_("For example '350' or '100+'."))
    label = blocks.CharBlock(max_length=80, help_text=_("For example 'member organisations'."))


class StatisticsRowBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=100)
    statistics = blocks.ListBlock(StatisticBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "list-ul"
        template = "home/blocks/statistics_row_block.html"
        description = _("A row of key figures, such as '350 members'.")
        preview_value = {
            "heading": "Our year",
            "statistics": [
                {"value": "350", "label": "member organisations"},
                {"value": "100+", "label": "pieces of coverage in Refugee Week"},
            ],
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(required=False, max_length=120, help_text=_("Leave blank to use the document's title."))
    description = blocks.TextBlock(required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_download_block.html"
        description = _("A link to download a document, with its type and size.")


class AccordionItemBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200)
    body = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul", "document-link"])


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "home/blocks/accordion_block.html"
        description = _("Questions or sections that open and close; they work without JavaScript.")
        preview_value = {
            "heading": "Questions",
            "items": [{"title": "Who can join?", "body": "<p>Organisations working with migrants and refugees.</p>"}],
        }


class AccessibleTableBlock(TableBlock):
    """Wagtail's table, wrapped so a wide table scrolls by keyboard instead of breaking a phone's layout."""

    class Meta:
        icon = "table"
        template = "home/blocks/table_block.html"
        description = _("A table of data. Give it a caption and a header row so screen readers can read it.")


class ResponsiveEmbedBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text=_("A YouTube, Vimeo or similar address."))
    title = blocks.CharBlock(max_length=120, help_text=_("Describes the video for people using screen readers."))

    class Meta:
        icon = "media"
        template = "home/blocks/embed_block.html"
        description = _("A video or other media from another website.")


class FunderListBlock(blocks.StaticBlock):
    class Meta:
        icon = "group"
        template = "home/blocks/funder_list_block.html"
        admin_text = _("Shows the funders listed under Snippets › Funders.")
        description = _("The list of IMIX's funders, kept in one place.")


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class StoryStreamBlock(blocks.StreamBlock):
    """For news and stories: text with pictures, quotes and video, nothing layout-heavy."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", template="home/blocks/rich_text_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = ResponsiveEmbedBlock()
    document = DocumentDownloadBlock()

    class Meta:
        block_counts = {}


class BodyStreamBlock(StoryStreamBlock):
    """For information pages (about, what we do, funders, contact): everything an editor may need."""

    call_to_action = CallToActionBlock()
    table = AccessibleTableBlock()
    statistics = StatisticsRowBlock()
    accordion = AccordionBlock()
    funders = FunderListBlock()
