"""Admin forms: relations offer only the edited item's language, and a save made from a
form loaded before someone else's newer version is refused until the editor has seen it."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

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


class RefusesStaleSavesMixin:
    """Refuse to replace a version the editor never saw.

    Wagtail's edit form carries the revision it was loaded from (`loaded_revision_id`) and
    warns while someone else edits, but a save still replaces whatever was saved in the
    meantime. Here such a save is refused with who saved what and when; the form comes
    back with the editor's own changes in it and now carries the newer revision, so saving
    again is the confirmation, and reloading starts from the other editor's version.
    """

    def clean(self):
        cleaned = super().clean()
        newer = self._newer_revision()
        if newer is not None:
            loaded, latest = newer
            changed = [
                str(self.fields[name].label or name) if name in self.fields else name
                for name in [*self.fields, *getattr(self, "formsets", {})]
                if loaded.content.get(name) != latest.content.get(name)
            ]
            who = (latest.user.get_full_name() or latest.user.get_username()) if latest.user else _("someone")
            raise ValidationError(
                _(
                    "%(user)s saved a newer version at %(time)s, changing %(fields)s. Your changes are "
                    "still in this form: save again to replace that version, or reload the page to "
                    "start from it."
                ),
                code="stale",
                params={
                    "user": who,
                    "time": formats.date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT"),
                    "fields": get_text_list(changed, _("and")) if changed else _("nothing you can see here"),
                },
            )
        return cleaned

    def _newer_revision(self):
        """(loaded, latest) revisions when the form was loaded before the latest one."""
        instance = self.instance
        latest = instance.latest_revision if instance.pk else None
        loaded_id = self.data.get("loaded_revision_id", "")
        if latest is None or not loaded_id.isdecimal() or int(loaded_id) == latest.pk:
            return None
        # Wagtail's autosave overwrites its own revision: that one is the editor's own.
        if self.data.get("overwrite_revision_id", "") == str(latest.pk):
            return None
        loaded = instance.revisions.filter(pk=int(loaded_id)).first()
        if loaded is None or loaded.created_at > latest.created_at:
            return None
        return loaded, latest


class LocalizedPageForm(RefusesStaleSavesMixin, LocaleLimitedChoicesMixin, WagtailAdminPageForm):
    """The form of every page type (`BasePage.base_form_class`)."""


class LocalizedSnippetForm(LocaleLimitedChoicesMixin, WagtailAdminModelForm):
    """The form of translatable snippets that point at other translatable snippets."""
