"""Delete story submissions that did not become a story, once they are older than the retention period.

We promise storytellers not to keep what we do not use: their words, names, contact details and photos.
Submissions that became a story are kept (the story's own records depend on them). Output is counts
only, never a reference or any content, because command output ends up in logs.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from journeys.submissions.models import StorySubmission, StorySubmissionPhoto, delete_photo_files


def counted(number, noun):
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


class Command(BaseCommand):
    help = "Delete submissions that did not become a story and are older than the retention period, photos included."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Delete submissions older than this many days (default: JOURNEYS_SUBMISSION_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.JOURNEYS_SUBMISSION_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be at least 1.")
        cutoff = timezone.now() - timedelta(days=days)
        old = (
            StorySubmission.objects.filter(created_at__lt=cutoff)
            .exclude(status=StorySubmission.Status.BECAME_STORY)
            .filter(journey__isnull=True)
        )
        with transaction.atomic():
            submission_ids = list(old.select_for_update().values_list("pk", flat=True))
            photos = list(StorySubmissionPhoto.objects.filter(submission_id__in=submission_ids))
            if dry_run:
                self.stdout.write(
                    f"Would delete {counted(len(submission_ids), 'submission')} and {counted(len(photos), 'photo')} "
                    f"older than {days} days (dry run: nothing deleted)."
                )
                return
            StorySubmission.objects.filter(pk__in=submission_ids).delete()
        # Files go once the rows are gone: a failed delete must not leave submissions without their photos.
        delete_photo_files(photos)
        self.stdout.write(
            f"Deleted {counted(len(submission_ids), 'submission')} and {counted(len(photos), 'photo')} "
            f"older than {days} days."
        )
