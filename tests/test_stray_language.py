"""No interface text in the wrong language: a crawl of every live page and the views below
pages, in every language, finds no Dutch or English interface string outside an element
marked with its own language.

An interface string is one of the project's catalogue entries (locale/*/django.po): its
English source and its Dutch translation. Text on a page in language X that is exactly
such a string, where X's catalogue has a different translation, was not translated on
its way to the page (a string outside gettext, a choice label kept in Dutch, a template
that forgot `{% translate %}`), unless an element around it says `lang="nl"` or `lang="en"`
(a place name from Dutch data, a document's title in its own language).
"""

import re
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings

from wagtail.models import Page

import polib
import pytest

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
CODES = [code for code, _name in settings.LANGUAGES]
VIEWS = [
    "/{code}/zoeken/?q=vrijwilligers",
    "/{code}/zoeken/?q=xqzv",  # nothing found
    "/{code}/offline/",
    "/{code}/gemeenten/nijmegen/",  # not in most languages: the notice in the reader's language
    "/{code}/nieuwkomers/wat-is-vrijwilligerswerk/poster/",
]
# Attributes read aloud or shown like text.
TEXT_ATTRIBUTES = ("aria-label", "alt", "title", "placeholder")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def _catalogue(code: str) -> dict[tuple[str, str], str]:
    po = polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))
    return {
        (entry.msgctxt or "", entry.msgid): entry.msgstr
        for entry in po
        if entry.msgstr and not entry.obsolete
    }


def stray_strings() -> dict[str, dict[str, str]]:
    """Per page language: text that would be a stray interface string there, and what it is."""
    catalogues = {code: _catalogue(code) for code in CODES}
    dutch = catalogues["nl"]
    stray: dict[str, dict[str, str]] = defaultdict(dict)
    for code in CODES:
        own = catalogues[code]
        for key, nl_text in dutch.items():
            _context, english = key
            here = english if code == "en" else own.get(key)
            if here is None:
                continue  # untranslated here: the test of the catalogues reports that
            for text, origin in ((english, "English"), (nl_text, "Dutch")):
                if code == {"English": "en", "Dutch": "nl"}[origin]:
                    continue
                if _worth_checking(text) and text != here:
                    stray[code].setdefault(text, origin)
    # A string that is also the right text in this language (one word the same in two
    # entries, say) is not stray.
    for code in CODES:
        right_here = {english if code == "en" else text for (_c, english), text in catalogues[code].items()}
        if code == "en":
            right_here = {english for _c, english in catalogues["nl"]}
        for text in right_here:
            stray[code].pop(text, None)
    return stray


def _worth_checking(text: str) -> bool:
    # Placeholders are filled in, so the text never appears as it is; single letters and
    # symbols say nothing about a language.
    return (
        len(text) >= 3
        and not re.search(r"%\(|%s|%d|\{", text)
        and re.search(r"[A-Za-z]{3}", text) is not None
    )


class TextInLanguage(HTMLParser):
    """Each text node and text attribute with the language of the element it is in."""

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.stack = [page_language]
        self.found: list[tuple[str, str]] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        language = (attributes.get("lang") or self.stack[-1]).split("-")[0]
        if tag == "a" and (attributes.get("href") or "").startswith(("mailto:", "tel:")):
            language = "zxx"  # an address or a number, in no language (BCP 47's code for it)
        for name in TEXT_ATTRIBUTES:
            if attributes.get(name):
                self.found.append((language, attributes[name].strip()))
        if tag in VOID:
            return
        self.stack.append(language)
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self.skip:
            self.found.append((self.stack[-1], text))


def test_no_dutch_or_english_interface_string_outside_an_element_marked_with_its_language(client):
    stray = stray_strings()
    assert len(stray["ti"]) > 100  # the catalogues were read
    paths = [page.url for page in Page.objects.live().public().filter(depth__gte=2) if page.url]
    paths += [view.format(code=code) for view in VIEWS for code in CODES]
    found = []
    for path in paths:
        response = client.get(path)
        if response.status_code not in (200, 404) or "html" not in response.get("Content-Type", ""):
            continue
        content = response.content.decode()
        page_language = re.search(r'<html lang="([\w-]+)"', content).group(1).split("-")[0]
        parser = TextInLanguage(page_language)
        parser.feed(content)
        for language, text in parser.found:
            if language == page_language and text in stray[page_language]:
                found.append(f"{path}: {stray[page_language][text]} {text!r}")
    assert len(paths) > 100
    assert sorted(set(found)) == [], "\n".join(sorted(set(found)))


def test_the_crawl_catches_an_interface_string_left_in_dutch(client):
    """The check itself: a Dutch label on an Arabic page is found, the same label marked
    lang="nl" is not."""
    stray = stray_strings()
    label = next(text for text, origin in stray["ar"].items() if origin == "Dutch")
    parser = TextInLanguage("ar")
    parser.feed(f'<p>{label}</p><p lang="nl">{label}</p>')
    assert [(language, text) for language, text in parser.found if text in stray["ar"]] == [
        ("ar", label),
        ("nl", label),
    ]
