"""National figures: counted from the municipality pages, shown as a chart with a table,
downloadable as CSV and JSON that agree with the pages, under a licence."""

import csv
import io
from collections import Counter

from django.core.management import call_command

from wagtail.blocks import StructBlockValidationError

import pytest

from home.blocks import KeyFigureBlock
from home.models import SiteSettings
from programme.models import MunicipalityPage, YearlyFigure
from tests.conftest import shared_content

pytestmark = pytest.mark.django_db
PAGE = "/nl/over-aan-de-slag/"


def grow():
    sizes = {"municipalities": 30, "case_studies": 2, "guides": 2, "stories": 2}
    call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **sizes)


def expected():
    """The figures recomputed here from the pages, independently of programme.figures."""
    pages = MunicipalityPage.objects.live().filter(locale__language_code="nl")
    years = Counter()
    organisations = Counter()
    for figure in YearlyFigure.objects.filter(page__in=pages):
        years[figure.year] += figure.participants
        organisations[figure.year] += figure.volunteer_organisations
    return {
        "codes": sorted(pages.values_list("cbs_code", flat=True)),
        "status": Counter(pages.values_list("status", flat=True)),
        "province": Counter(pages.values_list("province__code", flat=True)),
        "azc": sum(page.azc_locations.count() for page in pages),
        "participants": dict(years),
        "organisations": dict(organisations),
    }


grown = shared_content(grow)


@pytest.mark.usefixtures("grown")
class TestGrownFigures:
    """The figures of thirty more municipalities."""

    def test_json_agrees_with_the_pages(self, client):
        data = client.get(f"{PAGE}cijfers/json/").json()
        want = expected()
        assert [m["cbs_code"] for m in data["municipalities"]] == want["codes"]
        assert {k: v for k, v in data["totals"]["by_status"].items() if v} == dict(want["status"])
        assert {
            p["code"]: p["municipalities"] for p in data["totals"]["by_province"] if p["municipalities"]
        } == dict(want["province"])
        assert data["totals"]["azc_locations"] == want["azc"]
        assert {y["year"]: y["participants"] for y in data["totals"]["years"]} == want["participants"]
        assert {y["year"]: y["volunteer_organisations"] for y in data["totals"]["years"]} == want[
            "organisations"
        ]
        assert data["licence"] == "CC BY 4.0" and data["as_of"]

    def test_csv_agrees_with_the_pages_and_carries_date_and_licence(self, client):
        response = client.get(f"{PAGE}cijfers/csv/")
        assert response["Content-Type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.content.decode())))
        want = expected()
        assert sorted({row["cbs_code"] for row in rows}) == want["codes"]
        participants = Counter()
        for row in rows:
            assert row["licentie"] == "CC BY 4.0" and row["peildatum"]
            if row["jaar"]:
                participants[int(row["jaar"])] += int(row["deelnemers"])
        assert dict(participants) == want["participants"]

    def test_the_programme_page_chart_shows_the_same_numbers(self, client):
        html = client.get(PAGE).content.decode()
        want = expected()
        for year, total in want["participants"].items():
            assert f'<th scope="row">{year}</th><td>{total}</td>' in html, year
        taking_part = sum(n for status, n in want["status"].items() if status != "finished")
        assert f"{taking_part} " in html
        assert f"{PAGE}cijfers/csv/" in html and f"{PAGE}cijfers/json/" in html


def test_the_licence_comes_from_the_site_settings(client):
    settings = SiteSettings.objects.get()
    settings.data_licence = "CC0 1.0"
    settings.save()
    assert client.get(f"{PAGE}cijfers/json/").json()["licence"] == "CC0 1.0"
    assert "CC0 1.0" in client.get(PAGE).content.decode()


def test_only_a_page_that_shows_the_figures_offers_them(client):
    assert client.get("/nl/versterken-vrouwenparticipatie/cijfers/csv/").status_code == 404


def test_a_headline_figure_is_counted_or_says_where_it_comes_from(client):
    block = KeyFigureBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"figure": "27", "label": "gemeenten"}))
    assert {"source", "as_of"} <= set(raised.value.block_errors)
    block.clean(block.to_python({"counted": "municipalities", "label": "gemeenten"}))
    html = client.get("/nl/").content.decode()
    assert "Bron: Pharos" in html or "Source: Pharos" in html
    MunicipalityPage.objects.filter(slug="nijmegen").update(status="finished")
    from home.caching.state import new_version

    new_version()
    data = client.get(f"{PAGE}cijfers/json/").json()
    assert data["totals"]["taking_part"] == data["totals"]["municipalities"] - 1
