"""The toolkits' demo content: topics, a Toolkits index, three messaging guides and two Q&A toolkits.

Built by `seed(seeder)` and translated by `seed_translations(seeder)`, which `demo.build` calls. Like the
rest of the demo it creates what is missing and leaves what exists alone. What the toolkits say is in
`demo.guides`. Members-only toolkits offer their PDFs from the "Member documents"
collection, so only members can download them.
"""

import io

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from toolkits.documents import member_documents_collection
from toolkits.models import ToolkitDocumentLanguage, Topic

from .factories.home import DocumentFactory
from .factories.toolkits import ToolkitIndexPageFactory, TopicFactory
from .guides import GUIDES, QA_TOOLKITS, TOPICS
from .pdf import build_pdf
from .seeder import PageSpec
from .streams import block_id
from .translation import TRANSLATIONS, translate_pages

__all__ = ["seed", "seed_translations"]

# The Toolkits index and one members-only guide have a version in every demo language: their key in `seeder.pages`
# and the name of their PO files.
TRANSLATED_PAGES = {"toolkits": "toolkits", "toolkits/covid-19": "covid-19"}


def ensure_topics(seeder):
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale=seeder.locale)}
    for fields in TOPICS:
        if fields["slug"] not in topics:
            topics[fields["slug"]] = seeder.create_snippet(TopicFactory, locale=seeder.locale, **fields)
    return topics


def member_document(seeder, key, title, filename, blocks, *, members_only, language="en-GB"):
    """A PDF made on the spot; in the Member documents collection when its toolkit is members-only."""
    if key in seeder.documents:
        return seeder.documents[key]
    document = get_document_model().objects.filter(title=title).first()
    if document is None:
        data = build_pdf(title, blocks, language=language)
        extra = {"collection": member_documents_collection()} if members_only else {}
        document = DocumentFactory(
            title=title,
            file=ContentFile(data, name=filename),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
            **extra,
        )
        seeder.record(document)
    seeder.documents[key] = document
    return document


def language_versions(seeder, toolkit):
    """The toolkit's document in other languages: one PDF per language, found by title or made on the spot."""
    versions = []
    for translation in toolkit.translations:
        document = member_document(
            seeder,
            f"toolkits/{toolkit.slug}/{translation.language}",
            f"{toolkit.title} – {translation.english_name} (PDF)",
            f"{toolkit.slug}-{translation.language.lower()}.pdf",
            translation.pdf,
            members_only=toolkit.members_only,
            language=translation.pdf_language,
        )
        versions.append(
            ToolkitDocumentLanguage(
                document=document,
                language=translation.language,
                translator_credit=translation.credit,
                translated_on=translation.translated_on,
                note=translation.note,
            )
        )
    seeder.record(ToolkitDocumentLanguage, len(versions))
    return versions


def _spec(toolkit, topics):
    def content(seeder):
        fields = toolkit.content(seeder)
        if toolkit.pdf:
            document = member_document(
                seeder,
                f"toolkits/{toolkit.slug}",
                toolkit.pdf_title,
                f"{toolkit.slug}.pdf",
                toolkit.pdf,
                members_only=toolkit.members_only,
            )
            fields["downloads"] = [
                {
                    "type": "document",
                    "value": {"document": document.pk, "title": "", "description": toolkit.pdf_note},
                    # The same id on every run, like the other demo blocks: the translations' PO files name it.
                    "id": block_id(f"toolkits/{toolkit.slug}", "downloads", 0),
                }
            ]
        if toolkit.translations:
            # Only when the toolkit is created, so it is published once, versions included.
            fields["language_versions"] = language_versions(seeder, toolkit)
        return fields

    return PageSpec(
        key=f"toolkits/{toolkit.slug}",
        factory=toolkit.factory,
        title=toolkit.title,
        slug=toolkit.slug,
        parent="toolkits",
        fields={
            "summary": toolkit.summary,
            "listing_summary": toolkit.summary,
            "last_reviewed": toolkit.last_reviewed,
            "members_only": toolkit.members_only,
            "topics": [topics[slug] for slug in toolkit.topics],
        },
        content=content,
    )


def seed(seeder):
    topics = ensure_topics(seeder)
    seeder.ensure_pages(
        [
            PageSpec(
                key="toolkits",
                factory=ToolkitIndexPageFactory,
                title="Toolkits",
                slug="toolkits",
                fields={
                    "introduction": (
                        "Messaging guides and Q&A toolkits for talking about migration and refugees in the media. "
                        "Some are free for everyone; the rest are for organisations in the IMIX network."
                    ),
                    "listing_summary": "Messaging guides and Q&A toolkits for the refugee and migration sector.",
                },
            )
        ]
    )
    seeder.ensure_pages([_spec(toolkit, topics) for toolkit in [*GUIDES, *QA_TOOLKITS]])


def seed_translations(seeder):
    """The index first, as the guide's translation goes under it. The guide is members-only: its translations
    are too (privacy.sync gives them the source's restrictions)."""
    translate_pages(seeder, TRANSLATED_PAGES, TRANSLATIONS)
