from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """What a toolkit is about: channel crossings, the EU Settlement Scheme, housing, ..."""

    name = models.CharField(max_length=80)
    slug = models.SlugField(
        max_length=80, allow_unicode=True, help_text=_("Used in addresses, for example /toolkits/?topic=housing.")
    )
    description = models.TextField(blank=True, max_length=300)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
