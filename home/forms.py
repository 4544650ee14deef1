"""The admin page form every page type uses, with helpers for cross-row checks."""

from wagtail.admin.forms import WagtailAdminPageForm


class PageForm(WagtailAdminPageForm):
    def reject_duplicates(self, formset_name: str, field: str, message: str) -> None:
        """Attach `message` to every inline row that repeats an earlier row's `field`.

        Without this a repeated value would only fail at the database's unique constraint.
        """
        seen = set()
        for form in self.formsets[formset_name].forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            value = form.cleaned_data.get(field)
            if value is None:
                continue
            if value in seen:
                form.add_error(field, message)
            seen.add(value)
