"""The blog: news and positive stories, with authors, categories, tags and feeds."""

from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from home.blocks import StoryStreamBlock
from home.locales import with_content_locale
from home.models import BasePage, ListingIndexMixin
from home.pagination import paginate

POSTS_PER_PAGE = 10


class Author(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    role = models.CharField(max_length=160, blank=True)
    biography = models.TextField(blank=True, max_length=600)
    image = models.ForeignKey("home.CustomImage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("biography"), FieldPanel("image")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.name


class BlogCategory(TranslatableMixin, models.Model):
    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80, allow_unicode=True, help_text=_("Used in addresses, for example /news/?category=news.")
    )
    description = models.TextField(blank=True, max_length=300)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("blog category")
        verbose_name_plural = _("blog categories")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


def in_page_language(chosen, page, *related):
    """The authors or categories chosen for `page` (a list), each in the page's language where it has a
    translation.

    wagtail-localize gives a translated post its source's choices, the English snippets: a Greek post would
    otherwise name its categories and its author's role in English. A page whose choices are all in its own
    language (any post written in it) costs no extra query.
    """
    items = list(chosen.select_related(*related)) if related else list(chosen)
    elsewhere = {item.translation_key for item in items if item.locale_id != page.locale_id}
    if not elsewhere:
        return items
    translated = {
        item.translation_key: item
        for item in chosen.model.objects.filter(translation_key__in=elsewhere, locale_id=page.locale_id).select_related(
            *related
        )
    }
    return [translated.get(item.translation_key, item) for item in items]


def with_category(posts, category):
    """Posts filed under `category` in any language: a translated post keeps its source's (English) choices."""
    return posts.filter(categories__translation_key=category.translation_key).distinct()


class BlogPageTag(TaggedItemBase):
    content_object = ParentalKey("news.BlogPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogIndexPage(RoutablePageMixin, ListingIndexMixin, BasePage):
    introduction = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.BlogPage"]
    template = "news/blog_index_page.html"
    page_description = _("Lists news and positive stories, newest first, with filters and feeds.")

    class Meta:
        verbose_name = _("blog index page")

    @property
    def child_page_model(self):
        return BlogPage

    def get_listing_pages(self):
        return (
            with_content_locale(BlogPage.objects.child_of(self))
            .live()
            .public()
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")
            .order_by("-date", "-pk")
        )

    @cached_property
    def categories(self):
        return list(BlogCategory.objects.filter(locale_id=self.locale_id))

    def filter_posts(self, request):
        """Apply ?category= and ?tag= from the query string; unknown values are ignored, never an error."""
        posts = self.get_listing_pages()
        filters = {}
        category_slug = request.GET.get("category", "").strip()
        category = next((c for c in self.categories if c.slug == category_slug), None)
        if category:
            posts = with_category(posts, category)
            filters["category"] = category
        tag_slug = request.GET.get("tag", "").strip()
        # PostgreSQL refuses a NUL in a query parameter (a 500); no tag's slug contains one.
        if tag_slug and "\x00" not in tag_slug:
            tag = Tag.objects.filter(slug=tag_slug[:100]).first()
            if tag:
                posts = posts.filter(tagged_items__tag=tag)
                filters["tag"] = tag
        return posts, filters

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts, filters = self.filter_posts(request)
        context["posts"] = paginate(request, posts, POSTS_PER_PAGE, {key: value.slug for key, value in filters.items()})
        context["filters"] = filters
        context["categories"] = self.categories
        return context

    def category_by_slug(self, slug):
        category = next((c for c in self.categories if c.slug == slug), None)
        if category is None:
            raise Http404
        return category

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("feed/<str:kind>/", name="feed")
    def feed(self, request, kind):
        from .feeds import blog_feed_view

        return blog_feed_view(request, self, kind)

    @path("category/<slug:category>/feed/<str:kind>/", name="category_feed")
    def category_feed(self, request, category, kind):
        from .feeds import blog_feed_view

        return blog_feed_view(request, self, kind, category=self.category_by_slug(category))


class BlogPage(BasePage):
    date = models.DateField(_("publication date"), default=timezone.localdate)
    introduction = models.TextField(max_length=500, help_text=_("A short summary shown under the title."))
    authors = ParentalManyToManyField("news.Author", blank=True, related_name="posts")
    categories = ParentalManyToManyField("news.BlogCategory", blank=True, related_name="posts")
    tags = ClusterTaggableManager(through=BlogPageTag, blank=True)
    body = StreamField(StoryStreamBlock(), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("authors"), FieldPanel("categories"), FieldPanel("tags")],
            heading=_("About this post"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["news.BlogIndexPage"]
    subpage_types = []
    template = "news/blog_page.html"
    page_description = _("A news post or positive story.")

    class Meta:
        verbose_name = _("blog post")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_url"] = self.get_parent_url(request)
        context["authors"] = in_page_language(self.authors.all(), self, "image")
        context["post_categories"] = in_page_language(self.categories.all(), self)
        context["post_tags"] = list(self.tags.all())
        return context
