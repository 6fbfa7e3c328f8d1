"""`manage.py send_briefing`: email a briefing now, retry failed deliveries, or send it again to everyone."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from briefings.delivery import deliver_briefing
from briefings.models import BriefingDelivery, PressBriefingPage


class Command(BaseCommand):
    help = (
        "Email a live press briefing to every member who wants it and has not had it. Give the briefing's page "
        "id or its date (YYYY-MM-DD). With --retry-failed and no briefing, retries the failed deliveries of "
        "every briefing (run it periodically where the task backend cannot schedule retries)."
    )

    def add_arguments(self, parser):
        parser.add_argument("briefing", nargs="?", help="The briefing's page id or date (YYYY-MM-DD).")
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="Also re-send failed deliveries now, whatever their number of attempts.",
        )
        parser.add_argument(
            "--force-resend",
            action="store_true",
            help="Send it again to every member who wants it, including those who already had it.",
        )

    def find_briefing(self, value):
        briefings = PressBriefingPage.objects.live()
        if value.isdigit():
            found = list(briefings.filter(pk=int(value)))
        else:
            try:
                date = datetime.date.fromisoformat(value)
            except ValueError as error:
                raise CommandError(f"{value!r} is neither a page id nor a date (YYYY-MM-DD).") from error
            found = list(briefings.filter(date=date))
        if not found:
            raise CommandError(f"No live press briefing matches {value!r}.")
        if len(found) > 1:
            ids = ", ".join(str(briefing.pk) for briefing in found)
            raise CommandError(f"Several live briefings are dated {value}; give a page id ({ids}).")
        return found[0]

    def handle(self, *args, briefing=None, retry_failed=False, force_resend=False, **options):
        if briefing:
            briefing_ids = [self.find_briefing(briefing).pk]
        elif retry_failed:
            briefing_ids = list(
                BriefingDelivery.objects.filter(status=BriefingDelivery.Status.FAILED, briefing__live=True)
                .order_by("briefing_id")
                .values_list("briefing_id", flat=True)
                .distinct()
            )
        else:
            raise CommandError("Give a briefing's page id or date, or --retry-failed to retry every briefing.")
        if force_resend and not briefing:
            raise CommandError("--force-resend needs a briefing.")
        for briefing_id in briefing_ids:
            report = deliver_briefing(briefing_id, retry_failed_now=retry_failed, force_resend=force_resend)
            self.stdout.write(str(report))
            if report.failed:
                self.stderr.write(f"{report.failed} deliveries failed; see their last error in the admin.")
