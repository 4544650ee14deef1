"""Full-text search over the live pages in the reader's language."""

import logging
import unicodedata
from collections import defaultdict

from django.db import DatabaseError, connection
from django.http import (
    HttpResponse,
)
from django.shortcuts import render
from django.utils.http import urlencode

from wagtail.models import Locale, Page

from home.caching.state import memo
from home.pagination import Window

from . import vocabulary

logger = logging.getLogger(__name__)


MAX_QUERY_LENGTH = 200
# A real search is a few words; a pasted paragraph is searched by its first twenty, which
# keeps every backend's query tree small (hundreds of words recurse past Python's limit).
MAX_QUERY_WORDS = 20


def clean_query(raw: str) -> str:
    """Words of letters (with their accents and vowel marks) and digits, joined by hyphens
    or apostrophes inside a word ("azc-bewoners", "azc's").

    Everything else becomes a space: search engines read quotes, stars, a leading minus and
    control characters as syntax, and a stray one would make the database refuse the query.
    A query of only punctuation is empty, which answers the page without results.
    """
    raw = raw[: MAX_QUERY_LENGTH * 4]  # enough for any real query; no work on megabytes
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" or ch in "-'" else " " for ch in raw)
    words = [word for word in (word.strip("-'") for word in kept.split()) if word][:MAX_QUERY_WORDS]
    return " ".join(words)[:MAX_QUERY_LENGTH].strip("-' ")


CARD_FIELDS = ("listing_summary", "is_example")


def with_card_fields(pages: list) -> None:
    """Give result pages the two fields of their type a card shows (summary, example
    badge). A card needs nothing else of the specific page, and reading whole specific
    pages (a query per type, each with every column) cost more than the search itself:
    here one query reads the two columns from each type's table."""
    from home.models import BasePage

    by_model = defaultdict(list)
    for page in pages:
        model = page.specific_class
        if model is not None and issubclass(model, BasePage):
            by_model[model].append(page.pk)
    fields = {}
    if by_model:
        quote = connection.ops.quote_name
        parts, params = [], []
        for model, ids in by_model.items():
            # Every page type's own table holds both fields (BasePage is abstract).
            key, table = quote(model._meta.pk.column), quote(model._meta.db_table)
            summary, example = (quote(model._meta.get_field(name).column) for name in CARD_FIELDS)
            placeholders = ", ".join(["%s"] * len(ids))
            # Names from the models, ids as parameters.
            parts.append(f"SELECT {key}, {summary}, {example} FROM {table} WHERE {key} IN ({placeholders})")  # noqa: S608
            params += ids
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            fields = {pk: (summary, bool(example)) for pk, summary, example in cursor.fetchall()}
    for page in pages:
        page.listing_summary, page.is_example = fields.get(page.pk, ("", False))


def search(request) -> HttpResponse:
    """Full-text search over the live pages of the visitor's language."""
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=locale).search(query)
    try:
        # The search runs once: for this page and one more result, never again to count.
        page_of_results = Window(request, results, 10)
        with_card_fields(page_of_results.object_list)
    except DatabaseError:
        logger.warning("Search refused by the database: %r", query)
        return render(request, "home/search.html", {"query": query, "refused": True}, status=400)
    context = {"query": query, "results": page_of_results, "count": page_of_results.counter() if query else 0}
    # "Mis je hier iets?" on the results belongs to the language's home page.
    context["feedback_page"] = memo(
        ("home-page", locale.pk), lambda: Page.objects.filter(depth=2, locale=locale).first()
    )
    if query and not page_of_results.object_list:
        context.update(suggest(query, locale))
    return render(request, "home/search.html", context)


def suggest(query: str, locale) -> dict:
    """'Did you mean ...?' for a search that found nothing: the closest words the index
    holds, offered only when they find a page this reader may see."""
    for suggestion in vocabulary.suggestions(query, locale.language_code):
        try:
            if list(Page.objects.live().public().filter(locale=locale).search(suggestion)[:1]):
                # Quoted here: the template adds it to the search URL as it is.
                return {"suggestion": suggestion, "suggestion_quoted": urlencode({"q": suggestion})[2:]}
        except DatabaseError:
            return {}
    return {}
