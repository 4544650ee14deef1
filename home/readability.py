"""How hard a Dutch or English text is to read, against the B1 level the site writes at.

Two measures that plain-language guides for Dutch (and English) government writing use,
computed without a dictionary, so they run on every save:

- average sentence length in words (B1: about 15 at most; a sentence over 20 is hard);
- the share of long words, of four syllables or more (B1: about one word in ten at most).
  Syllables are groups of vowels, with the Dutch "ij" as a vowel.

The hardest sentences (long, or with several long words) are named so an editor knows
what to rewrite. This is a hint, never a block: proper names and technical terms are
sometimes needed.
"""

import html
import re
from dataclasses import dataclass, field

MAX_AVERAGE_WORDS = 15
LONG_SENTENCE_WORDS = 20
MAX_LONG_WORD_SHARE = 0.10
LONG_WORD_SYLLABLES = 4
LANGUAGES = ("nl", "en")
MIN_WORDS = 20  # below this, figures say little

_TAG = re.compile(r"<[^>]+>")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_VOWEL_GROUP = re.compile(r"(?:ij|[aeiouyàáâäèéêëìíîïòóôöùúûü])+", re.IGNORECASE)


def syllables(word: str) -> int:
    # A Dutch final -e is a syllable ("mede"); an English silent -e overcounts a little.
    return max(len(_VOWEL_GROUP.findall(word)), 1)


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


def assess(text: str) -> Readability:
    result = Readability()
    scored = []
    for raw in _SENTENCE_END.split(plain_text(text)):
        sentence = " ".join(raw.split()).strip(" .")
        words = _WORD.findall(sentence)
        if not words:
            continue
        long_words = sum(1 for word in words if syllables(word) >= LONG_WORD_SYLLABLES)
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
        if not getattr(model_field, "concrete", False) or model_field.name in (
            "title",
            "draft_title",
            "slug",
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


def record(page) -> Readability | None:
    """Measure a Dutch or English page and keep the figures for the admin's page listing.

    Publishing from the editor records twice (the `page_published` signal, then the
    editor's hook): a measure taken since the page's latest revision is reused."""
    from .models import PageReadability

    if not measured(page):
        return None
    if page.latest_revision_created_at is not None:
        kept = PageReadability.objects.filter(
            page_id=page.pk, assessed_at__gte=page.latest_revision_created_at
        ).first()
        if kept is not None:
            return kept.result()
    result = assess(page_text(page))
    PageReadability.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "sentences": result.sentences,
            "words": result.words,
            "long_words": result.long_words,
            "hardest": result.hardest,
        },
    )
    return result


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


def _published(instance, **kwargs) -> None:
    record(instance)


def connect() -> None:
    """Pages published without the editor (the demo loader, scheduled publishing,
    wagtail-localize's translations) are measured as well."""
    from wagtail.signals import page_published

    page_published.connect(_published, dispatch_uid="aandeslag-readability")
