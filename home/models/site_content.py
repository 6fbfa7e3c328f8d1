"""Site-wide content editors manage once: contact details, navigation menus and funders."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import PreviewableMixin, TranslatableMixin
from wagtail.search import index

from home.blocks import LinkBlock, resolve_links_in

SOCIAL_NETWORKS = [
    ("bluesky", "Bluesky"),
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("linkedin", "LinkedIn"),
    ("mastodon", "Mastodon"),
    ("x", "X (Twitter)"),
    ("youtube", "YouTube"),
]


class SocialLinkValue(blocks.StructValue):
    def network_name(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), self.get("network"))


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("URL"))

    class Meta:
        icon = "link-external"
        value_class = SocialLinkValue


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Contact details shown in the footer and on the contact page; the same in every language."""

    phone = models.CharField(max_length=40, blank=True)
    press_phone = models.CharField(_("press line"), max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True, help_text=_("One line per line of the postal address."))
    charity_number = models.CharField(_("registered charity number"), max_length=20, blank=True)
    social_links = StreamField([("link", SocialLinkBlock())], blank=True)
    twitter_handle = models.CharField(
        max_length=40, blank=True, help_text=_("Without the @; used for Twitter/X cards.")
    )
    share_image = models.ForeignKey(
        "home.CustomImage",
        verbose_name=_("default share image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown when a page without an image of its own is shared on social media. Use a wide picture "
            "(1200 × 630 pixels) that is safe to show anywhere: never a storyteller's photo."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("press_phone"), FieldPanel("email"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        FieldPanel("charity_number"),
        FieldPanel("social_links"),
        MultiFieldPanel([FieldPanel("twitter_handle"), FieldPanel("share_image")], heading=_("Social media")),
    ]

    class Meta:
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]


class NavigationMenu(TranslatableMixin, PreviewableMixin, ClusterableModel):
    """A menu in one language; wagtail-localize translates its labels and remaps its pages."""

    class Location(models.TextChoices):
        PRIMARY = "primary", _("Main menu, at the top of every page")
        FOOTER = "footer", _("Footer links")

    location = models.CharField(max_length=20, choices=Location.choices)
    items = StreamField([("link", LinkBlock())], blank=True)

    panels = [FieldPanel("location"), FieldPanel("items")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")
        unique_together = [("translation_key", "locale"), ("location", "locale")]

    def __str__(self):
        return str(self.get_location_display())

    def get_preview_template(self, request, mode_name):
        return "home/previews/navigation_menu.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        resolve_links_in(self.items)
        return context


class Funder(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey("home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    sort_order = models.PositiveIntegerField(default=0, help_text=_("Lower numbers come first."))

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("logo"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("funder")
        verbose_name_plural = _("funders")

    def __str__(self):
        return self.name
