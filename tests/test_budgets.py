"""Budgets that keep pages fast as content grows: queries per page, and page weight."""

import datetime
import gzip
import io
import re
from decimal import Decimal
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest

from programme.models import ActivityType, MunicipalityPage, StoryPage
from tests.bench import DEFAULT_KB, DEFAULT_QUERY_BUDGET, QUERY_BUDGET, TARGET_KB
from tests.bench import PAGES as BENCH_PAGES
from tests.measure import count_queries

pytestmark = pytest.mark.django_db


def test_municipality_page_costs_no_query_per_activity(client, demo_page):
    nijmegen = demo_page("gemeenten/nijmegen")
    nijmegen.activities.set([])
    nijmegen.save_revision().publish()
    count_queries(client, nijmegen.url)
    before = count_queries(client, nijmegen.url)
    nijmegen.activities.set(ActivityType.objects.filter(locale=nijmegen.locale))
    nijmegen.save_revision().publish()
    after = count_queries(client, nijmegen.url)
    assert nijmegen.activities.count() >= 4
    assert after == before, (before, after)


@pytest.mark.parametrize("code", ["nl", "en"])
def test_home_page_costs_no_query_per_story_card(client, code):
    stories = Page.objects.get(locale__language_code=code, slug="verhalen")
    for story in StoryPage.objects.child_of(stories):
        story.unpublish()
    home = f"/{code}/"
    count_queries(client, home)
    before = count_queries(client, home)
    for n in range(3):
        story = StoryPage(
            title=f"Verhaal {n}",
            slug=f"verhaal-budget-{n}",
            date=datetime.date(2024, 1, n + 1),
            intro="Kort.",
        )
        stories.add_child(instance=story)
        story.save_revision().publish()
    after = count_queries(client, home)
    assert client.get(home).content.decode().count("verhaal-budget-") >= 3
    assert after == before, (before, after)


# Compressed bytes of HTML and CSS. About 3 KB of HTML and 4 KB of CSS today; the budget
# leaves room to grow but catches a page that doubles.
HOME_BUDGET = 12 * 1024


@pytest.mark.parametrize("path", ["/nl/", "/ti/", "/ar/"])
def test_home_page_stays_within_its_weight_budget(client, path):
    html = client.get(path).content
    css = b"".join(Path(f"static/css/{name}").read_bytes() for name in ("site.css", "print.css"))
    assert b"<script" not in html.replace(b'<script type="application/ld+json">', b"")
    weight = len(gzip.compress(html)) + len(gzip.compress(css))
    assert weight < HOME_BUDGET, weight


@pytest.mark.parametrize("extra", ["", "&type=programme.CaseStudyPage&fields=summary"])
def test_the_api_listing_costs_no_query_per_item(client, extra):
    # The API refuses unknown parameters and is never page-cached: counted as it is.
    def api_queries(path):
        client.get(path)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    assert api_queries(f"/api/v2/pages/?limit=2{extra}") == api_queries(f"/api/v2/pages/?limit=20{extra}")


