"""The language switcher, hreflang alternates, translation notes and same-language reading."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale

from home.caching.state import kept_for_page
from home.i18n import lang_attributes, language_name, page_translations, related_in_locale, source_if_outdated

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    page = page or context.get("page")
    request = context["request"]
    return {"translations": page_translations(page, request) if page else [], "request": request}


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def hreflang_alternates(context, page=None):
    page = page or context.get("page")
    translations = page_translations(page, context["request"]) if page else []
    default = next((t for t in translations if t["code"] == settings.LANGUAGE_CODE), None)
    return {"translations": translations, "x_default": default or (translations[0] if translations else None)}


@register.inclusion_tag("components/outdated_note.html", takes_context=True)
def outdated_translation_note(context, page):
    if not page:
        return {"source": None}
    # Kept per page and content version: publishing the source (or this page) bumps it.
    source = kept_for_page(context["request"], page, "outdated-source", lambda: source_if_outdated(page))
    return {"source": source, "request": context["request"]}


@register.filter
def localized(items):
    """Related pages or snippets in the reader's language (one query).

    Pages missing in that language are left out; snippets fall back to Dutch, and the
    template marks them with the `lang` filter.
    """
    return related_in_locale(items, Locale.get_active())


@register.filter
def lang(obj):
    """` lang="nl"` when a snippet is shown in another language than the reader's."""
    return lang_attributes(obj, translation.get_language())


@register.filter
def link_lang(page):
    """` lang="nl" hreflang="nl"` on a link to a page in another language than the reader's."""
    return lang_attributes(page, translation.get_language(), link=True)


@register.filter
def foreign_language_name(obj):
    """The name of the thing's language when it is not the reader's, shown next to the link."""
    code = obj.locale.language_code
    return "" if code == translation.get_language() else language_name(code)


def _path_translations(request) -> list[dict]:
    """The same address in every language, for views that exist in all of them (search)."""
    path, current = request.get_full_path(), translation.get_language()
    translations = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(path, code)
        translations.append(
            {
                "code": code,
                "name": language_name(code),
                "url": url,
                "full_url": request.build_absolute_uri(url),
                "current": code == current,
            }
        )
    return translations


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def path_alternates(context):
    """hreflang alternates for views that exist in every language, like search."""
    translations = _path_translations(context["request"])
    default = next(t for t in translations if t["code"] == settings.LANGUAGE_CODE)
    return {"translations": translations, "x_default": default}


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def path_language_switcher(context):
    """The header's language switcher for views that exist in every language, like search:
    the same address (and search words) in the chosen language."""
    request = context["request"]
    return {"translations": _path_translations(request), "request": request}
