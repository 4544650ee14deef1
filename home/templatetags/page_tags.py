"""Pages linked from a page, read in that page's language."""

from django import template

from wagtail.models import Page

register = template.Library()


@register.simple_tag
def in_locale(pages, locale):
    """Those of `pages` that exist in `locale`, as that locale's pages (one query).

    A translated page keeps links to the Dutch pages it was copied from; showing those
    on, say, the Tigrinya home page would switch language silently, so they are mapped to
    their translations and dropped where there is none.
    """
    pages = list(pages)
    keys = [page.translation_key for page in pages]
    found = {
        page.translation_key: page
        for page in Page.objects.filter(translation_key__in=keys, locale=locale, alias_of__isnull=True)
        .live()
        .public()
        .specific()
    }
    return [found[key] for key in keys if key in found]


@register.simple_tag
def doors_in_locale(page):
    """The home page's doors whose target page exists in the home page's language."""
    targets = in_locale([door.value["page"] for door in page.doors if door.value["page"]], page.locale)
    by_key = {target.translation_key: target for target in targets}
    return [
        {
            "title": door.value["title"],
            "text": door.value["text"],
            "page": by_key[door.value["page"].translation_key],
        }
        for door in page.doors
        if door.value["page"] and door.value["page"].translation_key in by_key
    ]
