"""Human Journeys: stories of people with lived experience of migration, and the index that lists them.

A storyteller's name is never typed into a template: every template shows `page.storyteller_display_name`,
which reveals only what the page's identity level allows. Name fields the level does not use must be empty,
so a real name is not stored (and copied into revisions and translations) where nobody meant it to be.
"""

import math
import re

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, Site, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.content_cache import cached
from home.locales import with_content_locale
from home.models import BasePage, ListingIndexMixin
from home.pagination import paginate

from . import hooks
from .blocks import JourneyStoryBlock
from .panels import SafeguardingStatusPanel

STORIES_PER_PAGE = 12
RELATED_STORIES = 3
WORDS_PER_MINUTE = 200


class IdentityLevel(models.TextChoices):
    """How a storyteller is named, from most to least revealing."""

    FULL_NAME = "full_name", _("Full name")
    FIRST_NAME_AND_TOWN = "first_name_town", _("First name and town")
    FIRST_NAME = "first_name", _("First name only")
    PSEUDONYM = "pseudonym", _("A chosen pseudonym")
    ANONYMOUS = "anonymous", _("Anonymous")

    @classmethod
    def exposure(cls, level):
        """A number that grows with how much a level reveals; publishing must not exceed what was agreed."""
        return {
            cls.ANONYMOUS: 0,
            cls.PSEUDONYM: 1,
            cls.FIRST_NAME: 2,
            cls.FIRST_NAME_AND_TOWN: 3,
            cls.FULL_NAME: 4,
        }[level]


# Which name fields each identity level shows. Any other name field must be left empty.
NAME_FIELDS_BY_LEVEL = {
    IdentityLevel.FULL_NAME: {"storyteller_first_name", "storyteller_family_name"},
    IdentityLevel.FIRST_NAME_AND_TOWN: {"storyteller_first_name", "storyteller_town"},
    IdentityLevel.FIRST_NAME: {"storyteller_first_name"},
    IdentityLevel.PSEUDONYM: {"storyteller_pseudonym"},
    IdentityLevel.ANONYMOUS: set(),
}
NAME_FIELDS = ("storyteller_first_name", "storyteller_family_name", "storyteller_town", "storyteller_pseudonym")


class ContentWarning(models.TextChoices):
    DETENTION = "detention", _("Detention")
    VIOLENCE = "violence", _("Violence")
    SEXUAL_VIOLENCE = "sexual_violence", _("Sexual violence")
    LOSS = "loss", _("Death and loss")
    WAR = "war", _("War and conflict")
    FAMILY_SEPARATION = "family_separation", _("Family separation")
    SELF_HARM = "self_harm", _("Self-harm or suicide")
    DISCRIMINATION = "discrimination", _("Racism and discrimination")
    DANGEROUS_JOURNEY = "dangerous_journey", _("Dangerous journeys")


class JourneyTheme(TranslatableMixin, models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80, allow_unicode=True, help_text=_("Used in addresses, for example /human-journeys/?theme=work.")
    )
    description = models.TextField(blank=True, max_length=300)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("journey theme")
        verbose_name_plural = _("journey themes")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


def localize_themes(themes, locale_id, available=None):
    """`themes` as readers of a page in `locale_id` see them: each one's version in that language.

    A story's themes are chosen on the original, and wagtail-localize copies them to every translation as they
    are (it does not translate many-to-many fields), so a French story is filed under the English themes. Each
    theme is shown in the page's language where it has a translation, and as chosen where it has none. The
    versions are looked up in `available` (a list of themes, say the index's) or else in one query, and only
    when some theme is in another language.
    """
    if all(theme.locale_id == locale_id for theme in themes):
        return list(themes)
    keys = {theme.translation_key for theme in themes if theme.locale_id != locale_id}
    if available is None:
        available = JourneyTheme.objects.filter(locale_id=locale_id, translation_key__in=keys)
    by_key = {theme.translation_key: theme for theme in available if theme.locale_id == locale_id}
    return [by_key.get(theme.translation_key, theme) for theme in themes]


