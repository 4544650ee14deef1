"""How hard a Dutch or English text is to read, against the B1 level the site writes at.

Two measures that plain-language guides for Dutch (and English) government writing use,
computed without a dictionary, so they run on every save:

- average sentence length in words (B1: about 15 at most; a sentence over 20 is hard);
- the share of long words, of four syllables or more (B1: about one word in ten at most).
  Syllables are counted from pyphen's hyphenation dictionaries for Dutch and English
  (the ones WeasyPrint hyphenates the PDFs with): every hyphenation point is a break
  between syllables.

The hardest sentences (long, or with several long words) are named so an editor knows
what to rewrite. This is a hint, never a block: proper names and technical terms are
sometimes needed.
"""

import html
import re
from dataclasses import dataclass, field
from functools import cache

import pyphen

MAX_AVERAGE_WORDS = 15
LONG_SENTENCE_WORDS = 20
MAX_LONG_WORD_SHARE = 0.10
LONG_WORD_SYLLABLES = 4
LANGUAGES = ("nl", "en")
MIN_WORDS = 20  # below this, figures say little

_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@cache
def _dictionary(language: str) -> pyphen.Pyphen:
    # Breaks one letter from either end too ("o-ver"): a syllable count, not typesetting.
    return pyphen.Pyphen(lang=language, left=1, right=1)


def syllables(word: str, language: str = "nl") -> int:
    return len(_dictionary(language).positions(word.lower())) + 1


def plain_text(value: str) -> str:
    """Text without HTML tags, entities decoded, block ends as sentence ends."""
    value = re.sub(r"</(p|li|h[1-6]|blockquote)>|<br\s*/?>", ".\n", value, flags=re.IGNORECASE)
    return html.unescape(_TAG.sub(" ", value))


@dataclass
class Readability:
    sentences: int = 0
    words: int = 0
    long_words: int = 0
    hardest: list[str] = field(default_factory=list)

    @property
    def average_words(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def long_word_share(self) -> float:
        return self.long_words / self.words if self.words else 0.0

    @property
    def too_hard(self) -> bool:
        return self.words >= MIN_WORDS and (
            self.average_words > MAX_AVERAGE_WORDS or self.long_word_share > MAX_LONG_WORD_SHARE
        )


def assess(text: str, language: str = "nl") -> Readability:
    result = Readability()
    scored = []
    for raw in _SENTENCE_END.split(plain_text(text)):
        sentence = " ".join(raw.split()).strip(" .")
        words = _WORD.findall(sentence)
        if not words:
            continue
        long_words = sum(1 for word in words if syllables(word, language) >= LONG_WORD_SYLLABLES)
        result.sentences += 1
        result.words += len(words)
        result.long_words += long_words
        if len(words) > LONG_SENTENCE_WORDS or long_words >= 3:
            scored.append((len(words) + 3 * long_words, sentence))
    result.hardest = [sentence for _score, sentence in sorted(scored, reverse=True)[:3]]
    return result


def page_text(page) -> str:
    """The text a reader reads on a page: its title-less text fields, rich text and the
    strings inside its StreamFields."""
    return text_of(type(page), lambda model_field: getattr(page, model_field.attname, None))


def form_text(form) -> str:
    """The same text from a page's edit form as the editor has it now, unsaved: fields
    that do not validate yet are left out, the rest still measured."""
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    return text_of(form._meta.model, lambda model_field: data.get(model_field.name))


def text_of(model, value_of) -> str:
    from django.db import models

    from wagtail.fields import RichTextField, StreamField

    parts = []
    for model_field in model._meta.get_fields():
        # Only what an editor writes: a page's url_path (a TextField Wagtail keeps) counted
        # as a sentence after saving and not while typing, so the figures disagreed.
        if (
            not getattr(model_field, "concrete", False)
            or not model_field.editable
            or model_field.name
            in (
                "title",
                "draft_title",
                "slug",
            )
        ):
            continue
        if not isinstance(model_field, (StreamField, RichTextField, models.TextField)):
            continue
        value = value_of(model_field)
        if isinstance(model_field, StreamField):
            parts.extend(_strings(value.get_prep_value() if value is not None else []))
        elif isinstance(value, str):
            parts.append(value)
    return "\n".join(parts)


def measured(page) -> bool:
    return page.locale.language_code in LANGUAGES


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data] if " " in data.strip() else []  # prose, not a key or an address
    if isinstance(data, dict):
        return [
            text for key, item in data.items() if key not in ("id", "type", "url") for text in _strings(item)
        ]
    if isinstance(data, list):
        return [text for item in data for text in _strings(item)]
    return []
