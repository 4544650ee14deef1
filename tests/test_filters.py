"""Filtered listings: shareable GET addresses, counts per option, the same cost whatever
is chosen, and no error for anything a visitor or robot puts in the address."""

import io
import itertools
import re

from django.core.management import call_command

import pytest

from programme.models import CaseStudyPage, MunicipalityPage
from tests.conftest import shared_content
from tests.measure import count_queries

pytestmark = pytest.mark.django_db

CASES = "/nl/gemeenten/praktijkvoorbeelden/"
LISTINGS = {
    CASES: ["succesfactor", "activiteit", "provincie", "jaar"],
    "/nl/gemeenten/": ["provincie", "status", "activiteit", "succesfactor"],
    "/nl/handreikingen/": ["voor", "fase", "succesfactor"],
    "/en/gemeenten/praktijkvoorbeelden/": ["succesfactor", "activiteit", "provincie", "jaar"],
}


def grow():
    sizes = {"municipalities": 24, "case_studies": 60, "guides": 12, "stories": 2}
    call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **sizes)


def options(client, path) -> dict[str, list[tuple[str, int]]]:
    """The options of each filter on the page, with their counts."""
    html = client.get(path).content.decode()
    found = {}
    for name, body in re.findall(r'<select id="filter-[^"]+" name="([^"]+)">(.*?)</select>', html, re.S):
        found[name] = [
            (value, int(count))
            for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', body)
        ]
    return found


def result_count(client, path) -> int:
    html = client.get(path).content.decode()
    return int(re.search(r'<p role="status">(\d+)', html).group(1))


grown = shared_content(grow)


@pytest.mark.usefixtures("grown")
class TestGrownListings:
    """Filters on listings grown to a few dozen pages of each kind."""

    def test_every_combination_of_case_study_filters_costs_the_same(self, client):
        choices = options(client, CASES)
        assert set(choices) == {"succesfactor", "activiteit", "provincie", "jaar", "erkenning"}
        # A filter none of the items has a value for (no recognition in the demo) is left out.
        one_value = {
            name: value
            for name, found in choices.items()
            if (value := next((value for value, count in found if count), None))
        }
        baseline = count_queries(client, CASES)
        seen = {}
        for size in range(len(one_value) + 1):
            for names in itertools.combinations(one_value, size):
                query = "&".join(f"{name}={one_value[name]}" for name in names)
                for page in ("", "&pagina=2"):
                    path = f"{CASES}?{query}{page}"
                    seen[path] = count_queries(client, path)
        # And every single option of every filter.
        for name, found in choices.items():
            for value, _count in found:
                seen[f"{CASES}?{name}={value}"] = count_queries(client, f"{CASES}?{name}={value}")
        assert len(seen) > 40
        for path, queries in seen.items():
            # An empty result skips fetching the (empty) page: one query fewer, never more.
            expected = baseline if result_count(client, path) else baseline - 1
            assert queries == expected, (path, queries, baseline)

    def test_option_counts_match_the_results_they_lead_to(self, client):
        for name, found in options(client, CASES).items():
            for value, count in found[:4]:
                assert result_count(client, f"{CASES}?{name}={value}") == count, (name, value)
        statuses = dict(options(client, "/nl/gemeenten/")["status"])
        assert (
            sum(statuses.values())
            == MunicipalityPage.objects.live().filter(locale__language_code="nl").count()
        )

    def test_counts_are_faceted_by_the_other_filters(self, client):
        factor = options(client, CASES)["succesfactor"][0][0]
        years = options(client, f"{CASES}?succesfactor={factor}")["jaar"]
        for year, count in years[:3]:
            expected = (
                CaseStudyPage.objects.live()
                .filter(locale__language_code="nl", date__year=year, success_factors__slug=factor)
                .distinct()
                .count()
            )
            assert count == expected, (year, count, expected)

    def test_an_active_filter_is_shown_and_removed_alone(self, client):
        html = client.get(
            f"{CASES}?jaar={options(client, CASES)['jaar'][0][0]}&provincie=GE&pagina=2"
        ).content.decode()
        removals = re.findall(r'<ul class="active-filters"[^>]*>(.*?)</ul>', html, re.S)[0]
        links = re.findall(r'href="([^"]+)"', removals)
        assert len(links) == 2
        assert any("provincie=GE" in link and "jaar" not in link and "pagina" not in link for link in links)


def test_the_address_names_stay_stable(client):
    html = client.get(CASES).content.decode()
    for name in LISTINGS[CASES]:
        assert f'name="{name}"' in html


HOSTILE = [
    "'",
    '"><script>',
    "1;DROP TABLE",
    "ÿ" * 300,
    "-1",
    "0",
    "99999999999999999999",
    "GE,UT",
    "%",
    "🙂",
]


@pytest.mark.parametrize("path", LISTINGS)
def test_malformed_parameters_never_break_a_listing(client, path):
    for name in [*LISTINGS[path], "pagina", "onbekend"]:
        for value in HOSTILE:
            response = client.get(path, {name: value})
            assert response.status_code == 200, (path, name, value, response.status_code)
        response = client.get(f"{path}?{name}=1&{name}=2")
        assert response.status_code == 200
    notice = client.get(path, {"onbekend": "x"}).content.decode()
    assert 'class="notice"' in notice
    assert 'class="notice"' in client.get(path, {LISTINGS[path][0]: "bestaat-niet"}).content.decode()
    assert 'class="notice"' not in client.get(path).content.decode()


@pytest.mark.parametrize(
    ("path", "value", "code"),
    [("/nl/handreikingen/", "werven", "recruit"), ("/en/handreikingen/", "recruit", "recruit")],
)
def test_filter_values_are_in_the_listings_language_and_codes_still_work(client, path, value, code):
    localized = client.get(path, {"fase": value}).content.decode()
    assert f'<option value="{value}" selected>' in localized
    assert "unknown and were left out" not in localized and "onbekend" not in localized
    old = client.get(path, {"fase": code}).content.decode()
    # The code an address carried before filters the same guides.
    cards = lambda html: html.split('class="cards"')[1].split("</ul>")[0]  # noqa: E731
    assert cards(old) == cards(localized)


def test_municipality_status_filters_by_its_dutch_name(client):
    html = client.get("/nl/gemeenten/", {"status": "doet-mee"}).content.decode()
    assert '<option value="doet-mee" selected>' in html
