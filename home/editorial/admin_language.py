"""A fully Dutch admin: what Wagtail and wagtail-localize leave in English.

- Strings their catalogs lack or get wrong are listed here with gettext_noop, so
  makemessages keeps them in this project's catalogs, which take precedence over the
  packages' (LOCALE_PATHS).
- wagtail-localize's JavaScript catalog is served with this project's corrections.
- A few strings are hard-coded in wagtail-localize's editor and its dates are formatted
  with strftime (English month names); `static/js/admin-language.js` replaces them in the
  page with the translations given here. To be sent upstream, then removed.
"""

from django.utils import dates, translation
from django.utils.html import format_html, json_script
from django.utils.translation import gettext, gettext_noop, ngettext_lazy
from django.views.i18n import JavaScriptCatalog

OVERRIDES = [
    gettext_noop("Editor Guide"),  # Wagtail's Dutch catalog leaves it in English
    gettext_noop("Translation of %(instance)s into %(locale)s"),  # its Dutch lacks a space
    # The listings' counts: Wagtail's Dutch runs the words together ("1-14van 14pagina's").
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop(
        "%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s in "
        "'<span class=\"w-title-ellipsis\">%(title)s</span>'."
    ),
]
# The dashboard's image count: Wagtail's Dutch plural runs the words together
# ("aangemaakt inAan de Slag").
PLURAL_OVERRIDES = [
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        2,
    ),
]
# wagtail-localize stores the name of the tool a translation came with and shows it as it
# is ("Vertaald met PO File"): the names it and this project store, translated when shown
# (`translated_tool_comment`).
TOOL_NAMES = [gettext_noop("PO File"), gettext_noop("demo loader")]
# Hard-coded in wagtail-localize's editor (JavaScript).
MORE_ACTIONS = gettext_noop("More actions")
EDITOR_TITLE = gettext_noop("%(source)s to %(target)s translation")
# wagtail-localize's JavaScript catalog: its Dutch "Publiceer in" lacks the space before
# the language's name ("Publiceer inTigrinya").
JS_OVERRIDES = {"nl": {"Publish in ": "Publiceer in "}}
ENGLISH_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip


class LocalizeJavaScriptCatalog(JavaScriptCatalog):
    """wagtail-localize's catalog with this project's corrections."""

    packages = ["wagtail_localize"]

    def get_catalog(self):
        catalog = super().get_catalog()
        catalog.update(JS_OVERRIDES.get(translation.get_language() or "", {}))
        return catalog


def text_fixes() -> dict:
    """What static/js/admin-language.js replaces, in the admin's language."""
    months = {english: str(dates.MONTHS[number]) for number, english in enumerate(ENGLISH_MONTHS, start=1)}
    return {
        "exact": {"More actions": gettext(MORE_ACTIONS)},
        "editorTitle": gettext(EDITOR_TITLE),
        "months": months if translation.get_language() != "en" else {},
    }


def admin_head_html(script_url: str, stylesheet_url: str) -> str:
    return format_html(
        '<link rel="stylesheet" href="{}">{}<script src="{}" defer></script>',
        stylesheet_url,
        json_script(text_fixes(), "admin-language"),
        script_url,
    )


def translated_tool_comment(get_comment):
    """wagtail-localize's `StringTranslation.get_comment` with the tool's name translated."""

    def get_comment_in_language(self):
        tool_name = self.tool_name
        if tool_name in TOOL_NAMES:
            self.tool_name = gettext(tool_name)
        try:
            return get_comment(self)
        finally:
            self.tool_name = tool_name

    get_comment_in_language.wrapped = get_comment
    return get_comment_in_language


def install() -> None:
    from wagtail_localize.models import StringTranslation

    if not hasattr(StringTranslation.get_comment, "wrapped"):
        StringTranslation.get_comment = translated_tool_comment(StringTranslation.get_comment)
