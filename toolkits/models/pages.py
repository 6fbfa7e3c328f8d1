"""The toolkits index and the two kinds of toolkit: messaging guides and Q&A toolkits.

`ToolkitPage` is a concrete (but not creatable) page model holding what every toolkit has: the public
teaser (title, summary, topics, type, last reviewed date) and the members-only choice. The index lists all
toolkits with one typed queryset, so filters by topic and search over teasers need no per-type queries.
"""

from django import forms
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language as get_language_code
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.content_cache import cached
from home.locales import with_content_locale
from home.models import BasePage
from home.pagination import paginate
from members.access import is_member
from members.gating import visitor_state

from ..blocks import (
    SOURCE_RICH_TEXT,
    EvidencePointBlock,
    ExampleBlock,
    FramingPairBlock,
    QASectionBlock,
    RecommendedTermBlock,
    downloads_blocks,
)
from ..forms import LanguageRequestForm, ToolkitPageForm
from ..languages import get_language, to_bcp47
from .languages import LanguageRequest
from .topics import Topic

TOOLKITS_PER_PAGE = 12
MAX_QUERY_LENGTH = 200

DOWNLOADS_HELP = _(
    "Documents in the “Member documents” collection can only be downloaded by members. Images cannot be "
    "restricted: upload graphics meant for members only as documents (PDF or ZIP), not as images."
)


LANGUAGE_REQUEST_ACTION = "request-language"
LANGUAGE_REQUESTED_SESSION_KEY = "toolkits:language-requested"


