"""Forms for toolkits: the page editor's checks on language versions, and a member's "Request a language"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .documents import is_restricted
from .languages import get_language


class ToolkitPageForm(WagtailAdminPageForm):
    """One version per language, and a members-only toolkit's versions only from restricted collections."""

    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("language_versions")
        if formset is None:
            return cleaned_data
        formset.is_valid()  # its own checks first (duplicates among them), so every form has cleaned_data
        seen = set()
        for form in formset.forms:
            if formset.can_delete and formset._should_delete_form(form):
                continue
            code = form["language"].value()
            if code and code in seen:
                language = get_language(code)
                form.add_error(
                    "language",
                    _("There is already a version in %(language)s. Each language can be offered once.")
                    % {"language": language.name if language else code},
                )
            seen.add(code)
            document = form.cleaned_data.get("document")
            if document is not None and cleaned_data.get("members_only") and not is_restricted(document):
                form.add_error(
                    "document",
                    _(
                        "This toolkit is for members only, but this document is not: anyone could download it. "
                        "Choose a document in the “Member documents” collection."
                    ),
                )
        return cleaned_data


class LanguageRequestForm(forms.Form):
    language = forms.CharField(
        label=_("Which language do you need?"),
        max_length=80,
        help_text=_("For example Tigrinya, Kurdish (Sorani) or Brazilian Portuguese."),
    )

    def clean_language(self):
        language = " ".join(self.cleaned_data["language"].split())
        if not any(character.isalpha() for character in language):
            raise forms.ValidationError(_("Type the name of a language, for example Tigrinya."))
        return language
