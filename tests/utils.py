"""Helpers for page tests that need the Wagtail admin: create through the add form, preview an edit."""

from django.urls import reverse
from django.utils.text import slugify


def creatable_child_models(model):
    """The page types an editor is offered under `model` (abstract or non-creatable types left out)."""
    return {child for child in model.allowed_subpage_models() if child.is_creatable}


def admin_add_url(parent, model):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def create_page_via_admin(client, parent, model, data, publish=True):
    """POST the admin's add form the way an editor's browser does; return the response.

    `client` must be logged in with permission to add pages under `parent`. Fails with the form's errors
    when the admin refuses the data, so a broken panel or a required field shows up clearly.
    """
    data = dict(data)
    data.setdefault("slug", slugify(data["title"]))
    if publish:
        data["action-publish"] = "action-publish"
    response = client.post(admin_add_url(parent, model), data)
    if response.status_code == 200 and response.context and "form" in response.context:
        form = response.context["form"]
        errors = dict(form.errors)
        for name, formset in getattr(form, "formsets", {}).items():
            if formset.errors or formset.non_form_errors():
                errors[name] = [formset.errors, formset.non_form_errors()]
        raise AssertionError(f"The admin refused to create the {model.__name__}: {errors}")
    assert response.status_code == 302, response.status_code
    return response


def preview_page(client, page, data):
    """Post edit-form data for `page` to the admin's preview view, then load the preview as the admin's preview
    panel does. `data` is built like the add form's (nested_form_data), since the edit form's StreamFields
    are drawn by JavaScript and cannot be scraped from its HTML. Returns the rendered preview."""
    data = dict(data)
    data.setdefault("slug", page.slug)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    state = client.post(preview_url, data)
    assert state.status_code == 200
    assert state.json() == {"is_valid": True, "is_available": True}, "the preview form refused the data"
    response = client.get(preview_url, {"mode": ""})
    assert response.status_code == 200
    return response
