"""The toolkits in the demo: a members-only guide offered in other languages as member documents."""

import pytest

from wagtail.documents import get_document_model

from toolkits.models import MessagingGuidePage, ToolkitDocumentLanguage

from .seeding import seed

pytestmark = pytest.mark.django_db


def test_a_members_only_guide_is_offered_in_four_languages_and_seeding_again_adds_nothing():
    guide = MessagingGuidePage.objects.get(slug="channel-crossings")
    versions = list(guide.language_versions.select_related("document__collection"))
    counts = (ToolkitDocumentLanguage.objects.count(), get_document_model().objects.count())

    output = seed()

    assert guide.members_only
    assert sorted(version.language for version in versions) == ["ar", "cy", "ti", "uk"]
    for version in versions:
        assert version.document.collection.name == "Member documents"
        assert version.translator_credit and version.translated_on
        with version.document.open_file() as pdf:
            assert pdf.read(5) == b"%PDF-"
    assert (ToolkitDocumentLanguage.objects.count(), get_document_model().objects.count()) == counts
    assert output.startswith("Demo content already present")
