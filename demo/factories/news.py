"""Factories for the blog (news/), shared by the tests and the demo site."""

import datetime

import factory

from django.utils.text import slugify

from wagtail.rich_text import RichText

from news.models import Author, BlogCategory, BlogIndexPage, BlogPage

from .home import BasePageFactory, default_locale

__all__ = [
    "AuthorFactory",
    "BlogCategoryFactory",
    "BlogIndexPageFactory",
    "BlogPageFactory",
]


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Author

    name = factory.Sequence(lambda n: f"Author {n}")
    role = "Communications officer"
    locale = factory.LazyFunction(default_locale)


class BlogCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BlogCategory
        django_get_or_create = ("slug", "locale")

    name = factory.Sequence(lambda n: f"Category {n}")
    slug = factory.LazyAttribute(lambda category: slugify(category.name))
    locale = factory.LazyFunction(default_locale)


class BlogIndexPageFactory(BasePageFactory):
    class Meta:
        model = BlogIndexPage

    title = "News"
    slug = "news"
    introduction = "News and positive stories from IMIX and its network."


class BlogPageFactory(BasePageFactory):
    class Meta:
        model = BlogPage
        # The hooks below set relations in memory; `_after_postgeneration` saves once for all of them.
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Blog post {n}")
    date = factory.Sequence(lambda n: datetime.date(2020, 6, 1) - datetime.timedelta(days=n))
    introduction = factory.LazyAttribute(lambda post: f"The introduction to {post.title}.")
    body = factory.LazyFunction(lambda: [("paragraph", RichText("<p>The body of the post.</p>"))])

    # Parental many-to-many fields and cluster tags live in memory until the page is saved.
    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if extracted:
            self.categories.set(extracted)
            return True
        return False

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        if extracted:
            self.authors.set(extracted)
            return True
        return False

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
            return True
        return False

    @classmethod
    def _after_postgeneration(cls, instance, create, results=None):
        """Save once if any relation was set, rather than once per relation (each page save is validated and
        re-indexed)."""
        if create and results and any(results.values()):
            instance.save()