class ToolkitPage(BasePage):
    """What every toolkit has. Not created directly: editors create a messaging guide or a Q&A toolkit."""

    summary = models.TextField(
        max_length=500,
        help_text=_("Public, even for members-only toolkits: shown to everyone in the list and on the teaser."),
    )
    topics = ParentalManyToManyField("toolkits.Topic", blank=True, related_name="toolkits")
    last_reviewed = models.DateField(
        default=timezone.localdate, help_text=_("When the content was last checked. Shown to everyone.")
    )
    members_only = models.BooleanField(
        _("Only members of the network can read this"),
        default=False,
        help_text=_(
            "Everyone else sees only the title, summary, topics and dates, how many key messages, questions or "
            "documents it holds (never their words) and the languages the page is in, with a way to sign in or apply. "
            "Sets the page's privacy to the Members group when the page is published."
        ),
    )
    downloads = StreamField(downloads_blocks(), blank=True, help_text=DOWNLOADS_HELP)
    related_toolkits = StreamField([("toolkit", blocks.PageChooserBlock(page_type="toolkits.ToolkitPage"))], blank=True)

    # The "members only" box is the one control: it sets the page's privacy on publish. Wagtail's privacy
    # dialog is switched off here, or its change would be undone by the box at the next publish.
    private_page_options = []

    base_form_class = ToolkitPageForm
    is_creatable = False
    parent_page_types = ["toolkits.ToolkitIndexPage"]
    subpage_types = []
    teaser_template = "toolkits/toolkit_teaser_page.html"

    teaser_panels = [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("members_only"),
                FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
                FieldPanel("last_reviewed"),
            ],
            heading=_("Who can read it, and what it is about"),
        ),
    ]
    language_panels = [
        InlinePanel(
            "language_versions",
            heading=_("The document in other languages"),
            label=_("Language version"),
            help_text=_(
                "Translations of this toolkit's document, one per language. Members see them under "
                "“In other languages”, sorted by English name."
            ),
        )
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("members_only"),
    ]

    class Meta:
        verbose_name = _("toolkit")
        ordering = ["-last_reviewed", "-pk"]

    def members_only_setting(self):
        """The "members only" box decides this toolkit's privacy (see privacy.rules)."""
        return self.members_only

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and request.POST.get("action") == LANGUAGE_REQUEST_ACTION:
            response = self.serve_language_request(request)
        else:
            response = super().serve(request, *args, **kwargs)
        if self.get_view_restrictions() or request.user.is_authenticated:
            # What a member reads must never be kept by a shared cache and handed to someone else; a signed-in
            # member's page also holds their "Request a language" form and its CSRF token.
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    def serve_language_request(self, request):
        """ "Request a language": members only; one open request per organisation, toolkit and language."""
        context = self.get_context(request)
        if visitor_state(request.user) != "member":
            context["language_request_refused"] = True
            response = TemplateResponse(request, self.get_template(request), context, status=403)
            add_never_cache_headers(response)
            return response
        form = LanguageRequestForm(request.POST)
        if form.is_valid():
            language = form.cleaned_data["language"]
            if LanguageRequest.record(self, language, request.user):
                request.session[LANGUAGE_REQUESTED_SESSION_KEY] = {"page": self.pk, "language": language}
                response = HttpResponseRedirect(f"{self.get_url(request)}#request-language")
                add_never_cache_headers(response)
                return response
            form.add_error(
                "language",
                _(
                    "Thank you: your organisation has already asked for this toolkit in %(language)s. We have kept "
                    "that request and will let you know when the translation is ready."
                )
                % {"language": language},
            )
        context["language_request_form"] = form
        response = TemplateResponse(request, self.get_template(request), context, status=400)
        add_never_cache_headers(response)
        return response

    def _build_language_versions(self):
        versions = self.language_versions.all()
        if hasattr(versions, "select_related"):  # a preview's unsaved versions are a plain list in memory
            versions = versions.select_related("document")
        rows = []
        for version in versions:
            language = get_language(version.language)
            if language is None:
                continue
            rows.append(
                {
                    "language": language,
                    "url": version.document.url,
                    "file_extension": version.document.file_extension,
                    "file_size": version.document.file_size,
                    "translator_credit": version.translator_credit,
                    "translated_on": version.translated_on,
                    "note": version.note,
                }
            )
        own = to_bcp47(get_language_code() or "en").split("-")[0]
        return sorted(
            rows,
            key=lambda row: (row["language"].code.split("-")[0] != own, row["language"].name.casefold()),
        )

    def get_language_versions(self, request=None):
        """The document's language versions, sorted by English name with the page's own language first.

        Kept with the rest of the cached content (a new generation on every publish and document change), so
        the grid costs no query once built.
        """
        if getattr(request, "is_preview", False) or not self.live_revision_id:
            return self._build_language_versions()
        return cached(("toolkit-languages", self.pk, self.live_revision_id), self._build_language_versions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["document_languages"] = self.get_language_versions(request)
        context.setdefault("language_request_form", LanguageRequestForm())
        context["language_request_action"] = LANGUAGE_REQUEST_ACTION
        context["language_request_visitor"] = visitor_state(request.user)
        requested = getattr(request, "session", {}).get(LANGUAGE_REQUESTED_SESSION_KEY)
        if request.method == "GET" and requested and requested.get("page") == self.pk:
            # Thanked once, on the toolkit the request was for.
            context["language_requested"] = request.session.pop(LANGUAGE_REQUESTED_SESSION_KEY)["language"]
        return context

    def teaser_outline(self):
        """What is inside, as counts for the members-only teaser: the shape of the toolkit, never a word of it.

        Counted from the stored blocks, so nothing is rendered and no document is looked up.
        """
        return self._count_lines(
            [
                (
                    len(self.downloads),
                    ngettext("%(count)s document to download", "%(count)s documents to download", len(self.downloads)),
                )
            ]
        )

    @staticmethod
    def _count_lines(counts):
        """`counts`: (count, ngettext's text for it) pairs; parts the toolkit does not have are left out."""
        return [{"count": count, "text": text % {"count": count}} for count, text in counts if count]

    @property
    def toolkit_type(self):
        """The name of the page's own type ("messaging guide", "Q&A toolkit"); content types are cached."""
        return self.specific_class._meta.verbose_name if self.specific_class else self._meta.verbose_name

    @property
    def card_summary(self):
        return self.listing_summary or self.summary


class ToolkitIndexPage(BasePage):
    introduction = models.TextField(max_length=500, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkits.MessagingGuidePage", "toolkits.QAToolkitPage"]
    template = "toolkits/toolkit_index_page.html"
    page_description = _("Lists every toolkit's teaser, with filters by topic and type and a search.")

    class Meta:
        verbose_name = _("toolkits index page")

    @staticmethod
    def toolkit_types():
        return [(model.type_slug, model._meta.verbose_name) for model in (MessagingGuidePage, QAToolkitPage)]

    @cached_property
    def topics(self):
        return list(Topic.objects.filter(locale_id=self.locale_id))

    def get_toolkits(self):
        """Every live toolkit here, members-only ones included: only their teaser fields are ever shown."""
        return (
            with_content_locale(ToolkitPage.objects.child_of(self))
            .live()
            .select_related("content_type")
            .prefetch_related("topics")
            .order_by("-last_reviewed", "-pk")
        )

    def search_toolkits(self, toolkits, query, request):
        """Teasers match for everyone; bodies only where the visitor may read them."""
        topic_match = Topic.objects.filter(name__icontains=query).values("toolkits")
        public_match = (
            Q(title__icontains=query)
            | Q(summary__icontains=query)
            | Q(listing_summary__icontains=query)
            | Q(pk__in=topic_match)
        )
        body_scope = ToolkitPage.objects.child_of(self).live()
        if not is_member(request.user):
            # Only a restriction on the toolkit itself can matter here: were the index or an ancestor
            # restricted, this visitor would have been shown the members-only page instead of the index.
            body_scope = body_scope.exclude(pk__in=PageViewRestriction.objects.values("page_id"))
        # One search over every toolkit type: the index entry of each page holds its own type's body fields.
        body_ids = [page.pk for page in body_scope.search(query, operator="and")]
        return toolkits.filter(public_match | Q(pk__in=body_ids))

    def filter_toolkits(self, request):
        """?topic=, ?type= and ?q= from the query string; unknown values are ignored, never an error."""
        toolkits = self.get_toolkits()
        filters = {}
        topic_slug = request.GET.get("topic", "").strip()
        topic = next((t for t in self.topics if t.slug == topic_slug), None)
        if topic:
            toolkits = toolkits.filter(topics=topic)
            filters["topic"] = topic
        type_slug = request.GET.get("type", "").strip()
        for model in (MessagingGuidePage, QAToolkitPage):
            if type_slug == model.type_slug:
                toolkits = toolkits.type(model)
                filters["type"] = model.type_slug
        query = " ".join("".join(c if ord(c) >= 32 else " " for c in request.GET.get("q", "")).split())
        query = query.replace('"', " ").strip()[:MAX_QUERY_LENGTH]
        if query:
            toolkits = self.search_toolkits(toolkits, query, request)
            filters["q"] = query
        return toolkits, filters

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A member's search also matches restricted bodies: never let a shared cache keep that answer.
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        toolkits, filters = self.filter_toolkits(request)
        params = {key: (value.slug if isinstance(value, Topic) else value) for key, value in filters.items()}
        context["toolkits"] = paginate(request, toolkits, TOOLKITS_PER_PAGE, params)
        context["filters"] = filters
        context["selected_topic"] = filters.get("topic")
        context["topics"] = self.topics
        context["toolkit_types"] = self.toolkit_types()
        return context


class MessagingGuidePage(ToolkitPage):
    type_slug = "messaging-guide"

    context = RichTextField(
        features=["h3", *SOURCE_RICH_TEXT], blank=True, help_text=_("What is happening and why it matters now.")
    )
    key_messages = StreamField([("message", blocks.TextBlock(max_length=600, icon="pick"))], blank=True)
    framing = StreamField([("pair", FramingPairBlock())], blank=True, verbose_name=_("say this, not that"))
    recommended_terms = StreamField([("term", RecommendedTermBlock())], blank=True)
    evidence = StreamField([("point", EvidencePointBlock())], blank=True, verbose_name=_("evidence points"))
    examples = StreamField(
        [("example", ExampleBlock())], blank=True, verbose_name=_("example social posts and soundbites")
    )

    content_panels = [
        *Page.content_panels,
        *ToolkitPage.teaser_panels,
        FieldPanel("context"),
        FieldPanel("key_messages"),
        FieldPanel("framing"),
        FieldPanel("recommended_terms"),
        FieldPanel("evidence"),
        FieldPanel("examples"),
        FieldPanel("downloads"),
        *ToolkitPage.language_panels,
        FieldPanel("related_toolkits"),
    ]
    search_fields = [
        *ToolkitPage.search_fields,
        index.SearchField("context"),
        index.SearchField("key_messages"),
        index.SearchField("framing"),
        index.SearchField("recommended_terms"),
        index.SearchField("evidence"),
        index.SearchField("examples"),
    ]

    def teaser_outline(self):
        counts = [
            (
                len(self.key_messages),
                ngettext("%(count)s key message", "%(count)s key messages", len(self.key_messages)),
            ),
            (
                len(self.framing),
                ngettext(
                    "%(count)s framing to use, and the one to avoid",
                    "%(count)s framings to use, and the ones to avoid",
                    len(self.framing),
                ),
            ),
            (
                len(self.recommended_terms),
                ngettext("%(count)s recommended term", "%(count)s recommended terms", len(self.recommended_terms)),
            ),
            (
                len(self.evidence),
                ngettext(
                    "%(count)s evidence point with sources",
                    "%(count)s evidence points with sources",
                    len(self.evidence),
                ),
            ),
            (
                len(self.examples),
                ngettext(
                    "%(count)s example post or soundbite", "%(count)s example posts and soundbites", len(self.examples)
                ),
            ),
        ]
        return self._count_lines(counts) + super().teaser_outline()

    template = "toolkits/messaging_guide_page.html"
    page_description = _("How to talk about one subject: key messages, framing, terms, evidence and examples.")

    class Meta:
        verbose_name = _("messaging guide")


class QAToolkitPage(ToolkitPage):
    type_slug = "qa-toolkit"

    sections = StreamField([("section", QASectionBlock())], blank=True)

    content_panels = [
        *Page.content_panels,
        *ToolkitPage.teaser_panels,
        FieldPanel("sections"),
        FieldPanel("downloads"),
        *ToolkitPage.language_panels,
        FieldPanel("related_toolkits"),
    ]
    search_fields = [*ToolkitPage.search_fields, index.SearchField("sections")]

    def teaser_outline(self):
        questions = sum(len(section["value"].get("questions") or []) for section in self.sections.raw_data)
        counts = [
            (len(self.sections), ngettext("%(count)s section", "%(count)s sections", len(self.sections))),
            (
                questions,
                ngettext(
                    "%(count)s question with the line to take", "%(count)s questions with the line to take", questions
                ),
            ),
        ]
        return self._count_lines(counts) + super().teaser_outline()

    template = "toolkits/qa_toolkit_page.html"
    page_description = _("Difficult questions from the media, each with the line to take and a fuller answer.")

    class Meta:
        verbose_name = _("Q&A toolkit")
