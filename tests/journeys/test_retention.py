"""Submissions that did not become a story are deleted after the retention period, their photo files too."""

import datetime
import io

import pytest
from PIL import Image

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.utils import timezone

from demo.factories.journeys import StorySubmissionFactory
from journeys.models import StorySubmission, StorySubmissionPhoto

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def with_photo(submission):
    output = io.BytesIO()
    Image.new("RGB", (20, 20), "#3c896d").save(output, "PNG")
    photo = StorySubmissionPhoto(submission=submission, width=20, height=20, file_size=output.tell())
    photo.file.save("photo.png", ContentFile(output.getvalue()), save=False)
    photo.save()
    assert default_storage.exists(photo.file.name)
    return photo


def run(*args):
    output = io.StringIO()
    call_command("delete_old_submissions", *args, stdout=output)
    return output.getvalue()


@pytest.fixture
def submissions(db):
    old = StorySubmissionFactory(created_at=days_ago(181), story="Secret words of the old story")
    recent = StorySubmissionFactory(created_at=days_ago(179))
    declined = StorySubmissionFactory(created_at=days_ago(400), status=StorySubmission.Status.DECLINED)
    kept = StorySubmissionFactory(created_at=days_ago(400), status=StorySubmission.Status.BECAME_STORY)
    return {
        "old": (old, with_photo(old)),
        "recent": (recent, with_photo(recent)),
        "declined": (declined, with_photo(declined)),
        "kept": (kept, with_photo(kept)),
    }


def test_deletes_only_old_submissions_that_did_not_become_a_story_with_their_files(submissions):
    output = run()

    remaining = set(StorySubmission.objects.values_list("reference", flat=True))
    assert remaining == {submissions["recent"][0].reference, submissions["kept"][0].reference}
    for name, (_submission, photo) in submissions.items():
        assert default_storage.exists(photo.file.name) == (name in {"recent", "kept"}), name
    assert StorySubmissionPhoto.objects.count() == 2
    assert output.strip() == "Deleted 2 submissions and 2 photos older than 180 days."
    assert "Secret" not in output and submissions["old"][0].reference not in output


def test_dry_run_deletes_nothing_and_counts(submissions):
    output = run("--dry-run")

    assert StorySubmission.objects.count() == 4
    assert all(default_storage.exists(photo.file.name) for _submission, photo in submissions.values())
    assert "Would delete 2 submissions and 2 photos" in output


def test_days_option_and_setting_change_the_period(submissions, settings):
    assert "Deleted 3 submissions" in run("--days", "170")
    assert StorySubmission.objects.count() == 1

    StorySubmissionFactory(created_at=days_ago(20))
    settings.JOURNEYS_SUBMISSION_RETENTION_DAYS = 10
    assert run().startswith("Deleted 1 submission and 0 photos")


def test_refuses_a_period_under_a_day(submissions):
    with pytest.raises(CommandError):
        run("--days", "0")
    assert StorySubmission.objects.count() == 4
