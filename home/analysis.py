"""How search reads text, the same for what is indexed and for what a reader types.

Each word is folded (case, accents, the spelling variants of each script), then stemmed
with the Snowball stemmer of its language where one exists. The index stores the
resulting terms, and a query is read the same way, so `gemeenten` meets `gemeente`,
`تطوع` meets `التطوع` and a Persian query typed on an Arabic keyboard meets the Persian
text. Both databases index these terms as plain words (PostgreSQL's `simple`
configuration, SQLite's FTS5), which is why they find the same pages.

Text work only (the locales are read from the shared memo); the search backend and the
page models use it.
"""

import re
import threading
import unicodedata
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from wagtail.search import index

import pyphen
import snowballstemmer

from home.caching.state import locale_by_id

# Snowball's algorithms per language code. Dutch uses the Porter-style algorithm
# PostgreSQL's `dutch` has: the newer one strips `ge-` inside words ("begeleiding" becomes
# "beleid", policy). Tigrinya, Somali and Ukrainian have no Snowball stemmer: their words
# match by prefix, and a misspelt ending is forgiven through the vocabulary (home.search).
STEMMERS = {"nl": "dutch_porter", "en": "english", "ar": "arabic", "fa": "persian", "tr": "turkish"}

# Arabic-script letters read alike: alef with hamza or madda is decomposed below; these
# have no decomposition. Tatweel (a stretching stroke) and the zero-width non-joiner
# (inside Persian words) are dropped, so a word is one word however it was typed.
_SCRIPT_FOLD = str.maketrans(
    {
        "\u0640": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner
        "\u200d": None,  # zero-width joiner
        "\u0671": "\u0627",  # alef wasla
        "\u0629": "\u0647",  # teh marbuta -> heh
        "\u0491": "\u0433",  # Ukrainian ghe with upturn -> ghe
    }
)
# Yeh and kaf: Arabic and Persian keyboards give different letters for the same sound.
# Persian text is folded to its own letters (its stemmer knows those), others to Arabic.
_PERSIAN_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"})
_ARABIC_LETTERS = str.maketrans({"\u06cc": "\u064a", "\u0649": "\u064a", "\u06a9": "\u0643"})
# The Arabic article and the prepositions written onto it ("and the", "with the", ...),
# longest first. Stripped only from Arabic text: Persian words may begin with these letters.
_ARABIC_ARTICLES = ("وال", "بال", "كال", "فال", "لل", "ال")
_WORD = re.compile(r"[^\W_]+")
_local = threading.local()


def language_of(code: str | None) -> str:
    return (code or "").split("-")[0].lower()


# Turkish is stemmed with its dotted and umlauted letters (Snowball's Turkish needs them),
# and its accents dropped after. A query typed without them is stemmed less well
# (`gonulluler` is not cut to `gonullu`) and finds the word through the vocabulary.
STEMMED_WITH_ACCENTS = {"tr"}


def _drop_marks(text: str) -> str:
    # Decomposed, so that é, ë, أ, إ and آ become their letter plus a mark, then marks
    # (accents, Arabic vowel signs) dropped. Compatibility forms (ligatures, ², full-width
    # letters) become their plain letters and digits.
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(text: str, language: str) -> str:
    """Case, accents and script variants folded; the result is what gets split into words."""
    text = text.casefold().translate(_SCRIPT_FOLD)
    text = unicodedata.normalize("NFKC", text) if language in STEMMED_WITH_ACCENTS else _drop_marks(text)
    # Arabic-Indic and other digits as ASCII digits.
    text = "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() and not ch.isascii() else ch for ch in text)
    return text.translate(_PERSIAN_LETTERS if language == "fa" else _ARABIC_LETTERS)


def _stemmer(language: str):
    # A Snowball stemmer keeps state while it works: one per thread.
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {}
    if language not in stemmers:
        algorithm = STEMMERS.get(language)
        stemmers[language] = snowballstemmer.stemmer(algorithm) if algorithm else None
    return stemmers[language]