def filed_under(stories, theme):
    """The stories filed under `theme` in any of its languages (a translation keeps the original's themes)."""
    through = JourneyPage.themes.through
    return stories.filter(
        pk__in=through.objects.filter(journeytheme__translation_key=theme.translation_key).values("journeypage_id")
    )


class JourneyIndexPage(RoutablePageMixin, ListingIndexMixin, BasePage):
    introduction = models.TextField(max_length=600, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["journeys.JourneyPage", "journeys.ShareJourneyPage"]
    # Named, as in subpage_types, rather than imported: the share page belongs to `journeys.submissions`,
    # which is built on the stories.
    share_page_model = "journeys.ShareJourneyPage"
    template = "journeys/journey_index_page.html"
    page_description = _("Lists Human Journeys stories, newest first, with a theme filter and feeds.")

    class Meta:
        verbose_name = _("Human Journeys index page")

    def route(self, request, path_components):
        """Stories are most of the children: look for one first, in one query, then anything else."""
        if path_components:
            story = JourneyPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if story is not None:
                story._cached_parent_obj = self
                return story.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_listing_pages(self):
        return (
            with_content_locale(JourneyPage.objects.child_of(self))
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions", "themes")
            .order_by("-first_published_at", "-pk")
        )

    @cached_property
    def themes(self):
        return cached(
            ("journey-themes", self.locale_id), lambda: list(JourneyTheme.objects.filter(locale_id=self.locale_id))
        )

    def get_share_link(self, request):
        """Title and address of the live, public "Share your journey" page under this index, or None."""

        def build():
            page = apps.get_model(self.share_page_model).objects.child_of(self).live().public().first()
            return {"title": page.title, "url": page.get_url(request)} if page else {}

        return cached(("journey-share-link", self.pk), build, request=request) or None

    def theme_from_request(self, request):
        slug = request.GET.get("theme", "").strip()
        return next((theme for theme in self.themes if theme.slug == slug), None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        stories = self.get_listing_pages()
        theme = self.theme_from_request(request)
        if theme:
            stories = filed_under(stories, theme)
        context["stories"] = paginate(request, stories, STORIES_PER_PAGE, {"theme": theme.slug} if theme else {})
        for story in context["stories"]:
            # The themes were prefetched; their versions in this language are the index's own list.
            story.theme_list = localize_themes(story.themes.all(), self.locale_id, available=self.themes)
        context["themes"] = self.themes
        context["current_theme"] = theme
        context["share_link"] = self.get_share_link(request)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("feed/<str:kind>/", name="feed")
    def feed(self, request, kind):
        from .feeds import journey_feed_view

        return journey_feed_view(request, self, kind)


class JourneyPageForm(WagtailAdminPageForm):
    content_warnings = forms.MultipleChoiceField(
        label=_("Content warnings"),
        choices=ContentWarning.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Readers see these before the story and choose whether to go on."),
    )

    def clean(self):
        cleaned_data = super().clean()
        level = cleaned_data.get("identity_level")
        if level:
            for field_name, message in unused_name_field_errors(level, cleaned_data).items():
                self.add_error(field_name, message)
            for field_name, message in missing_name_field_errors(level, cleaned_data).items():
                self.add_error(field_name, message)
        if "action-publish" in self.data and self.instance.pk:
            # The review answers (`journeys.review.guard.publication_problems`), through a hook.
            for problem in hooks.publication_problems(self.instance):
                self.add_error(None, problem)
        return cleaned_data


def unused_name_field_errors(level, values):
    shown = NAME_FIELDS_BY_LEVEL[level]
    label = IdentityLevel(level).label
    return {
        field_name: _(
            "Leave this empty: the identity level “%(level)s” does not show it, and a name should not be "
            "stored where it is not shown."
        )
        % {"level": label}
        for field_name in NAME_FIELDS
        if field_name not in shown and (values.get(field_name) or "").strip()
    }


def missing_name_field_errors(level, values):
    return {
        field_name: _("The identity level “%(level)s” shows this: fill it in.") % {"level": IdentityLevel(level).label}
        for field_name in NAME_FIELDS_BY_LEVEL[level]
        if not (values.get(field_name) or "").strip()
    }


def image_block_image_id(value):
    """The image of a story's image block, as stored: {"image": {"image": id, "alt_text", "decorative"}, ...},
    or the bare id that older revisions (before alt text moved into the block) hold."""
    image = value.get("image") if isinstance(value, dict) else None
    if isinstance(image, dict):
        image = image.get("image")
    return image if isinstance(image, int) else None


def image_alt_text(value):
    """The alt text typed into a story's image block, as stored ("" when it uses the image's own)."""
    image = value.get("image") if isinstance(value, dict) else None
    return (image.get("alt_text") or "") if isinstance(image, dict) else ""


# What a story says about its storyteller and warns of: the same in every language (see JourneyPage).
STORYTELLER_FIELDS = (
    "identity_level",
    "storyteller_first_name",
    "storyteller_family_name",
    "storyteller_town",
    "storyteller_pseudonym",
    "as_told_to",
    "content_warnings",
)


class JourneyPage(BasePage):
    introduction = models.TextField(
        max_length=500, help_text=_("One or two sentences under the title. Shown in listings too.")
    )
    identity_level = models.CharField(
        max_length=20,
        choices=IdentityLevel.choices,
        default=IdentityLevel.ANONYMOUS,
        help_text=_(
            "How the storyteller is named on the site. It must not reveal more than their consent record allows."
        ),
    )
    storyteller_first_name = models.CharField(_("first name"), max_length=60, blank=True)
    storyteller_family_name = models.CharField(_("family name"), max_length=80, blank=True)
    storyteller_town = models.CharField(
        _("town"), max_length=80, blank=True, help_text=_("A town or city, never an address or a small village.")
    )
    storyteller_pseudonym = models.CharField(
        _("pseudonym"), max_length=60, blank=True, help_text=_("A name the storyteller chose, shown as a pseudonym.")
    )
    as_told_to = models.CharField(
        _("as told to"),
        max_length=120,
        blank=True,
        help_text=_("Who listened and wrote the story down, if not the storyteller."),
    )
    themes = ParentalManyToManyField("journeys.JourneyTheme", blank=True, related_name="journeys")
    pull_quote = models.TextField(max_length=400, blank=True, help_text=_("A line from the story to show large."))
    content_warnings = models.JSONField(default=list, blank=True)
    content_warning_note = models.CharField(
        max_length=200, blank=True, help_text=_("Anything the categories above do not cover.")
    )
    story = StreamField(JourneyStoryBlock())

    content_panels = [
        SafeguardingStatusPanel(),
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                HelpPanel(
                    content=_(
                        "Fill in only the fields the identity level shows; leave the others empty. The storyteller's "
                        "real name belongs in the consent record, which only staff see."
                    )
                ),
                FieldPanel("identity_level"),
                FieldPanel("storyteller_first_name"),
                FieldPanel("storyteller_family_name"),
                FieldPanel("storyteller_town"),
                FieldPanel("storyteller_pseudonym"),
                FieldPanel("as_told_to"),
            ],
            heading=_("Storyteller"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_warnings"), FieldPanel("content_warning_note")], heading=_("Content warning")
        ),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("pull_quote"),
        FieldPanel("story"),
    ]
    # Never the name fields: search must not find a storyteller by a name the page does not show.
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("pull_quote"),
        index.SearchField("story"),
        index.RelatedFields("themes", [index.SearchField("name")]),
    ]

    # A translation names the storyteller exactly as the original does, and warns of the same things: the
    # translation editor shows these fields but cannot change them, and syncing carries the original's changes.
    # The name check compares names with the consent record, which is spelt as the storyteller signed it.
    override_translatable_fields = [
        SynchronizedField(field_name, overridable=False) for field_name in STORYTELLER_FIELDS
    ]

    base_form_class = JourneyPageForm
    parent_page_types = ["journeys.JourneyIndexPage"]
    subpage_types = []
    template = "journeys/journey_page.html"
    page_description = _(
        "A story of lived experience of migration. Needs a consent record and a Safeguarding review to publish."
    )

    class Meta:
        verbose_name = _("Human Journey")
        verbose_name_plural = _("Human Journeys")

    def clean(self):
        super().clean()
        errors = unused_name_field_errors(self.identity_level, self.__dict__)
        if errors:
            raise ValidationError(errors)

    @property
    def storyteller_display_name(self):
        """The only way a storyteller's name reaches a page, a feed or a card: what the identity level allows."""
        level = self.identity_level
        if level == IdentityLevel.FULL_NAME:
            return f"{self.storyteller_first_name} {self.storyteller_family_name}".strip()
        if level == IdentityLevel.FIRST_NAME_AND_TOWN:
            return _("%(name)s, %(town)s") % {"name": self.storyteller_first_name, "town": self.storyteller_town}
        if level == IdentityLevel.FIRST_NAME:
            return self.storyteller_first_name
        if level == IdentityLevel.PSEUDONYM:
            return _("%(pseudonym)s (a pseudonym)") % {"pseudonym": self.storyteller_pseudonym}
        return _("A storyteller who chose to stay anonymous")

    @property
    def content_warning_labels(self):
        labels = dict(ContentWarning.choices)
        return [labels[value] for value in self.content_warnings or [] if value in labels]

    @property
    def has_content_warning(self):
        return bool(self.content_warning_labels or self.content_warning_note)

    def story_text(self):
        """The story's words, for reading time and for the name check before publishing.

        Read from the raw stream data, so a card's reading time never loads the story's images.
        """
        parts = [self.pull_quote or ""]
        for block in self.story.raw_data:
            value = block.get("value") or {}
            if block["type"] == "text":
                parts.append(strip_tags(value if isinstance(value, str) else ""))
            elif block["type"] == "quote":
                parts.extend([value.get("quote") or "", value.get("attribution") or ""])
            elif block["type"] == "image":
                parts.extend([value.get("caption") or "", value.get("credit") or "", image_alt_text(value)])
            elif block["type"] == "embed":
                parts.append(value.get("title") or "")
        return "\n".join(part for part in parts if part)

    @property
    def reading_minutes(self):
        words = len(re.findall(r"\w+", self.story_text()))
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    @property
    def share_image(self):
        """The story's social or listing image only where the storyteller agreed to social media; otherwise the
        site's default picture, so a story shared without that consent never shows anything of theirs."""
        image = super().share_image
        return image if image is not None and hooks.share_image_allowed(self) else None

    def image_ids(self):
        """Every image this version of the story shows: listing, social and in the story itself.

        Read from the raw stream data, so an old revision's images are found without loading them (and an
        image deleted since is simply a number that matches nothing).
        """
        ids = {self.listing_image_id, self.social_image_id}
        for block in self.story.raw_data:
            if block["type"] == "image":
                ids.add(image_block_image_id(block.get("value") or {}))
        return {pk for pk in ids if pk}

    @cached_property
    def chosen_themes(self):
        """The themes as stored: on a translation, the original's."""
        return list(self.themes.all())

    @cached_property
    def theme_list(self):
        """The themes in the story's own language, for display."""
        return localize_themes(self.chosen_themes, self.locale_id)

    def get_related_section(self, request):
        """The "More journeys" section as HTML, cached until published content next changes (previews build it)."""

        def render():
            # The story itself, so each card is marked with its language where it differs from the story's.
            context = {"related_stories": self.find_related_stories(), "page": self, "request": request}
            return render_to_string("journeys/includes/related_stories.html", context).strip()

        site = Site.find_for_request(request)
        html = cached(("journey-related", site.pk if site else 0, self.pk), render, request=request)
        return mark_safe(html)  # noqa: S308 (rendered by our own template)

    def find_related_stories(self):
        theme_ids = [theme.pk for theme in self.chosen_themes]
        stories = (
            with_content_locale(JourneyPage.objects.live())
            .public()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
        )
        if theme_ids:
            stories = stories.filter(themes__in=theme_ids).distinct()
        return list(stories.order_by("-first_published_at")[:RELATED_STORIES])

    def get_workflow(self):
        """Every story goes through the Safeguarding review, wherever it sits in the page tree (the review
        names its workflow through the `journeys_story_workflow` hook)."""
        return hooks.story_workflow(self)

    @property
    def has_workflow(self):
        return self.get_workflow() is not None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_url"] = self.get_parent_url(request)
        context["story_themes"] = self.theme_list
        context["related_section"] = self.get_related_section(request)
        return context
