"""Wagtail's database search, made to match word forms in every language.

- PostgreSQL: each page is indexed with the text-search configuration of its own
  language (Dutch stemming for Dutch pages, Arabic for Arabic ones, ...), and a query uses
  the configuration of the active language, which is the language of the pages searched.
  Languages PostgreSQL has no stemmer for use `simple`.
- SQLite: FTS5 has no stemmers for these languages, so every word of a query matches as
  a prefix: `ambassadeur` finds `ambassadeurs`.
Other databases get Wagtail's backend unchanged.
"""

import copy
from collections import defaultdict
from functools import cache, reduce
from operator import and_, or_

from django.db import connection
from django.utils import translation

from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import PlainText

# PostgreSQL's configurations per language code; `simple` lowercases without stemming.
POSTGRES_CONFIGS = {"nl": "dutch", "en": "english", "ar": "arabic", "tr": "turkish"}


def postgres_config(language_code: str | None) -> str:
    return POSTGRES_CONFIGS.get((language_code or "").split("-")[0], "simple")


def _object_language(obj) -> str | None:
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        # Wagtail's indexer reads the configuration from its backend, so each language's
        # objects go through a copy of the backend set to that language's configuration.
        by_config = defaultdict(list)
        for obj in objs:
            by_config[postgres_config(_object_language(obj))].append(obj)
        for config, group in by_config.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return postgres_config(translation.get_language())


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler


@cache
def _prefix_query_compiler():
    """Made once, on first use: the SQLite module can only be imported where SQLite runs."""
    from django.db.models import Case, Exists, IntegerField, OuterRef, When
    from django.db.models.functions import Cast

    from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler
    from wagtail.search.query import MatchAll, Not

    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    class PrefixQueryCompiler(SQLiteSearchQueryCompiler):
        def search(self, config, start, stop, score_field=None):
            """A page of results by relevance with the full-text match run twice, not once
            per candidate row: Wagtail ranks with a correlated subquery that repeats the
            FTS5 match for every page of the language (2 s at national size)."""
            query = normalize(self.query)
            if (
                stop is None  # counting or reading every result: Wagtail's own query
                or not self.order_by_relevance
                or score_field is not None
                or isinstance(query, (MatchAll, Not))
            ):
                return super().search(config, start, stop, score_field)
            match = MatchExpression(
                self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config)
            )
            # Only entries of pages the queryset allows (language, live, public: one lookup
            # by key per match), ranked and cut to the page in SQLite: ten ids come back,
            # not every match with its score.
            allowed = self.queryset.order_by().filter(pk=OuterRef("page_id"))
            chosen = [
                int(object_id)
                for object_id in SQLiteFTSIndexEntry.objects.filter(match)
                .alias(page_id=Cast("index_entry__object_id", IntegerField()))
                .filter(
                    index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model),
                )
                .filter(Exists(allowed))
                .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
                # bm25 is lower for a better match; ties newest first, as Wagtail orders them.
                .order_by("score", "-page_id")
                .values_list("index_entry__object_id", flat=True)[start:stop]
            ]
            order = Case(*(When(pk=pk, then=i) for i, pk in enumerate(chosen)), output_field=IntegerField())
            return self.queryset.filter(pk__in=chosen).order_by(order) if chosen else self.queryset.none()

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                # Each word is quoted for FTS5, which escapes a quote by doubling it; a stray
                # one (from the API's search parameter) would otherwise end the string.
                terms = [term.replace('"', '""') for term in query.query_string.split()]
                if not terms:
                    return None
                combine = and_ if query.operator.upper() == "AND" else or_
                return SearchQueryExpression(
                    reduce(combine, [Lexeme(term, prefix=True) for term in terms]), config=config
                )
            return super().build_search_query_content(query, config=config)

    return PrefixQueryCompiler


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        backend.query_compiler_class = _prefix_query_compiler()
    return backend
