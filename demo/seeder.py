"""The machinery the demo content is built with: find-or-create for pages, images, documents and snippets.

The rule throughout is "create what is missing, never change what exists": a page is looked up by its slug
under its parent, an image or document by its title, a snippet by its name or location. That is what makes
`seed_demo` safe to run on every `make run`, and it means an editor's changes to demo content survive.
"""

import io
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import override

from wagtail.documents import get_document_model
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, Site
from wagtail.utils.file import hash_filelike

from home.models import CustomImage, HomePage
from home.public_address import site_hostname_and_port

from .artwork import Illustration, render_illustration
from .factories.home import DocumentFactory, HomePageFactory, ImageFactory

IMAGE_CREDIT = "Abstract illustration made for the IMIX demo site"


class DemoContentError(Exception):
    """Demo content that its own models reject: a bug in the demo content, reported with where it is."""


@dataclass
class PageSpec:
    """A page the demo needs.

    `fields` are passed to the factory when the page is created. `content` is called once every page in
    the same batch exists, and returns the fields that refer to other pages, images or documents (bodies,
    calls to action); it receives the seeder.
    """

    key: str
    factory: type
    title: str
    slug: str
    parent: str = "home"
    illustration: Illustration | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    content: Any = None
    published_at: datetime | None = None


def validate_streams(instance):
    """Run every StreamField's block validation, which model validation alone does not do."""
    for model_field in instance._meta.get_fields():
        if isinstance(model_field, StreamField):
            try:
                model_field.stream_block.clean(getattr(instance, model_field.name))
            except ValidationError as error:
                details = error.as_json_data() if hasattr(error, "as_json_data") else error.messages
                raise DemoContentError(
                    f"{instance._meta.label} {instance!s}: invalid {model_field.name}: {details}"
                ) from error


