"""Reading pages and snippets in the visitor's language, and knowing what exists in which."""

from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language_info, gettext_noop

from wagtail.models import Page

# Django translates month names in its own catalogs, which have no Tigrinya or Somali.
# Listed here so that makemessages keeps them in ours, where those languages get them.
MONTH_NAMES = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]


def language_name(code: str) -> str:
    """The language's name in its own language and script, e.g. ትግርኛ for Tigrinya."""
    return get_language_info(code)["name_local"]


def language_order() -> dict[str, int]:
    return {code: i for i, (code, _name) in enumerate(settings.LANGUAGES)}


def page_translations(page: Page, request=None) -> list[dict]:
    """The live, public translations of a page, itself included, in the order of LANGUAGES.

    An alias (a page that mirrors the Dutch one) is not a translation and is left out.
    One query, cached on the request so the switcher and the <head> share it.
    """
    cache = getattr(request, "_page_translations", None) if request is not None else None
    if cache is not None and page.pk in cache:
        return cache[page.pk]
    pages = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .public()
        .select_related("locale")
    )
    order = language_order()
    result = sorted(
        (
            {
                "code": p.locale.language_code,
                "name": language_name(p.locale.language_code),
                "url": p.get_url(request),
                "full_url": p.get_full_url(request),
                "page": p,
                "current": p.pk == page.pk,
            }
            for p in pages
            if p.locale.language_code in order
        ),
        key=lambda item: order[item["code"]],
    )
    if request is not None:
        if cache is None:
            request._page_translations = cache = {}
        cache[page.pk] = result
    return result


def source_if_outdated(page: Page) -> Page | None:
    """The Dutch page when it was published after this translation was, else None."""
    if page.locale.language_code == settings.LANGUAGE_CODE or page.last_published_at is None:
        return None
    source = (
        Page.objects.filter(
            translation_key=page.translation_key, locale__language_code=settings.LANGUAGE_CODE
        )
        .live()
        .only("id", "url_path", "last_published_at", "title", "locale_id")
        .first()
    )
    if source and source.last_published_at and source.last_published_at > page.last_published_at:
        return source
    return None


def in_active_language(queryset):
    """The objects of a translatable queryset in the active language, falling back to Dutch.

    One query for any number of objects: both languages are fetched together and the
    translation wins over its Dutch source, matched by translation key.
    """
    codes = {translation.get_language() or settings.LANGUAGE_CODE, settings.LANGUAGE_CODE}
    # The queryset may hold only Dutch rows (a relation set on the Dutch page): widen it to
    # every row that shares their translation keys, as a subquery of the same statement.
    rows = list(
        queryset.model.objects.filter(
            translation_key__in=queryset.values("translation_key"), locale__language_code__in=codes
        )
        .order_by(*queryset.query.order_by or queryset.model._meta.ordering)
        .select_related("locale")
    )
    chosen = {}
    for obj in rows:
        current = chosen.get(obj.translation_key)
        if current is None or obj.locale.language_code != settings.LANGUAGE_CODE:
            chosen[obj.translation_key] = obj
    order = {obj.translation_key: i for i, obj in enumerate(rows)}
    return sorted(chosen.values(), key=lambda obj: order[obj.translation_key])
