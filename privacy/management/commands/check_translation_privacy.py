"""Find pages whose privacy is not what privacy.rules says (and, through the `check_translation_privacy`
hook, what other apps check in every language: Human Journeys' consent).

Every page is compared with `privacy.rules.who_can_see`, the function that decides: a translation or alias
must carry its source's own restrictions plus each one its source inherits and it does not, so a translation
left under a public section while its source sits in a members-only one is reported, and --fix gives it the
missing restriction itself; a page that decides its own privacy (a members-only toolkit, the briefing
archive) must carry what it decides.

The receivers in privacy.receivers keep pages in step as restrictions change and pages move; this walks every
locale's tree for what they could not see (queryset updates, rows written with signals off, data from
before). Exits non-zero when it finds a problem and is not told to fix it (or cannot), so cron and monitoring
notice:

    manage.py check_translation_privacy          # report only
    manage.py check_translation_privacy --fix    # give every translation at least its source's privacy
"""

from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from wagtail import hooks
from wagtail.models import Page

from privacy.rules import describe_specs, page_label, who_can_see
from privacy.sync import conform, report_change


def describe_own(specs):
    return f"{describe_specs(specs) if specs else 'no restriction'} of its own"


def describe_privacy(own, inherited):
    inherited_text = describe_specs(Counter(inherited)) if inherited else "nothing"
    return f"{describe_own(own)} and inherits {inherited_text}"


class Command(BaseCommand):
    help = "Report (and with --fix repair) translations whose privacy or consent differs from the source page."

    def add_arguments(self, parser):
        parser.add_argument("--fix", action="store_true", help="Make every translation equal its source page.")

    def handle(self, *args, fix=False, **options):
        self.fix = fix
        self.found = 0
        self.unfixed = 0
        self.check_privacy()
        # Other apps' checks in every language, e.g. journeys' consent: each is called with a `problem(text,
        # fixable=True)` callable and `fix`, and repairs what it reports when `fix` is true.
        for check in hooks.get_hooks("check_translation_privacy"):
            check(self.problem, fix=fix)
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
            privacy = who_can_see(page)
            if privacy.in_step:
                continue
            own, wanted = privacy.own, Counter(privacy.wanted_own)
            if privacy.source is not None:
                source = who_can_see(privacy.source)
                text = (
                    f"Privacy: {page_label(page)} has {describe_privacy(own, privacy.inherited)}; its source "
                    f"{page_label(privacy.source)} has {describe_privacy(source.own, source.inherited)}"
                )
            else:
                text = f"Privacy: {page_label(page)} has {describe_privacy(own, privacy.inherited)}; its page type says"
            self.problem(f"{text}, so it should have {describe_own(wanted)}")
            if self.fix and conform(page, privacy.wanted_own):
                report_change([page])