@lru_cache(maxsize=200_000)
def _word_and_term(word: str, language: str) -> tuple[str, str]:
    if language == "ar":
        for article in _ARABIC_ARTICLES:
            if word.startswith(article) and len(word) - len(article) >= 2:
                word = word[len(article) :]
                break
    stemmer = _stemmer(language)
    term = (stemmer.stemWord(word) if stemmer else word) or word
    if language in STEMMED_WITH_ACCENTS:
        return _drop_marks(word), _drop_marks(term)
    return word, term


# Dutch writes compounds as one word: "buurttuinen" holds "tuin", "statushouders" holds
# "houders". The index also holds the tail of a long word from each of its hyphenation
# points (pyphen's Dutch dictionary, which WeasyPrint already brings), so `tuin` finds the
# page about a buurttuin. Tails are indexed, never learnt as words to suggest.
COMPOUND_LANGUAGES = {"nl": "nl_NL"}
MIN_COMPOUND_LENGTH = 8
MIN_TAIL_LENGTH = 4


@lru_cache(maxsize=8)
def _hyphenation(language: str) -> pyphen.Pyphen:
    return pyphen.Pyphen(lang=COMPOUND_LANGUAGES[language])


@lru_cache(maxsize=200_000)
def _tail_terms(word: str, language: str) -> tuple[str, ...]:
    if language not in COMPOUND_LANGUAGES or len(word) < MIN_COMPOUND_LENGTH or not word.isalpha():
        return ()
    tails = [word[at:] for at in _hyphenation(language).positions(word) if len(word) - at >= MIN_TAIL_LENGTH]
    return tuple(dict.fromkeys(_word_and_term(tail, language)[1] for tail in tails))


def words(text: str, language: str | None) -> list[tuple[str, str]]:
    """Each word of `text` as (its folded spelling, its search term)."""
    language = language_of(language)
    return [_word_and_term(word, language) for word in _WORD.findall(fold(text, language))]


def terms(text: str, language: str | None) -> str:
    """The text as the index stores it: its terms, separated by spaces."""
    return " ".join(term for _word, term in words(text, language))


# While a search index writes objects, the words it saw are collected here, so that the
# vocabulary (home.search) learns them without reading the pages a second time.
# Modelsearch's PostgreSQL indexer reads each field five times (title, body, autocomplete
# and their plain texts): within one index run each object's field is analysed once.
_collected: ContextVar[tuple[set, dict] | None] = ContextVar("collected_words", default=None)


@contextmanager
def collecting():
    found: set[tuple[str, str, str]] = set()
    token = _collected.set((found, {}))
    try:
        yield found
    finally:
        _collected.reset(token)


class AnalysedSearchField(index.SearchField):
    """A search field whose value is indexed as the terms of the object's language."""

    def get_value(self, obj):
        run = _collected.get()
        key = (id(obj), self.field_name)
        if run is not None and key in run[1]:
            return run[1][key]
        indexed = self._analyse(obj, run[0] if run is not None else None)
        if run is not None:
            run[1][key] = indexed
        return indexed

    def _analyse(self, obj, collected):
        value = super().get_value(obj)
        if value is None:
            return None
        if isinstance(value, (list, tuple)):  # a StreamField's searchable content
            value = " ".join(str(part) for part in value)
        language = object_language(obj)
        found = words(str(value), language)
        if collected is not None and getattr(obj, "live", True):
            collected.update((language, word, term) for word, term in found)
        indexed = []
        for word, term in found:
            indexed.append(term)
            indexed.extend(_tail_terms(word, language))
        return " ".join(indexed)


def object_language(obj) -> str:
    """The language of a translatable object, without a query per object while indexing."""
    locale_id = getattr(obj, "locale_id", None)
    if locale_id is None:
        return ""
    locale = locale_by_id(locale_id) or obj.locale
    return language_of(locale.language_code)


def analysed(fields) -> list:
    """`fields` with each search field analysed (filters and autocompletion as they are)."""
    result = []
    for field in fields:
        if type(field) is index.SearchField:
            field = AnalysedSearchField(field.field_name, boost=field.boost, **field.kwargs)
        result.append(field)
    return result
