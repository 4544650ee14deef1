"""Reading pages and snippets in the visitor's language, and knowing what exists in which."""

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.html import format_html
from django.utils.translation import get_language_info, gettext_noop

from wagtail.models import Locale, Page, TranslatableMixin

from home.caching.state import kept_for_page

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
    One query, kept per process and content version (per host, as the addresses are), so
    the switcher, the <head> and the next request share it; a preview builds it afresh.
    """
    if request is None:
        return _live_translations(page, request)
    return kept_for_page(request, page, "translations", lambda: _live_translations(page, request))


def _live_translations(page: Page, request) -> list[dict]:
    pages = (
        Page.objects.filter(translation_key=page.translation_key, alias_of__isnull=True)
        .live()
        .public()
        .select_related("locale")
    )
    order = language_order()
    return sorted(
        (
            {
                "code": p.locale.language_code,
                "name": language_name(p.locale.language_code),
                "title": p.title,
                "url": p.get_url(request),
                "full_url": p.get_full_url(request),
                "current": p.pk == page.pk,
            }
            for p in pages
            if p.locale.language_code in order
        ),
        key=lambda item: order[item["code"]],
    )


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


def in_locale(items, locale: Locale, *, fallback: bool = False) -> QuerySet:
    """The translations in `locale` of `items` (a queryset, a related manager or a list).

    The one way this site reads related pages and snippets in the reader's language.
    Items are matched by translation key, so a relation that still points at the Dutch
    source finds its translation; each thing appears once, whatever language the relation
    was stored in. Pages must be live, public and not aliases.

    Without `fallback`, a thing missing in `locale` is left out. With it, its Dutch source
    takes its place: templates mark such items with the `lang` filter (`i18n_tags`).
    Returns a queryset, one query when evaluated, filtered in the database; callers order it.
    """
    model, keys = _model_and_keys(items)
    return _translations(model, keys, locale, fallback=fallback)


def related_in_locale(items, locale: Locale) -> QuerySet:
    """The site's rule for related content: pages missing in `locale` are left out (a link
    would switch language); snippets, which are only named, fall back to Dutch."""
    model, keys = _model_and_keys(items)
    return _translations(model, keys, locale, fallback=not issubclass(model, Page))


def _translations(model, keys, locale: Locale, *, fallback: bool) -> QuerySet:
    wanted = Q(locale=locale)
    if fallback and locale.language_code != settings.LANGUAGE_CODE:
        translated = model._default_manager.filter(locale=locale, translation_key=OuterRef("translation_key"))
        wanted |= Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(_published(translated))
    return _published(model._default_manager.filter(wanted, translation_key__in=keys)).select_related(
        "locale"
    )


def _model_and_keys(items) -> tuple[type, object]:
    if hasattr(items, "all") and not isinstance(items, QuerySet):
        items = items.all()  # a related manager
    if isinstance(items, QuerySet):
        return items.model, items.values("translation_key")
    # A list, or modelcluster's in-memory relation while a page is previewed.
    model = getattr(items, "model", None)
    items = list(items)
    if model is None:
        classes = {type(item) for item in items}
        model = classes.pop() if len(classes) == 1 else Page
    return model, [item.translation_key for item in items]


def _published(queryset: QuerySet) -> QuerySet:
    if issubclass(queryset.model, Page):
        return queryset.live().public().filter(alias_of__isnull=True)
    return queryset


def localize_relations(instance) -> None:
    """Point the many-to-many relations of a page at the translations in its own locale.

    wagtail-localize copies a source page's many-to-many values to its translations as
    they are, so an English guide would keep the Dutch success factors. Called when a page
    is saved or loaded from a revision; targets without a translation stay as they were.
    """
    from modelcluster.fields import ParentalManyToManyField

    for field in instance._meta.get_fields():
        if not isinstance(field, ParentalManyToManyField):
            continue
        if not issubclass(field.related_model, TranslatableMixin):
            continue
        current = list(getattr(instance, field.name).all())
        if not any(target.locale_id != instance.locale_id for target in current):
            continue
        translated = {
            target.translation_key: target
            for target in field.related_model._default_manager.filter(
                locale_id=instance.locale_id, translation_key__in=[t.translation_key for t in current]
            )
        }
        getattr(instance, field.name).set(
            [translated.get(target.translation_key, target) for target in current]
        )


def lang_attributes(obj, language: str, *, link: bool = False) -> str:
    """` lang="nl"` (and `hreflang` on a link) for a thing in another language than `language`."""
    code = obj.locale.language_code
    if code == language:
        return ""
    if link:
        return format_html(' lang="{}" hreflang="{}"', code, code)
    return format_html(' lang="{}"', code)
