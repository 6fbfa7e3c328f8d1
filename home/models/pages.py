"""The home page and the information pages (about, what we do, funders, contact, policies)."""

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from home.blocks import BodyStreamBlock, CallToActionBlock, LinkBlock
from home.content_cache import cached
from home.locales import with_content_locale

from .images import CustomImage
from .mixins import BasePage

HOME_SECTION_SIZE = 3


class HomePage(BasePage):
    hero_heading = models.CharField(_("headline"), max_length=120)
    hero_introduction = models.TextField(_("introduction"), max_length=400, blank=True)
    hero_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A wide image behind or beside the headline. Avoid faces of people at risk."),
    )
    hero_call_to_action = StreamField([("link", LinkBlock())], blank=True, max_num=1, verbose_name=_("call to action"))

    vision = RichTextField(blank=True, features=["bold", "italic", "link"])
    mission = RichTextField(blank=True, features=["bold", "italic", "link"])

    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured story"),
        help_text=_("A story or post to feature prominently, under the mission."),
    )

    news_heading = models.CharField(max_length=80, default="Latest news", blank=True)
    news_index = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The news index whose latest posts are listed. Choose posts below to override."),
    )
    journeys_heading = models.CharField(max_length=80, default="Human Journeys", blank=True)
    journeys_index = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The Human Journeys index whose latest stories are listed. Choose stories below to override."),
    )

    calls_to_action = StreamField(
        [("call_to_action", CallToActionBlock())],
        blank=True,
        max_num=3,
        help_text=_("For example 'Join the network' and 'Get support'."),
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_introduction"),
                FieldPanel("hero_image"),
                FieldPanel("hero_call_to_action"),
            ],
            heading=_("Hero"),
        ),
        MultiFieldPanel([FieldPanel("vision"), FieldPanel("mission")], heading=_("Vision and mission")),
        FieldPanel("featured_page"),
        MultiFieldPanel(
            [
                FieldPanel("news_heading"),
                FieldPanel("news_index"),
                InlinePanel("news_picks", label=_("Chosen posts"), max_num=HOME_SECTION_SIZE),
            ],
            heading=_("Latest news"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("journeys_heading"),
                FieldPanel("journeys_index"),
                InlinePanel("journey_picks", label=_("Chosen stories"), max_num=HOME_SECTION_SIZE),
            ],
            heading=_("Human Journeys"),
        ),
        FieldPanel("calls_to_action"),
    ]

    search_fields = [*BasePage.search_fields, index.SearchField("hero_introduction")]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"
    page_description = _("The front page of the site, one for each language.")

    class Meta:
        verbose_name = _("home page")

    @property
    def introduction(self):
        return self.hero_introduction

    def get_section_pages(self, picks_relation, index_page):
        """The editor's chosen pages if any, otherwise the index's latest, as cards in a fixed query count."""
        pick_ids = [pick.page_id for pick in getattr(self, picks_relation).all() if pick.page_id]
        if pick_ids:
            pages = (
                with_content_locale(Page.objects.filter(pk__in=pick_ids))
                .live()
                .public()
                .specific()
                .select_related("listing_image", for_specific_subqueries=True)
                .prefetch_related("listing_image__renditions", for_specific_subqueries=True)
            )
            by_id = {page.pk: page for page in pages}
            return [by_id[pk] for pk in pick_ids if pk in by_id]
        if index_page is None:
            return []
        index_page = index_page.specific_deferred
        if not index_page.live or not hasattr(index_page, "get_listing_pages"):
            return []
        return list(index_page.get_listing_pages()[:HOME_SECTION_SIZE])

    def build_sections(self):
        """Everything the home page lists, with images and renditions loaded, ready to cache."""
        featured = None
        if self.featured_page_id:
            featured = (
                with_content_locale(Page.objects.filter(pk=self.featured_page_id))
                .live()
                .public()
                .specific()
                .select_related("listing_image", for_specific_subqueries=True)
                .prefetch_related("listing_image__renditions", for_specific_subqueries=True)
                .first()
            )
        hero_image = None
        if self.hero_image_id:
            hero_image = CustomImage.objects.prefetch_related("renditions").filter(pk=self.hero_image_id).first()
        return {
            "hero_image": hero_image,
            "featured_page": featured,
            "news_pages": self.get_section_pages("news_picks", self.news_index),
            "news_index_url": self.news_index.url if self.news_index and self.news_index.live else "",
            "journey_pages": self.get_section_pages("journey_picks", self.journeys_index),
            "journeys_index_url": (self.journeys_index.url if self.journeys_index and self.journeys_index.live else ""),
        }

    def render_sections(self, request):
        """The hero image and the listed sections as HTML: cards, images and their renditions, ready to cache."""
        context = {"page": self, "request": request, **self.build_sections()}
        return {
            "hero_media": render_to_string("home/includes/hero_media.html", context).strip(),
            "listing_sections": render_to_string("home/includes/listing_sections.html", context).strip(),
        }

    def get_sections(self, request):
        """The sections, cached as HTML until published content next changes; previews always see the draft."""
        site = Site.find_for_request(request)
        sections = cached(
            ("home-sections", site.pk if site else 0, self.pk), lambda: self.render_sections(request), request=request
        )
        return {name: mark_safe(html) for name, html in sections.items()}  # noqa: S308 (rendered by our templates)

    @property
    def share_image(self):
        """The headline's picture when editors chose no other: it is already public, on the page itself."""
        return self.social_image or self.listing_image or self.hero_image

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_sections(request))
        return context


class HomePagePick(Orderable):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        abstract = True


class HomePageNewsPick(HomePagePick):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="news_picks")


class HomePageJourneyPick(HomePagePick):
    home_page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="journey_picks")


class StandardPage(BasePage):
    introduction = models.TextField(max_length=500, blank=True, help_text=_("A short summary under the title."))
    body = StreamField(BodyStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]
    template = "home/standard_page.html"
    page_description = _(
        "An information page: about us, what we do, our objects, funders, contact, accessibility or privacy."
    )

    class Meta:
        verbose_name = _("standard page")
