"""National figures: counted from the municipality pages, shown as a chart with a table,
downloadable as CSV and JSON that agree with the pages, under a licence."""

import csv
import io
from collections import Counter
from urllib.parse import urlsplit

from django.core.management import call_command

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

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
        # What the figures count is said with them, so they never read as a rival to the
        # programme's own count of municipalities with a project team (27 in the text).
        total = len(want["codes"])
        assert (
            f"Deze cijfers tellen de {total} gemeenten die tot nu toe een pagina op deze hub hebben" in html
        )
        assert f"{taking_part} daarvan doen nu mee" in html
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


DCAT_REQUIRED = {
    # DCAT-AP-NL's mandatory properties, per class.
    "dcat:Catalog": ["dct:title", "dct:description", "dct:publisher", "dcat:dataset"],
    "dcat:Dataset": [
        "dct:identifier",
        "dct:title",
        "dct:description",
        "dct:publisher",
        "dcat:contactPoint",
        "dct:license",
        "dct:language",
        "dcat:theme",
        "dct:modified",
        "dcat:distribution",
    ],
    "dcat:Distribution": ["dcat:accessURL", "dct:format", "dct:license"],
}


def _missing(node, kind) -> list[str]:
    return [f"{kind} {name}" for name in DCAT_REQUIRED[kind] if not node.get(name)]


def test_the_dcat_catalogue_has_every_required_property_and_resolves(client):
    response = client.get(f"{PAGE}cijfers/dcat/")
    assert response["Content-Type"].startswith("application/ld+json")
    catalogue = response.json()
    assert (
        catalogue["@type"] == "dcat:Catalog" and catalogue["@context"]["dcat"] == "http://www.w3.org/ns/dcat#"
    )
    problems = _missing(catalogue, "dcat:Catalog")
    for dataset in catalogue["dcat:dataset"]:
        problems += _missing(dataset, "dcat:Dataset")
        assert dataset["dct:license"]["@id"].startswith("https://creativecommons.org/")
        assert dataset["dcat:contactPoint"]["vcard:hasEmail"]["@id"].startswith("mailto:")
        for distribution in dataset["dcat:distribution"]:
            problems += _missing(distribution, "dcat:Distribution")
            url = distribution["dcat:downloadURL"]["@id"]
            assert url.startswith("http")
            assert client.get(urlsplit(url).path).status_code == 200
    assert problems == []
    assert f"{PAGE}cijfers/dcat/" in client.get(PAGE).content.decode()


def test_example_records_are_flagged_in_the_csv_and_the_json(client, demo_page):
    examples = {
        page.cbs_code for page in MunicipalityPage.objects.filter(locale__language_code="nl", is_example=True)
    }
    assert examples, "the demo marks its invented municipalities as examples"
    data = client.get(f"{PAGE}cijfers/json/").json()
    assert {m["cbs_code"] for m in data["municipalities"] if m["example"]} == examples
    assert data["examples"] == len(examples) and data["examples_note"]
    rows = list(csv.DictReader(io.StringIO(client.get(f"{PAGE}cijfers/csv/").content.decode())))
    assert {row["cbs_code"] for row in rows if row["voorbeeld"] == "true"} == examples


def test_the_english_files_have_english_headers_and_labels_beside_the_codes(client):
    english = Page.objects.get(
        translation_key=Page.objects.get(url_path="/home/over-aan-de-slag/").translation_key,
        locale__language_code="en",
    )
    response = client.get(f"{english.url}cijfers/csv/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert {"cbs_code", "municipality", "status", "status_label", "year", "licence", "example"} <= set(
        rows[0]
    )
    assert rows[0]["status"] in ("pilot", "participating", "continued", "finished")
    assert rows[0]["status_label"] in ("Pilot", "Participating", "Continued on its own", "Finished")
    dutch = list(csv.DictReader(io.StringIO(client.get(f"{PAGE}cijfers/csv/").content.decode())))
    assert dutch[0]["status"] == rows[0]["status"]  # the same code in both languages
    assert dutch[0]["status_omschrijving"] and dutch[0]["status_omschrijving"] != dutch[0]["status"]
    assert "gemeente" in dutch[0] and "jaar" in dutch[0]
