"""Admin forms whose relations offer only the edited item's language."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.models import TranslatableMixin


class LocaleLimitedChoicesMixin:
    """Choosers for related pages and snippets list only items in the edited item's locale.

    A Dutch case study offers the six Dutch success factors, not twelve; many-to-many
    relations are checkboxes, which need no Ctrl+click. Items of another locale are
    refused on save as well, because the queryset is what the field validates against.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale_id = getattr(self.instance, "locale_id", None)
        if locale_id is None:
            return
        for field in self.fields.values():
            queryset = getattr(field, "queryset", None)
            if queryset is None or not issubclass(queryset.model, TranslatableMixin):
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.widget = forms.CheckboxSelectMultiple()
            # Setting the queryset also refreshes the widget's choices.
            field.queryset = queryset.filter(locale_id=locale_id)


class LocalizedPageForm(LocaleLimitedChoicesMixin, WagtailAdminPageForm):
    """The form of every page type (`BasePage.base_form_class`)."""


class LocalizedSnippetForm(LocaleLimitedChoicesMixin, WagtailAdminModelForm):
    """The form of translatable snippets that point at other translatable snippets."""
