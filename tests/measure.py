"""Measuring pages as a server does on a page-cache miss: queries with warm process memos."""

import itertools

from django.db import connection
from django.test.utils import CaptureQueriesContext

_unique = itertools.count()


def uncached(path: str) -> str:
    """`path` with a query parameter never seen before: the page cache misses, as for the
    first reader after a publish, while per-process memos stay warm (home.caching.state)."""
    return f"{path}{'&' if '?' in path else '?'}uncached={next(_unique)}"


def count_queries(client, path: str) -> int:
    """Queries of a page-cache miss, warm: after a publish the first reader also fills
    the memos and the furniture, which the request before this one does here."""
    client.get(uncached(path))
    with CaptureQueriesContext(connection) as queries:
        response = client.get(uncached(path))
    assert response.status_code == 200, (path, response.status_code)
    return len(queries)