class DemoSeeder:
    """Holds what one run has found or made, keyed by name, and counts what it created."""

    def __init__(self):
        self.locale = Locale.get_default()
        self.created = Counter()
        self.notes = []
        self.pages = {}
        self.images = {}
        self.documents = {}
        self.site = None
        self.home_created = False
        # (Translation, translated object, published by the demo) for each translation this run made.
        self.translations = []

    # Bookkeeping

    def record(self, model, count=1):
        """Count a created object; `model` is a model class or instance."""
        self.created[model._meta.concrete_model] += count

    def record_translation(self, target, translation, published=True):
        """Count a translation made with wagtail-localize: `target` is the translated page or snippet."""
        self.translations.append((translation, target, published))

    @property
    def created_anything(self):
        return bool(self.created or self.translations)

    def summary(self):
        """What this run created, in words: "8 standard pages, 25 images, ..., 12 translations (6 French, ...)"."""
        parts = []
        for model, count in sorted(self.created.items(), key=lambda item: item[0]._meta.label):
            name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
            parts.append(f"{count} {name}")
        if self.translations:
            with override("en"):
                languages = Counter(
                    str(translation.target_locale.get_display_name()) for translation, *_ in self.translations
                )
            by_language = ", ".join(f"{count} {language}" for language, count in sorted(languages.items()))
            noun = "translation" if len(self.translations) == 1 else "translations"
            parts.append(f"{len(self.translations)} {noun} ({by_language})")
        return ", ".join(parts)

    # The home page and the site

    def _welcome_page(self, root):
        """The page Wagtail's first migration makes: a plain Page, slug "home", with nothing under it."""
        plain_page = ContentType.objects.get_for_model(Page)
        return root.get_children().filter(content_type=plain_page, slug="home", numchild=0).first()

    def _delete_welcome_page(self, welcome):
        title = welcome.title
        welcome.delete()
        self.notes.append(f'Removed Wagtail\'s "{title}" page.')

    def ensure_home(self, **fields):
        """Find or create the home page under the tree root, and make it the default site's root.

        Wagtail's welcome page holds the slug "home" and is the default site's root, and deleting a page
        deletes the sites rooted at it. So the site is parked on the tree root while the welcome page goes,
        then pointed at the new home page: the Site row (and the settings that hang off it) survive.
        """
        root = Page.get_first_root_node()
        home = HomePage.objects.child_of(root).filter(locale=self.locale).first()
        welcome = self._welcome_page(root)
        if home is None:
            parked = list(Site.objects.filter(root_page=welcome)) if welcome else []
            for site in parked:
                site.root_page = root
                site.save()
            if welcome:
                self._delete_welcome_page(welcome)
            home = HomePageFactory(parent=root, live=False, locale=self.locale, **fields)
            self.home_created = True
            self.record(HomePage)
            for site in parked:
                site.root_page = home
                site.save()
        elif welcome and not Site.objects.filter(root_page=welcome).exists():
            self._delete_welcome_page(welcome)

        hostname, port = site_hostname_and_port()
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site.objects.create(
                hostname=hostname, port=port, site_name="IMIX", root_page=home, is_default_site=True
            )
            self.record(Site)
        elif (site.hostname, site.port) != (hostname, port):
            # The address is configuration (SITE_URL), not content: the record follows it, so the admin's
            # "view live" and the sitemap agree with the links the pages print.
            if Site.objects.filter(hostname=hostname, port=port).exclude(pk=site.pk).exists():
                self.notes.append(f"Another site already answers at {hostname}:{port}; the default site keeps its own.")
            else:
                site.hostname, site.port = hostname, port
                site.save()
        elif self.home_created and site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        if self.home_created and not site.site_name:
            site.site_name = "IMIX"
            site.save()
        self.site = site
        self.pages["home"] = home
        return home

    # Pages

    def ensure_pages(self, specs):
        """Create the pages that are missing, then fill in and publish them; existing pages are left alone."""
        created = []
        for spec in specs:
            parent = self.pages[spec.parent]
            page = parent.get_children().filter(slug=spec.slug).specific().first()
            if page is None:
                fields = dict(spec.fields)
                if spec.illustration:
                    fields["listing_image"] = self.image(spec.illustration)
                page = spec.factory(
                    parent=parent, title=spec.title, slug=spec.slug, live=False, locale=self.locale, **fields
                )
                created.append((spec, page))
                self.record(page)
            self.pages[spec.key] = page
        for spec, page in created:
            if spec.content:
                for name, value in spec.content(self).items():
                    setattr(page, name, value)
            self.publish(page, at=spec.published_at)
        return [page for _spec, page in created]

    def publish(self, page, at=None):
        """Publish through a revision, as an editor would; `at` backdates the publication (for posts)."""
        validate_streams(page)
        page.save_revision().publish()
        if at is not None:
            Page.objects.filter(pk=page.pk).update(first_published_at=at, last_published_at=at)
            page.first_published_at = page.last_published_at = at

    # Media

    def image(self, illustration):
        """The library image for `illustration`, drawn and saved the first time it is needed."""
        if illustration.key in self.images:
            return self.images[illustration.key]
        image = CustomImage.objects.filter(title=illustration.title).first()
        if image is None:
            data = render_illustration(illustration)
            image = ImageFactory(
                title=illustration.title,
                description=illustration.description,
                credit=IMAGE_CREDIT,
                file=ContentFile(data, name=illustration.filename),
                file_size=len(data),
                file_hash=hash_filelike(io.BytesIO(data)),
            )
            self.record(image)
        self.images[illustration.key] = image
        return image

    def document(self, key, title, filename, build):
        """The library document titled `title`; `build()` returns its bytes and is called only to create it."""
        if key in self.documents:
            return self.documents[key]
        document = get_document_model().objects.filter(title=title).first()
        if document is None:
            data = build()
            document = DocumentFactory(
                title=title,
                file=ContentFile(data, name=filename),
                file_size=len(data),
                file_hash=hash_filelike(io.BytesIO(data)),
            )
            self.record(document)
        self.documents[key] = document
        return document

    # Snippets and settings

    def create_snippet(self, factory, **fields):
        """Build with the factory, validate (streams included), then save."""
        instance = factory.build(**fields)
        validate_streams(instance)
        instance.full_clean()
        instance.save()
        self.record(instance)
        return instance
