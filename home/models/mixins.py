"""Field groups every page shares: how it appears in listings and when shared on social media."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.blocks import resolve_page_links
from home.locales import with_content_locale
from home.public_address import public_root_url


class ListingFieldsMixin(models.Model):
    listing_title = models.CharField(
        max_length=120, blank=True, help_text=_("Shown in listings and search results instead of the page title.")
    )
    listing_summary = models.TextField(
        max_length=300, blank=True, help_text=_("One or two sentences shown in listings and search results.")
    )
    listing_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on cards in listings. Landscape, at least 1200 pixels wide."),
    )

    listing_panels = [
        MultiFieldPanel(
            [FieldPanel("listing_title"), FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings"),
        )
    ]

    class Meta:
        abstract = True

    @property
    def card_title(self):
        return self.listing_title or self.title


class SocialFieldsMixin(models.Model):
    social_image = models.ForeignKey(
        "home.CustomImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown when the page is shared on social media. Falls back to the listing image."),
    )
    social_text = models.CharField(
        max_length=255, blank=True, help_text=_("Shown when the page is shared. Falls back to the meta description.")
    )

    social_panels = [
        MultiFieldPanel([FieldPanel("social_image"), FieldPanel("social_text")], heading=_("Social media"))
    ]

    class Meta:
        abstract = True


class BasePage(ListingFieldsMixin, SocialFieldsMixin, Page):
    """Every page on the site: listing, search-engine and social fields, and the site's privacy rule.

    Privacy is offered only as "restricted to groups": "any logged-in user" would let pending applicants
    in, and shared passwords get passed around.
    """

    private_page_options = ["groups"]
    show_in_menus_default = False

    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        ),
        *ListingFieldsMixin.listing_panels,
        *SocialFieldsMixin.social_panels,
    ]

    search_fields = [
        *Page.search_fields,
        index.SearchField("listing_summary"),
        index.SearchField("search_description"),
    ]

    class Meta:
        abstract = True

    def members_only_setting(self):
        """Whether this page decides for itself that it is members-only (True), or not (False); None when editors
        set its privacy in the Privacy dialog. The privacy app keeps the page's restrictions to what this says
        (privacy.rules, rule 1)."""
        return None

    def get_view_restrictions(self):
        """Remembered on the instance: the members-only check and Wagtail's own both ask on every view.

        Kept as an evaluated QuerySet, not a list: Wagtail's own callers (copying a page) use `.exists()`,
        which an evaluated QuerySet answers from its cache without another query.
        """
        if not hasattr(self, "_view_restrictions"):
            restrictions = super().get_view_restrictions()
            if self.alias_of_id:
                restrictions = self._with_restrictions_of_the_original(restrictions)
            len(restrictions)  # evaluate once; iteration and .exists() then reuse the result cache
            self._view_restrictions = restrictions
        return self._view_restrictions

    def _with_restrictions_of_the_original(self, restrictions):
        """Wagtail gives an alias its original's own restrictions and its own ancestors'. An alias of a page
        that is members-only because its section is, placed outside that section, would be public: it also
        gets every restriction its original gets, its original's ancestors' included."""
        original = Page.objects.filter(pk=self.alias_of_id).specific().first()  # an alias of an alias too
        if original is None:
            return restrictions
        return PageViewRestriction.objects.filter(
            models.Q(pk__in=[restriction.pk for restriction in restrictions])
            | models.Q(pk__in=[restriction.pk for restriction in original.get_view_restrictions()])
        )

    def get_url_parts(self, request=None):
        """Wagtail's, with the site's public address (SITE_URL) as the root of every absolute URL: canonical
        links, hreflang alternates, og:url, the sitemap and the feeds all come from here. A site among several
        keeps its own record's address (see home.public_address)."""
        parts = super().get_url_parts(request)
        if parts is None or parts[1] is None:
            return parts
        site_id, root_url, page_path = parts
        return site_id, public_root_url(self, root_url, request), page_path

    def get_parent_url(self, request=None):
        """The parent page's URL without a query: a page's URL is always its parent's URL plus its slug,
        so listing pages can link "back" without fetching the parent."""
        url = self.get_url(request=request) or ""
        return url[: -len(self.slug) - 1] if url.endswith(f"/{self.slug}/") else url

    @property
    def meta_description(self):
        return self.search_description or self.listing_summary or getattr(self, "introduction", "")

    @property
    def share_image(self):
        return self.social_image or self.listing_image

    @property
    def card_summary(self):
        return self.listing_summary or self.search_description or getattr(self, "introduction", "")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        resolve_page_links(self)  # every link in the page's StreamFields in one query, not one per link
        return context


class ListingIndexMixin:
    """An index page whose children the home page can list ("latest news") without knowing their type.

    Subclasses override `get_listing_pages` to order by their own date field and select what cards need,
    and set `child_page_model` when all children share one type, so routing to a child costs one query
    instead of two (the generic page, then its specific type).
    """

    child_page_model = None

    def route(self, request, path_components):
        if not path_components or self.child_page_model is None:
            return super().route(request, path_components)
        try:
            child = self.child_page_model.objects.child_of(self).get(slug=path_components[0])
        except self.child_page_model.DoesNotExist as error:
            raise Http404 from error
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])

    def get_listing_pages(self):
        return (
            with_content_locale(Page.objects.child_of(self))
            .live()
            .public()
            .order_by("-first_published_at")
            .specific()
            .select_related("listing_image", for_specific_subqueries=True)
            .prefetch_related("listing_image__renditions", for_specific_subqueries=True)
        )