def grow_listing(kind: str, demo_page) -> None:
    """Thirty more items in one listing: more than one page of it."""
    from tests.factories import CaseStudyPageFactory, GuidePageFactory, MunicipalityPageFactory

    factor = demo_page("succesfactoren/laagdrempelig")
    for n in range(30):
        if kind == "case studies":
            CaseStudyPageFactory(parent=demo_page("gemeenten/nijmegen"), success_factors=[factor])
        elif kind == "guides":
            GuidePageFactory(parent=demo_page("handreikingen"), success_factors=[factor])
        elif kind == "municipalities":
            MunicipalityPageFactory(parent=demo_page("gemeenten"))
        else:
            demo_page("verhalen").add_child(
                instance=StoryPage(
                    title=f"Verhaal {n}", slug=f"verhaal-{n}", date=datetime.date(2024, 1, 1), intro="K."
                )
            )


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/nl/verhalen/", "stories"),
        ("/nl/handreikingen/", "guides"),
        ("/nl/gemeenten/", "municipalities"),
        ("/nl/gemeenten/praktijkvoorbeelden/", "case studies"),
        ("/nl/gemeenten/praktijkvoorbeelden/?succesfactor=laagdrempelig", "case studies"),
    ],
)
def test_listings_are_paginated_and_every_page_costs_the_same(client, path, kind, demo_page):
    grow_listing(kind, demo_page)
    first = client.get(path).content.decode()
    assert 'rel="next"' in first
    separator = "&" if "?" in path else "?"
    second = client.get(f"{path}{separator}pagina=2").content.decode()
    assert 'rel="prev"' in second
    assert count_queries(client, path) == count_queries(client, f"{path}{separator}pagina=2")
    assert client.get(f"{path}{separator}pagina=999999999999").status_code == 200


def test_a_factor_page_lists_a_few_and_links_the_full_listing(client, demo_page):
    from tests.factories import CaseStudyPageFactory

    factor = demo_page("succesfactoren/laagdrempelig")
    for _ in range(12):
        CaseStudyPageFactory(parent=demo_page("gemeenten/nijmegen"), success_factors=[factor])
    content = client.get(factor.url).content.decode()
    listing = "/nl/gemeenten/praktijkvoorbeelden/?succesfactor=laagdrempelig"
    assert listing in content
    assert content.count('class="card"') <= 2 * 6
    assert "Praktijkvoorbeeld" in client.get(listing).content.decode()


def test_the_home_map_draws_provinces_when_municipalities_are_many(client, demo_page):
    from tests.factories import MunicipalityPageFactory

    for n in range(45):
        MunicipalityPageFactory(
            parent=demo_page("gemeenten"), latitude=Decimal(f"{52 + n / 100:.2f}"), longitude=Decimal("5.5")
        )
    content = client.get("/nl/").content.decode()
    assert "?provincie=GE" in content
    assert content.count("<circle") < 13


# --- Every page type of `make bench`, at demo size and grown -------------------------------


def weight_kb(client, path: str) -> float:
    """Compressed HTML plus the stylesheets and scripts it loads for the screen, as `make
    bench` counts."""
    html = client.get(path).content
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)">', html.decode())
    scripts = re.findall(r'<script src="([^"]+)" defer></script>', html.decode())
    assert all(src.startswith("/static/") for src in scripts), scripts  # only our own, small ones
    css = b"".join(Path(f"static/{href.split('/static/', 1)[1]}").read_bytes() for href in assets + scripts)
    # No inline script on public pages; JSON-LD is data, not a script.
    inline = html.replace(b'<script type="application/ld+json">', b"")
    assert inline.count(b"<script") == len(scripts)
    return (
        (len(gzip.compress(html)) + len(gzip.compress(css))) / 1024
        if css
        else len(gzip.compress(html)) / 1024
    )


def check_budgets(client) -> list[str]:
    failures = []
    for name, path, kind in BENCH_PAGES:
        path = path.replace("?p=2", "?p=1")
        queries = count_queries(client, path)
        if queries > QUERY_BUDGET.get(kind, DEFAULT_QUERY_BUDGET):
            failures.append(f"{name}: {queries} queries")
        weight = weight_kb(client, path)
        if weight > TARGET_KB.get(kind, DEFAULT_KB):
            failures.append(f"{name}: {weight:.1f} KB")
    return failures


def test_every_page_type_keeps_its_query_and_weight_budget_at_demo_size(client):
    assert check_budgets(client) == []


def test_every_page_type_keeps_its_query_and_weight_budget_grown(client):
    sizes = {"municipalities": 60, "case_studies": 80, "guides": 40, "stories": 40}
    call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **sizes)
    assert MunicipalityPage.objects.count() > 60
    assert check_budgets(client) == []
