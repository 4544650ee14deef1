"""An Atom (RFC 4287) document checker for the tests: the MUST rules of sections 4.1 to
4.2 that a feed of stories can break, on the parsed XML. Returns the problems found."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

ATOM = "{http://www.w3.org/2005/Atom}"
# RFC 3339 date-time, as section 3.3 requires (an upper-case T and Z, seconds required).
DATE_TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
TEXT_TYPES = {None, "text", "html", "xhtml"}


def _is_iri(value: str | None) -> bool:
    return bool(value) and bool(urlsplit(value).scheme)


def _check_text(element, where: str, problems: list) -> None:
    if element.get("type") not in TEXT_TYPES:
        problems.append(f"{where}: text type {element.get('type')!r}")


def _check_person(person, where: str, problems: list) -> None:
    names = person.findall(f"{ATOM}name")
    if len(names) != 1 or not (names[0].text or "").strip():
        problems.append(f"{where}: a person needs exactly one non-empty atom:name")
    for uri in person.findall(f"{ATOM}uri"):
        if not _is_iri(uri.text):
            problems.append(f"{where}: atom:uri is not an IRI")


def _check_common(element, where: str, problems: list, *, required: tuple) -> None:
    for name in ("id", "title", "updated"):
        found = element.findall(f"{ATOM}{name}")
        if name in required and len(found) != 1:
            problems.append(f"{where}: needs exactly one atom:{name}, has {len(found)}")
    for found in element.findall(f"{ATOM}id"):
        if not _is_iri((found.text or "").strip()):
            problems.append(f"{where}: atom:id {found.text!r} is not an absolute IRI")
    for name in ("updated", "published"):
        for found in element.findall(f"{ATOM}{name}"):
            if not DATE_TIME.match((found.text or "").strip()):
                problems.append(f"{where}: atom:{name} {found.text!r} is not an RFC 3339 date-time")
    for name in ("title", "subtitle", "summary", "rights"):
        for found in element.findall(f"{ATOM}{name}"):
            _check_text(found, f"{where} atom:{name}", problems)
    for link in element.findall(f"{ATOM}link"):
        if not link.get("href"):
            problems.append(f"{where}: atom:link without href")
    alternates = {
        (link.get("type"), link.get("hreflang"))
        for link in element.findall(f"{ATOM}link")
        if link.get("rel", "alternate") == "alternate"
    }
    alternate_count = sum(
        1 for link in element.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"
    )
    if alternate_count != len(alternates):
        problems.append(f"{where}: two alternate links with the same type and hreflang")
    for person in (*element.findall(f"{ATOM}author"), *element.findall(f"{ATOM}contributor")):
        _check_person(person, where, problems)


def problems(document: bytes) -> list[str]:
    found: list[str] = []
    try:
        feed = ET.fromstring(document)  # noqa: S314 - the site's own feed, in a test
    except ET.ParseError as error:
        return [f"not well-formed XML: {error}"]
    if feed.tag != f"{ATOM}feed":
        return [f"the root is {feed.tag}, not atom:feed"]
    _check_common(feed, "feed", found, required=("id", "title", "updated"))
    entries = feed.findall(f"{ATOM}entry")
    feed_has_author = bool(feed.findall(f"{ATOM}author"))
    for i, entry in enumerate(entries, 1):
        where = f"entry {i}"
        _check_common(entry, where, found, required=("id", "title", "updated"))
        if not feed_has_author and not entry.findall(f"{ATOM}author"):
            found.append(f"{where}: no atom:author, and the feed has none (4.1.1, 4.1.2)")
        content = entry.findall(f"{ATOM}content")
        alternate = [
            link for link in entry.findall(f"{ATOM}link") if link.get("rel", "alternate") == "alternate"
        ]
        if not content and not alternate:
            found.append(f"{where}: neither atom:content nor an alternate link (4.1.2)")
        if content and content[0].get("src") and not entry.findall(f"{ATOM}summary"):
            found.append(f"{where}: out-of-line content without atom:summary (4.1.2)")
        if len(entry.findall(f"{ATOM}summary")) > 1:
            found.append(f"{where}: more than one atom:summary")
    ids = [entry.findtext(f"{ATOM}id") for entry in entries]
    if len(ids) != len(set(ids)):
        found.append("two entries share an atom:id")
    return found
