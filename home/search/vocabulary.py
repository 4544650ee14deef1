"""The index's vocabulary, per language: what forgives a typing error and what a search
that finds nothing suggests.

Both databases use it alike, so a misspelt word finds the same pages on SQLite and on
PostgreSQL: a word of the query whose term the index does not hold (not even as the
start of a longer term) is searched as its closest words in the vocabulary, by
Damerau-Levenshtein distance (rapidfuzz; a swapped pair of letters counts as one error).
Words the index holds are searched as typed, so exact and stemmed matches come first.
"""

from bisect import bisect_left
from dataclasses import dataclass

from wagtail.search.query import And, Boost, Fuzzy, MatchAll, Not, Or, Phrase, PlainText

from rapidfuzz import process
from rapidfuzz.distance import OSA

from home import analysis
from home.caching.state import memo

from .models import SearchWord

# Words shorter than this are searched as typed: at three letters every word is one
# letter from dozens of others.
MIN_FORGIVEN_LENGTH = 4
MAX_WORD_LENGTH = SearchWord._meta.get_field("word").max_length


def shorter_forms(word: str, language: str) -> list[str]:
    """For a language without a stemmer (Tigrinya, Somali, Ukrainian), the word without
    its last one or two letters: a different ending then still finds the word. An Ethiopic
    letter is a whole syllable, so Tigrinya keeps three of them, the others four letters."""
    if language in analysis.STEMMERS:
        return []
    keep = 3 if language == "ti" else 4
    return [word[:-cut] for cut in (1, 2) if len(word) - cut >= keep]


def allowed_errors(word: str) -> int:
    """Errors forgiven without asking: one in a short word, two from six letters."""
    return 1 if len(word) < 6 else 2


def suggestion_errors(word: str) -> int:
    """A suggestion may reach further: it is offered, not applied."""
    return allowed_errors(word) + 1


class Term(PlainText):
    """One term of the index, already analysed: matched as the start of an indexed term
    (the query compilers in home.search.backend)."""

    def __init__(self, term: str):
        super().__init__(term, operator="and")


@dataclass(frozen=True)
class Vocabulary:
    words: tuple[str, ...]  # folded spellings, for the distance
    terms: tuple[str, ...]  # sorted, for "does a term start with this?"
    term_of: dict

    def holds(self, term: str) -> bool:
        i = bisect_left(self.terms, term)
        return i < len(self.terms) and self.terms[i].startswith(term)

    def held_start(self, word: str, language: str) -> str | None:
        """The word without its ending (shorter_forms) that the index holds, if any."""
        return next((form for form in shorter_forms(word, language) if self.holds(form)), None)

    def closest(self, word: str, errors: int, limit: int = 3) -> list[str]:
        if len(word) < MIN_FORGIVEN_LENGTH or not self.words:
            return []
        found = process.extract(word, self.words, scorer=OSA.distance, score_cutoff=errors, limit=limit * 4)
        # Nearest first; among equals the one closest in length, then alphabetical, so
        # every app server and both databases pick the same words.
        ranked = sorted(found, key=lambda hit: (hit[1], abs(len(hit[0]) - len(word)), hit[0]))
        return [hit[0] for hit in ranked[:limit]]


def vocabulary(language: str) -> Vocabulary:
    """The language's vocabulary, read once per app server and content version."""
    language = analysis.language_of(language)

    def build():
        rows = sorted(SearchWord.objects.filter(language=language).values_list("word", "term"))
        return Vocabulary(
            words=tuple(word for word, _term in rows),
            terms=tuple(sorted({term for _word, term in rows})),
            term_of=dict(rows),
        )

    return memo(f"search-vocabulary:{language}", build)


def record(found) -> None:
    """Learn the (language, word, term) triples an index run collected."""
    rows = [
        SearchWord(language=language, word=word, term=term)
        for language, word, term in found
        if language and 0 < len(word) <= MAX_WORD_LENGTH and len(term) <= MAX_WORD_LENGTH
    ]
    if rows:
        SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)


def forget_all() -> None:
    SearchWord.objects.all().delete()


def forgive(query, language: str):
    """The query with each of its words read as the index reads text, and each word the
    index does not hold replaced by its closest words."""
    if isinstance(query, Term):
        return query
    if isinstance(query, (PlainText, Fuzzy)):
        return _forgive_words(query.query_string, getattr(query, "operator", "and"), language)
    if isinstance(query, Phrase):
        return Phrase(analysis.terms(query.query_string, language))
    if isinstance(query, (And, Or)):
        return type(query)([forgive(subquery, language) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(forgive(query.subquery, language))
    if isinstance(query, Boost):
        return Boost(forgive(query.subquery, language), query.boost)
    return query


def _forgive_words(text: str, operator: str, language: str):
    language = analysis.language_of(language)
    found = analysis.words(text, language)
    if not found:  # only punctuation: nothing matches (both compilers know this form)
        return Not(MatchAll())
    known = vocabulary(language)
    parts = []
    for word, term in found:
        if known.holds(term):
            parts.append(Term(term))
            continue
        near = [known.term_of[other] for other in known.closest(word, allowed_errors(word))]
        start = known.held_start(word, language)
        alternatives = list(dict.fromkeys([*near, *([start] if start else [])]))
        parts.append(Or([Term(other) for other in alternatives]) if alternatives else Term(term))
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator.lower() == "and" else Or(parts)


def suggestions(text: str, language: str) -> list[str]:
    """Queries to offer instead, best first: every unknown word replaced by its closest
    word the index holds, then the known words alone. Empty when every word is known.

    The caller offers the first that finds something the reader may see: a word may come
    from a page they cannot.
    """
    language = analysis.language_of(language)
    known = vocabulary(language)
    corrected, kept, changed = [], [], False
    for word, term in analysis.words(text, language):
        if known.holds(term):
            corrected.append(word)
            kept.append(word)
            continue
        changed = True
        near = known.closest(word, suggestion_errors(word), limit=1)
        if near:
            corrected.append(near[0])
        elif start := known.held_start(word, language):
            corrected.append(start)
    if not changed:
        return []
    return [" ".join(words) for words in dict.fromkeys((tuple(corrected), tuple(kept))) if words]
