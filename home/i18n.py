"""Reading translatable objects in the visitor's language."""

from django.conf import settings
from django.utils import translation

from wagtail.models import Locale


def active_locale() -> Locale | None:
    """The Locale for the active language, or None when it is not a content language."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    return Locale.objects.filter(language_code=code).first()


def in_active_language(queryset):
    """The objects of a translatable queryset in the active language, falling back to Dutch.

    One query for any number of objects: both languages are fetched together and the
    translation wins over its Dutch source, matched by translation key.
    """
    codes = {translation.get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
    rows = list(queryset.filter(locale__language_code__in=codes).select_related("locale"))
    chosen = {}
    for obj in rows:
        current = chosen.get(obj.translation_key)
        if current is None or obj.locale.language_code != settings.LANGUAGE_CODE:
            chosen[obj.translation_key] = obj
    order = {obj.translation_key: i for i, obj in enumerate(rows)}
    return sorted(chosen.values(), key=lambda obj: order[obj.translation_key])
