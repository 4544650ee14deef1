"""Hostile input at every public address and parameter: a clear 4xx at worst, never a 5xx.

Runs on SQLite and, in CI, on PostgreSQL, whose errors differ (a value SQLite shrugs off
can make PostgreSQL refuse a whole query).
"""

import pytest

pytestmark = pytest.mark.django_db

HOSTILE = [
    "", "-", "--", '"', "*", "'", "\\", "%", "0", "-1", "1" * 40, "1e309", "NaN", "-0",
    "../../etc/passwd", "<script>alert(1)</script>", "' OR 1=1 --", "ትግርኛ", "🙂", "x" * 5000,
    "[]", "{}", "null", "true", "%2e%2e", "   ", "a b", "javascript:alert(1)", "//evil.example",
    "programme.MunicipalityPage", "wagtailcore.Page", "-title", "title,id", "*,id", "id,-id",
]  # fmt: skip

# Each public address with the parameters its view reads.
ENDPOINTS = [
    ("/nl/zoeken/", ["q", "pagina"]),
    ("/ar/zoeken/", ["q", "pagina"]),
    ("/nl/gemeenten/", ["provincie", "status"]),
    ("/nl/handreikingen/", ["fase", "voor"]),
    ("/nl/verhalen/", ["pagina"]),
    ("/nl/verhalen/feed/", ["pagina"]),
    ("/ti/nieuwkomers/wat-is-vrijwilligerswerk/poster/", ["x"]),
    ("/nl/", ["x"]),
    ("/sitemap.xml", ["p"]),
    ("/sitemap-pages.xml", ["p"]),
    ("/healthz", ["x"]),
    (
        "/api/v2/pages/",
        [
            "type",
            "fields",
            "offset",
            "limit",
            "order",
            "search",
            "search_operator",
            "locale",
            "site",
            "child_of",
            "descendant_of",
            "ancestor_of",
            "translation_of",
            "id",
            "slug",
            "title",
        ],
    ),  # fmt: skip
    ("/api/v2/pages/find/", ["html_path", "site"]),
]


@pytest.mark.parametrize(("path", "params"), ENDPOINTS, ids=[path for path, _ in ENDPOINTS])
def test_no_hostile_value_in_any_parameter_answers_5xx(client, path, params):
    failures = []
    for name in params:
        for value in HOSTILE:
            response = client.get(path, {name: value})
            if response.status_code >= 500:
                failures.append(f"{path}?{name}={value[:30]!r}: {response.status_code}")
            elif path.startswith("/api/") and response.status_code >= 400:
                # API errors answer JSON, not an HTML page.
                assert response["Content-Type"].startswith("application/json"), (path, name, value)
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    "path",
    ["/nl/%00", "/nl/..%2f..%2f", "/nl/" + "a/" * 300, "/nl/gemeenten/%ff/", "/xx/", "/nl/zoeken/zoeken/"],
)
def test_hostile_paths_answer_4xx(client, path):
    assert client.get(path).status_code < 500


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_form_posts_answer_4xx(client, value):
    for path, data in (("/consent/", {"choice": value, "next": value, "media": value}),):
        assert client.post(path, data).status_code < 500, (path, value)
    assert client.get("/taal/", {"naar": value}).status_code < 500
