"""The daily press briefing: a members-only archive of briefings, and the record of who was emailed each one.

Both page types are members-only in code, not by an editor's choice: a BriefingIndexPage always carries a
page view restriction to the Members group (`members_only_setting`: the privacy app creates it with the page
and puts it back whatever removes it, see privacy.rules), and the admin's privacy setting is switched off for
both types, so nobody can make the archive public by mistake. Briefings cannot live anywhere else than under an index.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.locales import with_content_locale
from home.models import BasePage, ListingIndexMixin
from home.pagination import paginate
from home.views import clean_query

from .blocks import BriefingItemsBlock

BRIEFINGS_PER_PAGE = 20


class BriefingIndexPage(ListingIndexMixin, BasePage):
    introduction = models.TextField(
        max_length=500,
        blank=True,
        help_text=_("Shown to everyone, members or not, above the sign-in notice. Never put member content here."),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*BasePage.search_fields, index.SearchField("introduction")]

    # Privacy is fixed in code (always the Members group): the admin's privacy setting is switched off.
    private_page_options = []
    parent_page_types = ["home.HomePage"]
    subpage_types = ["briefings.PressBriefingPage"]
    template = "briefings/briefing_index_page.html"
    teaser_template = "briefings/briefing_index_teaser.html"
    page_description = _("The members-only archive of daily press briefings. Always restricted to members.")

    class Meta:
        verbose_name = _("press briefing archive")

    @property
    def child_page_model(self):
        return PressBriefingPage

    def members_only_setting(self):
        """The archive is always members-only, whatever happens in the admin (see privacy.rules)."""
        return True

    def get_default_privacy_setting(self, request):
        """Pages created in the admin start restricted (the post_save signal makes sure of it anyway)."""
        from members.access import members_group

        return {"type": PageViewRestriction.GROUPS, "groups": [members_group()]}

    def get_archive_pages(self):
        """Every live briefing here, newest first: only for members, who are the only ones served this page."""
        return (
            with_content_locale(PressBriefingPage.objects.child_of(self))
            .live()
            .defer_streamfields()
            .order_by("-date", "-id")
        )

    def get_listing_pages(self):
        """What other pages (the home page's sections) may list: public briefings only, which is none."""
        return self.get_archive_pages().public()

    @staticmethod
    def _int_param(request, name, allowed):
        value = request.GET.get(name, "").strip()
        if value.isdigit() and int(value) in allowed:
            return int(value)
        return None

    def filter_archive(self, request):
        """Apply ?year=, ?month= and ?q= from the query string; values that match nothing are ignored."""
        briefings = self.get_archive_pages()
        filters = {}
        years = [day.year for day in briefings.dates("date", "year", order="DESC")]
        months = []
        year = self._int_param(request, "year", years)
        if year:
            filters["year"] = year
            briefings = briefings.filter(date__year=year)
            months = [day.month for day in briefings.dates("date", "month", order="ASC")]
            month = self._int_param(request, "month", months)
            if month:
                filters["month"] = month
                briefings = briefings.filter(date__month=month)
        query = clean_query(request.GET.get("q", ""))
        if query:
            filters["q"] = query
            briefings = briefings.search(query, operator="and", order_by_relevance=False)
        return briefings, filters, years, months

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        briefings, filters, years, months = self.filter_archive(request)
        context["briefings"] = paginate(request, briefings, BRIEFINGS_PER_PAGE, filters)
        context["filters"] = filters
        context["years"] = years
        context["months"] = [timezone.datetime(filters["year"], month, 1).date() for month in months]
        return context


class PressBriefingPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        date = cleaned_data.get("date")
        parent = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if date and parent is not None:
            clash = PressBriefingPage.objects.child_of(parent).filter(date=date).exclude(pk=self.instance.pk)
            if clash.exists():
                self.add_error("date", forms.ValidationError(_("There is already a briefing for this date.")))
        return cleaned_data


class PressBriefingPage(BasePage):
    date = models.DateField(
        _("briefing date"), default=timezone.localdate, help_text=_("One briefing per day; shown in the archive.")
    )
    summary = models.TextField(
        max_length=1000, help_text=_("The day in a few sentences: opens the briefing and the email.")
    )
    items = StreamField(BriefingItemsBlock(), help_text=_("The stories, in the order members should read them."))

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("summary"), FieldPanel("items")]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("items"),
        index.FilterField("date"),
    ]
    base_form_class = PressBriefingPageForm

    private_page_options = []
    parent_page_types = ["briefings.BriefingIndexPage"]
    subpage_types = []
    template = "briefings/press_briefing_page.html"
    teaser_template = "briefings/press_briefing_teaser.html"
    page_description = _("One day's press briefing for members; publishing it emails it to them.")

    class Meta:
        verbose_name = _("press briefing")

    @property
    def meta_description(self):
        """Never the summary: the description reaches the teaser that non-members see."""
        return self.search_description

    @cached_property
    def stories(self):
        return [block.value for block in self.items if block.block_type == "item"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["index_url"] = self.get_parent_url(request)
        return context


class BriefingMailing(models.Model):
    """That a briefing's email has been started: one per briefing, made on its first publication.

    Re-publishing after an edit finds it and sends nothing; `manage.py send_briefing` re-sends on purpose.
    Demo content is published with `suppressed` set, so it is never emailed, then or later.
    """

    briefing = models.OneToOneField(PressBriefingPage, on_delete=models.CASCADE, related_name="mailing")
    created_at = models.DateTimeField(auto_now_add=True)
    suppressed = models.BooleanField(default=False, help_text=_("Published without being emailed (demo content)."))

    class Meta:
        verbose_name = _("briefing mailing")
        verbose_name_plural = _("briefing mailings")

    def __str__(self):
        return f"{self.briefing} ({'not emailed' if self.suppressed else 'emailed'})"


class BriefingDelivery(models.Model):
    """One briefing to one address: made once, so nobody gets a briefing twice, and retried if it fails."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting to be sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    briefing = models.ForeignKey(PressBriefingPage, on_delete=models.CASCADE, related_name="deliveries")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="briefing_deliveries"
    )
    email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(null=True, blank=True, help_text=_("When a failed send is tried again."))
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("briefing delivery")
        verbose_name_plural = _("briefing deliveries")
        ordering = ["briefing", "email"]
        constraints = [models.UniqueConstraint(fields=["briefing", "email"], name="briefings_one_delivery_per_address")]

    def __str__(self):
        return f"{self.briefing_id} → {self.email}: {self.status}"
