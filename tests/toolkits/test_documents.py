"""Member documents: a 403 page rather than a login loop, never cached, every download counted; the admin
report and the member dashboard panels built from the counts."""

import datetime

import pytest

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone

from wagtail.models import CollectionViewRestriction

from demo.factories.home import DocumentFactory
from demo.factories.toolkits import MemberDocumentFactory
from members.models import Organisation
from toolkits.dashboard import organisation_downloads_panel, toolkit_updates
from toolkits.documents import member_documents_collection
from toolkits.models import DocumentDownload
from toolkits.reports import toolkit_download_rows

pytestmark = pytest.mark.django_db


def _download(client, document):
    response = client.get(document.url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


@pytest.fixture
def member_document():
    return MemberDocumentFactory(title="Crossings pack", file=ContentFile(b"%PDF-1.4 pack", name="pack.pdf"))


def test_member_documents_collection__exists_restricted_to_the_members_group(member_group):
    collection = member_documents_collection()

    (restriction,) = collection.get_view_restrictions()
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert list(restriction.groups.all()) == [member_group]


def test_member_document__signed_in_non_member_gets_a_403_page_not_a_login_redirect(client, user, member_document):
    client.force_login(user)

    response = client.get(member_document.url)

    assert response.status_code == 403
    assert "Apply to join" in response.content.decode()
    assert "Crossings pack" not in response.content.decode()


def test_public_document__is_served_to_anyone_and_counted_without_an_organisation(client, home_page):
    document = DocumentFactory(file=ContentFile(b"%PDF-1.4 public", name="public.pdf"))

    response = _download(client, document)

    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")
    row = DocumentDownload.objects.get()
    assert (row.document, row.organisation, row.user, row.count) == (document, None, None, 1)


def test_downloads__are_counted_per_document_organisation_person_and_day(client, member, member_document):
    client.force_login(member)

    _download(client, member_document)
    _download(client, member_document)

    row = DocumentDownload.objects.get()
    assert (row.organisation, row.user, row.day, row.count) == (
        member.organisation,
        member,
        timezone.localdate(),
        2,
    )


def test_refused_downloads__are_not_counted(client, user, member_document):
    client.force_login(user)
    _download(client, member_document)
    assert not DocumentDownload.objects.exists()


def test_leaving__keeps_the_organisation_count_without_the_person(member, member_document):
    DocumentDownload.record(member_document, member)
    organisation = member.organisation

    member.delete()

    row = DocumentDownload.objects.get()
    assert (row.user, row.organisation, row.count) == (None, organisation, 1)


def test_report__lists_each_toolkit_with_its_documents_and_counts_by_organisation_and_day(
    admin_client, make_guide, member, member_document
):
    guide = make_guide(
        title="Crossings guide",
        downloads=[("document", {"document": member_document, "title": "", "description": ""})],
    )
    other = Organisation.objects.create(name="Calais Aid")
    DocumentDownload.objects.create(document=member_document, organisation=member.organisation, count=3)
    DocumentDownload.objects.create(
        document=member_document, organisation=other, count=2, day=datetime.date(2020, 9, 1)
    )

    rows = toolkit_download_rows()
    (documents,) = [documents for toolkit, documents in rows if toolkit.pk == guide.pk]
    ((document, total, by_day),) = documents
    assert document == member_document and total == 5
    assert ("Calais Aid", datetime.date(2020, 9, 1), 2) in by_day

    response = admin_client.get("/admin/reports/toolkit-downloads/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Crossings guide" in html and "Crossings pack" in html and "Calais Aid" in html


def test_report__is_refused_to_members(client, member):
    client.force_login(member)
    response = client.get("/admin/reports/toolkit-downloads/")
    assert response.status_code in (302, 403)


def test_dashboard__toolkit_updates_and_the_organisations_downloads(member, make_guide, make_qa, member_document):
    make_guide(
        title="Older guide",
        first_published_at=timezone.now(),
        last_published_at=timezone.now() - datetime.timedelta(days=1),
    )
    make_qa(title="Newer Q&A", members_only=True)
    DocumentDownload.record(member_document, member)
    request = RequestFactory().get("/en/members/")
    request.user = member

    updates = toolkit_updates(request)["updates"]
    downloads = organisation_downloads_panel(request)

    assert [(update["title"], update["kind"]) for update in updates] == [
        ("Newer Q&A", "Q&A toolkit"),
        ("Older guide", "messaging guide"),
    ]
    assert downloads["order"] == 300
    assert [row.document for row in downloads["context"]["downloads"]] == [member_document]
    assert downloads["context"]["downloads_total"] == 1
    html = render_to_string(downloads["template"], {**downloads["context"], "user": member}, request=request)
    assert html.strip().startswith("<section") and "<h2" in html and "Crossings pack" in html


def test_member_dashboard__shows_new_toolkits_and_the_organisations_downloads(
    client, member, make_guide, member_document
):
    make_guide(title="Crossings guide", members_only=True)
    DocumentDownload.record(member_document, member)
    client.force_login(member)

    response = client.get("/en/members/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Recently published" in html and "Crossings guide" in html
    assert "Your organisation's recent downloads" in html and "Crossings pack" in html


def test_topics__are_managed_as_snippets_in_the_admin(admin_client, topics):
    response = admin_client.get("/admin/snippets/toolkits/topic/")
    assert response.status_code == 200
    assert "Channel crossings" in response.content.decode()


def test_report__is_open_to_editors(client, editor):
    client.force_login(editor)
    response = client.get("/admin/reports/toolkit-downloads/")
    assert response.status_code == 200
