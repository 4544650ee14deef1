"""The language switcher, hreflang alternates and translation notes."""

from django import template
from django.conf import settings
from django.urls import translate_url

from ..i18n import in_active_language, page_translations, source_if_outdated

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


@register.inclusion_tag("components/outdated_note.html")
def outdated_translation_note(page):
    return {"source": source_if_outdated(page) if page else None}


@register.filter
def localized(queryset):
    """A queryset of translatable snippets, read in the active language (one query)."""
    return in_active_language(queryset)


@register.inclusion_tag("components/hreflang.html", takes_context=True)
def path_alternates(context):
    """hreflang alternates for views that exist in every language, like search."""
    request = context["request"]
    path = request.get_full_path()
    translations = [
        {"code": code, "full_url": request.build_absolute_uri(translate_url(path, code))}
        for code, _name in settings.LANGUAGES
    ]
    default = next(t for t in translations if t["code"] == settings.LANGUAGE_CODE)
    return {"translations": translations, "x_default": default}
