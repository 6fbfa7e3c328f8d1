"""Factories for toolkits (toolkits/), shared by the tests and the demo site."""

import datetime

import factory

from django.utils.text import slugify

from wagtail.rich_text import RichText

from toolkits.documents import member_documents_collection
from toolkits.models import MessagingGuidePage, QAToolkitPage, ToolkitIndexPage, Topic

from .home import BasePageFactory, DocumentFactory, default_locale

__all__ = [
    "MemberDocumentFactory",
    "MessagingGuidePageFactory",
    "QAToolkitPageFactory",
    "ToolkitIndexPageFactory",
    "ToolkitPageFactory",
    "TopicFactory",
]


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda topic: slugify(topic.name))
    locale = factory.LazyFunction(default_locale)


class MemberDocumentFactory(DocumentFactory):
    """A document in the "Member documents" collection: served to members only."""

    collection = factory.LazyFunction(member_documents_collection)


class ToolkitIndexPageFactory(BasePageFactory):
    class Meta:
        model = ToolkitIndexPage

    title = "Toolkits"
    slug = "toolkits"
    introduction = "Messaging guides and Q&A toolkits for talking about migration and refugees."


class ToolkitPageFactory(BasePageFactory):
    class Meta:
        abstract = True
        skip_postgeneration_save = True

    summary = factory.LazyAttribute(lambda page: f"The summary of {page.title}.")
    last_reviewed = factory.Sequence(lambda n: datetime.date(2020, 10, 1) - datetime.timedelta(days=n))
    members_only = False

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if extracted:
            self.topics.set(extracted)
            return True
        return False

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        if create and results and any(results.values()):
            instance.save()


class MessagingGuidePageFactory(ToolkitPageFactory):
    class Meta:
        model = MessagingGuidePage

    title = factory.Sequence(lambda n: f"Messaging guide {n}")
    context = "<p>Why this matters now.</p>"
    key_messages = factory.LazyFunction(lambda: [("message", "Everyone deserves safety.")])
    framing = factory.LazyFunction(
        lambda: [("pair", {"say_this": "People seeking safety", "not_that": "Illegal migrants", "reason": "Accuracy."})]
    )


class QAToolkitPageFactory(ToolkitPageFactory):
    class Meta:
        model = QAToolkitPage

    title = factory.Sequence(lambda n: f"Q&A toolkit {n}")
    sections = factory.LazyFunction(
        lambda: [
            (
                "section",
                {
                    "title": "The basics",
                    "questions": [
                        {
                            "question": "Why do people cross the Channel?",
                            "short_answer": "Because there are almost no safe routes.",
                            "full_answer": RichText("<p>Most are refugees fleeing war and persecution.</p>"),
                            "sources": [],
                        }
                    ],
                },
            )
        ]
    )
