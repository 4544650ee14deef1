"""Wagtail's database search, alike on PostgreSQL and SQLite, forgiving in every language.

Pages are indexed as the terms of their language (home.analysis: folded spelling,
Snowball stems), which both databases store as plain words: PostgreSQL with its `simple`
configuration, SQLite's FTS5 as it is. A query on pages is read the same way in the
active language (the language of the pages searched); each term matches as the start of
an indexed term (`ambassadeur` finds `ambassadeurs`), and a word the index does not hold
is searched as its closest words in the vocabulary (home.search.vocabulary).

What is not a page (images, documents, snippets) is indexed as before: on PostgreSQL with
its language's configuration where it has a locale, on SQLite with every word a prefix.
Other databases get Wagtail's backend unchanged.
"""

import copy
from collections import defaultdict
from functools import cache, reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast, Least, Length
from django.db.models.lookups import GreaterThan
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends.database import SearchBackend as database_backend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.query import PlainText

from modelsearch.backends.database.postgres.query import Lexeme as PostgresLexeme

from home import analysis

from . import vocabulary
from .vocabulary import Term

# PostgreSQL's configurations per language code; `simple` lowercases without stemming.
POSTGRES_CONFIGS = {"nl": "dutch", "en": "english", "ar": "arabic", "tr": "turkish"}


def postgres_config(language_code: str | None) -> str:
    return POSTGRES_CONFIGS.get((language_code or "").split("-")[0], "simple")


def is_analysed(model) -> bool:
    """Pages are indexed as terms (home.models.base.BasePage.get_search_fields)."""
    return issubclass(model, Page)


def _object_language(obj) -> str | None:
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


class VocabularyMixin:
    """An index that teaches the vocabulary the words of the live pages it writes."""

    def add_items(self, model, objs):
        with analysis.collecting() as found:
            super().add_items(model, objs)
        vocabulary.record(found)

    def reset(self):
        super().reset()
        vocabulary.forget_all()


class ForgivingMixin:
    """A query on pages read as the index reads text, with typing errors forgiven."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if is_analysed(self.queryset.model):
            self.query = vocabulary.forgive(self.query, translation.get_language())


class LanguageIndex(VocabularyMixin, PostgresIndex):
    def add_items(self, model, objs):
        if is_analysed(model):
            # Terms already carry the language: stored as they are.
            backend = copy.copy(self.backend)
            backend.config = "simple"
            with analysis.collecting() as found:
                PostgresIndex(backend).add_items(model, objs)
            vocabulary.record(found)
            return
        # Wagtail's indexer reads the configuration from its backend, so each language's
        # objects go through a copy of the backend set to that language's configuration.
        by_config = defaultdict(list)
        for obj in objs:
            by_config[postgres_config(_object_language(obj))].append(obj)
        for config, group in by_config.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


class LanguageQueryCompiler(ForgivingMixin, PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if is_analysed(self.queryset.model):
            return "simple"
        return postgres_config(translation.get_language())

    def _build_rank_expression(self, vectors, config):
        """Pages whose title holds a word of the query first, shorter titles (the closer
        match) before longer, then PostgreSQL's rank: the order SQLite gives too (see
        rank_order there), so both databases show the same first result."""
        rank = super()._build_rank_expression(vectors, config)
        if self.fields is not None or not is_analysed(self.queryset.model):
            return rank
        title_rank = self.build_tsrank(F("index_entries__title"), self.query, config=config)
        title_hit = Case(When(GreaterThan(title_rank, 1e-9), then=Value(1.0)), default=Value(0.0))
        title_length = Cast(Length("index_entries__title_text"), FloatField())
        return title_hit * Value(1e6) - Least(title_length, Value(9999.0)) * Value(1e2) + rank

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, Term):
            lexeme = PostgresLexeme(query.query_string, invert=invert, prefix=True)
            return SearchQuery(lexeme, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class LanguagePostgresSearchBackend(PostgresSearchBackend):
    index_class = LanguageIndex
    query_compiler_class = LanguageQueryCompiler


@cache
def _prefix_query_compiler():
    """Made once, on first use: the SQLite module can only be imported where SQLite runs."""
    from django.db.models import Case, Exists, FloatField, IntegerField, OuterRef, When
    from django.db.models.expressions import RawSQL
    from django.db.models.functions import Cast

    from wagtail.search.backends.database.sqlite.query import Lexeme, SearchQueryExpression
    from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler
    from wagtail.search.query import MatchAll, Not

    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry
    from modelsearch.utils import get_descendants_content_types_pks

    class PrefixQueryCompiler(ForgivingMixin, SQLiteSearchQueryCompiler):
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
                .annotate(score=self.rank())
                # bm25 is lower for a better match; ties newest first, as Wagtail orders them.
                .order_by(*self.rank_order(), "score", "-page_id")
                .values_list("index_entry__object_id", flat=True)[start:stop]
            ]
            order = Case(*(When(pk=pk, then=i) for i, pk in enumerate(chosen)), output_field=IntegerField())
            return self.queryset.filter(pk__in=chosen).order_by(order) if chosen else self.queryset.none()

        def rank(self):
            """bm25 with the title weighing ten times the rest, as PostgreSQL weighs a
            title (weight A, 1.0) against body text (D, 0.1): both databases then put the
            page whose title holds the words first. Wagtail's own bm25 weighs every column
            alike. The columns are (autocomplete, body, title)."""
            if not is_analysed(self.queryset.model):
                return self._build_rank_expression(self.get_search_vectors(), None)
            table = SQLiteFTSIndexEntry._meta.db_table
            return RawSQL(f"bm25({table}, 0.0, 1.0, 10.0)", [], output_field=FloatField())  # noqa: S611 - a model's table name

        def rank_order(self):
            """Pages whose title holds a word of the query first (the title's own bm25 is
            below zero only then), shorter titles before longer: PostgreSQL orders alike
            (LanguageQueryCompiler._build_rank_expression)."""
            if not is_analysed(self.queryset.model):
                return []
            table = SQLiteFTSIndexEntry._meta.db_table
            title_miss = RawSQL(  # noqa: S611 - a model's table name
                f"CASE WHEN bm25({table}, 0.0, 0.0, 1.0) < 0 THEN 0 ELSE 1 END",
                [],
                output_field=IntegerField(),
            )
            title_length = RawSQL(f"min(length({table}.title), 9999)", [], output_field=IntegerField())  # noqa: S611
            return [title_miss.asc(), title_length.asc()]

        def build_search_query_content(self, query, config=None):
            if isinstance(query, Term):
                return SearchQueryExpression(
                    Lexeme(query.query_string.replace('"', '""'), prefix=True), config=config
                )
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


@cache
def _vocabulary_index():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex

    class VocabularySQLiteIndex(VocabularyMixin, SQLiteIndex):
        pass

    return VocabularySQLiteIndex


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = database_backend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        backend.query_compiler_class = _prefix_query_compiler()
        backend.index_class = _vocabulary_index()
    return backend
