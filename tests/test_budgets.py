"""Budgets that keep pages fast as content grows: queries per page, and page weight."""

import datetime
import gzip
from pathlib import Path

from wagtail.models import Page

import pytest

from programme.models import ActivityType, StoryPage
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
    assert b"<script" not in html
    weight = len(gzip.compress(html)) + len(gzip.compress(css))
    assert weight < HOME_BUDGET, weight
