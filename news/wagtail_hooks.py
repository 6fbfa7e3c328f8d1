from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Author, BlogCategory


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "locale"]
    search_fields = ["name"]


class BlogCategoryViewSet(SnippetViewSet):
    model = BlogCategory
    icon = "tag"
    list_display = ["name", "slug", "locale"]


class NewsViewSetGroup(SnippetViewSetGroup):
    menu_label = _("News")
    menu_icon = "doc-full"
    items = (AuthorViewSet, BlogCategoryViewSet)


register_snippet(NewsViewSetGroup)
