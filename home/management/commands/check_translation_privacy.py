"""Find translations whose privacy (or, for Human Journeys stories, consent) is not their source page's.

Privacy is compared as a page gets it: its own restrictions plus those it inherits from its ancestors. A
translation must have its source's own restrictions plus each one its source inherits and it does not (see
home.translation_privacy), so a translation left under a public section while its source sits in a
members-only one is reported, and --fix gives it the missing restriction itself. (An alias is served with
everything its original gets wherever it sits, BasePage.get_view_restrictions; its own rows keep it out of
listings, search and the sitemap.)

The signals in home.translation_privacy keep translations in step as restrictions change and pages move;
this walks every locale's tree for what they could not see (queryset updates, rows written with signals off,
data from before). Exits non-zero when it finds a problem and is not told to fix it (or cannot), so cron and
monitoring notice:

    manage.py check_translation_privacy          # report only
    manage.py check_translation_privacy --fix    # give every translation at least its source's privacy
"""

from collections import Counter

from django.apps import apps
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Page

from home.translation_privacy import (
    conform,
    describe_specs,
    inherited_specs,
    restriction_specs,
    source_of,
    wanted_specs,
)


def describe_own(specs):
    return f"{describe_specs(specs) if specs else 'no restriction'} of its own"


def describe_privacy(own, inherited):
    inherited_text = describe_specs(Counter(inherited)) if inherited else "nothing"
    return f"{describe_own(own)} and inherits {inherited_text}"


def page_label(page):
    return f"{page.locale.language_code} {page.get_url() or page.url_path} (page {page.pk})"


class Command(BaseCommand):
    help = "Report (and with --fix repair) translations whose privacy or consent differs from the source page."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Make every translation equal its source page.")

    def handle(self, *args, fix=False, **options):
        self.fix = fix
        self.found = 0
        self.unfixed = 0
        self.check_privacy()
        if apps.is_installed("journeys"):
            self.check_consent()
        if not self.found:
            self.stdout.write("Every translation has its source page's privacy and consent.")
            return
        if not fix:
            raise CommandError(f"{self.found} problem(s) found; run with --fix to repair them.")
        if self.unfixed:
            raise CommandError(f"{self.unfixed} problem(s) need a person: see above.")
        self.stdout.write(f"{self.found} problem(s) fixed.")

    def problem(self, text, *, fixable=True):
        self.found += 1
        if not fixable:
            self.unfixed += 1
        suffix = " (fixed)" if self.fix and fixable else ""
        self.stdout.write(f"{text}{suffix}")

    def check_privacy(self):
        for page_id in Page.objects.filter(depth__gt=1).order_by("path").values_list("pk", flat=True):
            # Read one at a time: a fix may have moved the page (and so changed its path) since the walk began.
            page = Page.objects.select_related("locale").filter(pk=page_id).first()
            if page is None:
                continue
            source = source_of(page)
            if source is None or source.pk == page.pk:
                continue
            own, wanted = restriction_specs(page), Counter(wanted_specs(page, source))
            if own != wanted:
                self.problem(
                    f"Privacy: {page_label(page)} has {describe_privacy(own, inherited_specs(page))}; its source "
                    f"{page_label(source)} has {describe_privacy(restriction_specs(source), inherited_specs(source))}"
                    f", so it should have {describe_own(wanted)}"
                )
                if self.fix:
                    conform(page, source)

    def check_consent(self):
        """One consent record per story, on the source page; no language live without active consent."""
        from journeys.models import ConsentRecord, JourneyPage
        from journeys.withdrawal import story_pages, take_down_story, unpublish

        sources = JourneyPage.objects.filter(alias_of__isnull=True).select_related("locale").order_by("path")
        for source in sources:
            authority = source_of(source)
            if authority is None or authority.pk != source.pk:
                continue
            records = list(ConsentRecord.objects.filter(journey__translation_key=source.translation_key))
            if len(records) > 1:
                self.problem(f"Consent: {page_label(source)} has {len(records)} consent records", fixable=False)
                continue
            record = records[0] if records else None
            if record is not None and record.journey_id != source.pk:
                self.problem(
                    f"Consent: the record of {page_label(source)} is attached to "
                    f"{page_label(record.journey)} instead of the source page"
                )
                if self.fix:
                    record.journey = source
                    record.save(update_fields=["journey", "updated_at"])
            copies = JourneyPage.objects.filter(translation_key=source.translation_key)
            pages = story_pages(record) if record is not None else copies
            live = [page for page in pages.select_related("locale") if page.live]
            if live and (record is None or not record.is_active):
                state = "no consent record" if record is None else record.get_status_display()
                labels = ", ".join(page_label(page) for page in live)
                self.problem(f"Consent: {labels} live with {state}")
                if self.fix:
                    with transaction.atomic():
                        if record is None:
                            for page in live:
                                unpublish(page, None)
                        else:
                            take_down_story(
                                record,
                                status=record.status,
                                source=record.take_down_source or ConsentRecord.Source.STAFF,
                            )

        # A translation whose original was deleted has no source and no consent record to answer to.
        for page in JourneyPage.objects.live().filter(alias_of__isnull=True).select_related("locale").order_by("path"):
            if source_of(page) is None and ConsentRecord.objects.for_page(page) is None:
                self.problem(f"Consent: {page_label(page)} live with no original and no consent record")
                if self.fix:
                    unpublish(page, None)
