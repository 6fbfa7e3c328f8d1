"""The blog's demo content: a News index with two categories, three authors and thirteen posts.

Built by `seed(seeder)` and translated by `seed_translations(seeder)`, which `demo.build` calls; both follow the
seeder's rule of creating what is missing and leaving what exists alone. The posts themselves are in `demo.posts`.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils.text import slugify

from news.models import Author, BlogCategory

from .artwork import CORAL, NAVY, SAND, TEAL, Illustration
from .factories.news import AuthorFactory, BlogCategoryFactory, BlogIndexPageFactory, BlogPageFactory
from .posts import FEATURED_SLUG, POSTS
from .seeder import PageSpec
from .streams import Stream
from .translation import TRANSLATED_LANGUAGES, TRANSLATIONS, live_source, translate, translate_pages

__all__ = ["seed", "seed_translations"]

LONDON = ZoneInfo("Europe/London")
# The post translated into every demo language (the one the home page features), and the author and categories
# it shows, which are translated first so the post names them in its own language.
TRANSLATED_POST = FEATURED_SLUG
PUBLISHED_AT = datetime.time(10, 0)

# Fictional members of staff.
AUTHORS = [
    {
        "name": "Amara Osei",
        "role": "Digital communications manager",
        "biography": "Amara looks after the IMIX website and social media, and edits our positive stories series.",
    },
    {
        "name": "Daniel Hughes",
        "role": "Media officer",
        "biography": "Daniel works with journalists and partners on coverage of migration, from EU citizens' rights "
        "to Channel crossings.",
    },
    {
        "name": "Leila Haddad",
        "role": "Training and network coordinator",
        "biography": "Leila runs the IMIX training programme and the network's monthly meetings with journalists.",
    },
]

CATEGORIES = [
    {"name": "News", "slug": "news", "description": "Updates on our work, our network and the media."},
    {
        "name": "Positive stories",
        "slug": "positive-stories",
        "description": "Refugees and migrants making a difference in their communities.",
    },
]

INDEX_ILLUSTRATION = Illustration(
    key="news-index-paths",
    title="Dotted paths in coral and sand (news)",
    description="Abstract illustration: dotted paths in coral and sand cross a navy sky and meet at one point.",
    motif="routes",
    palette=(NAVY, TEAL, CORAL, SAND, CORAL),
)


def ensure_authors(seeder):
    authors = {author.name: author for author in Author.objects.filter(locale=seeder.locale)}
    for fields in AUTHORS:
        if fields["name"] not in authors:
            authors[fields["name"]] = seeder.create_snippet(AuthorFactory, locale=seeder.locale, **fields)
    return authors


def ensure_categories(seeder):
    categories = {category.slug: category for category in BlogCategory.objects.filter(locale=seeder.locale)}
    for fields in CATEGORIES:
        if fields["slug"] not in categories:
            categories[fields["slug"]] = seeder.create_snippet(BlogCategoryFactory, locale=seeder.locale, **fields)
    return categories


def _post_spec(post, authors, categories):
    def content(seeder):
        body = Stream(f"news/{post.slug}/body")
        post.write_body(body, seeder)
        return {"body": body.build()}

    return PageSpec(
        key=f"news/{post.slug}",
        factory=BlogPageFactory,
        title=post.title,
        slug=post.slug,
        parent="news",
        illustration=post.illustration,
        fields={
            "date": post.date,
            "introduction": post.introduction,
            "listing_summary": post.listing_summary,
            "authors": [authors[name] for name in post.authors],
            "categories": [categories[slug] for slug in post.categories],
            "tags": list(post.tags),
        },
        content=content,
        published_at=datetime.datetime.combine(post.date, PUBLISHED_AT, tzinfo=LONDON),
    )


def seed(seeder):
    authors = ensure_authors(seeder)
    categories = ensure_categories(seeder)
    seeder.ensure_pages(
        [
            PageSpec(
                key="news",
                factory=BlogIndexPageFactory,
                title="News",
                slug="news",
                illustration=INDEX_ILLUSTRATION,
                fields={
                    "introduction": (
                        "News from IMIX and our network, and positive stories of refugees and migrants making a "
                        "difference."
                    ),
                    "listing_summary": "News and positive stories from IMIX and the refugee and migration sector.",
                },
            )
        ]
    )
    # Oldest first, so the admin's page explorer lists posts in the order they were written.
    seeder.ensure_pages([_post_spec(post, authors, categories) for post in sorted(POSTS, key=lambda p: p.date)])
    featured = seeder.pages.get(f"news/{FEATURED_SLUG}")
    if featured is not None:
        seeder.pages["featured-story"] = featured


def seed_translations(seeder):
    """The post's categories and author, then the News index and the post under it (its parent must exist in
    the language first, as an editor translating the post finds). PO files are named after the demo's slugs."""
    index = live_source(seeder, "news")
    post = live_source(seeder, f"news/{TRANSLATED_POST}")
    if index is None or post is None:
        return
    snippets = {f"category-{category.slug}": category for category in post.categories.all()}
    snippets.update({f"author-{slugify(author.name)}": author for author in post.authors.all()})
    for language in TRANSLATED_LANGUAGES:
        for name, snippet in sorted(snippets.items()):
            translate(seeder, snippet, language, TRANSLATIONS / f"{name}-{language}.po")
    translate_pages(seeder, {"news": "news", f"news/{TRANSLATED_POST}": TRANSLATED_POST}, TRANSLATIONS)
