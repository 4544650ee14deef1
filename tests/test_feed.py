"""The stories' Atom feed in every language, checked against RFC 4287 (tests/atom.py)."""

import pytest

from .atom import problems

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["nl", "en"])
def test_the_story_feed_is_valid_atom(client, code):
    response = client.get(f"/{code}/verhalen/feed/")
    assert response.status_code == 200
    assert problems(response.content) == []
    assert b"<entry>" in response.content


def test_the_checker_finds_what_the_feed_once_lacked():
    feed = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><id>https://x.nl/</id>'
        b"<updated>2026-11-01T09:00:00+01:00</updated>"
        b'<entry><title>E</title><id>https://x.nl/e/</id><link href="https://x.nl/e/"/>'
        b"<published>2026-11-01T09:00:00+01:00</published></entry></feed>"
    )
    found = problems(feed)
    assert any("atom:updated" in problem for problem in found)
    assert any("atom:author" in problem for problem in found)
