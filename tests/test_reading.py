"""Reading figures without cookies or personal data: counted on the server by an image
every page carries, also when the page came from the page cache."""

from django.db import DatabaseError
from django.db.models import Sum
from django.test import Client
from django.utils import timezone

from wagtail.models import Page

import pytest

from home.reading.models import PageViewCount

pytestmark = pytest.mark.django_db
BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130 Mobile Safari/537.36"
}
NEWCOMER = "/ti/nieuwkomers/wat-is-vrijwilligerswerk/"


def read(client, path: str) -> None:
    """What a browser does: fetch the page, then the counter image it names."""
    html = client.get(path, **BROWSER).content.decode()
    counter = html.split('class="counter" src="')[1].split('"')[0]
    response = client.get(counter, **BROWSER)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"
    assert "no-store" in response["Cache-Control"]


def test_pages_served_from_the_page_cache_are_counted(client):
    for _ in range(3):
        read(client, NEWCOMER)
    assert client.get(NEWCOMER, **BROWSER)["X-Page-Cache"] == "hit"
    page = Page.objects.get(url_path__endswith="/wat-is-vrijwilligerswerk/", locale__language_code="ti")
    assert PageViewCount.objects.get(page=page, language="ti", day=timezone.localdate()).views == 3


def test_a_counted_visit_sets_no_cookie_and_stores_no_address(client):
    html = client.get(NEWCOMER, **BROWSER, REMOTE_ADDR="203.0.113.9")
    counter = html.content.decode().split('class="counter" src="')[1].split('"')[0]
    response = client.get(counter, **BROWSER, REMOTE_ADDR="203.0.113.9")
    assert not response.cookies and not html.cookies
    stored = [str(value) for row in PageViewCount.objects.values() for value in row.values()]
    assert not any("203.0.113" in value or "Mozilla" in value for value in stored)
    assert {field.name for field in PageViewCount._meta.get_fields()} == {
        "id",
        "page",
        "language",
        "day",
        "views",
    }


@pytest.mark.parametrize(
    "agent",
    [
        "",
        "   ",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "WhatsApp/2.23.20.0 A",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "python-requests/2.31.0",
        "curl/8.5.0",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0 Safari/537.36",
    ],
)
def test_robots_and_scripts_are_not_counted_and_a_phone_is(client, agent):
    page = Page.objects.get(url_path__endswith="/wat-is-vrijwilligerswerk/", locale__language_code="ti")
    Client().get(f"/teller/{page.pk}/", HTTP_USER_AGENT=agent)
    assert not PageViewCount.objects.exists(), agent
    client.get(f"/teller/{page.pk}/", **BROWSER)
    assert PageViewCount.objects.get().views == 1


def test_robots_and_signed_in_editors_are_not_counted(admin_client):
    page = Page.objects.get(url_path__endswith="/wat-is-vrijwilligerswerk/", locale__language_code="ti")
    Client().get(f"/teller/{page.pk}/", HTTP_USER_AGENT="Googlebot/2.1 (+http://www.google.com/bot.html)")
    admin_client.get(f"/teller/{page.pk}/", **BROWSER)
    assert not PageViewCount.objects.exists()


def test_a_database_outage_loses_the_count_but_never_the_image(client, monkeypatch):
    page = Page.objects.get(url_path__endswith="/wat-is-vrijwilligerswerk/", locale__language_code="ti")

    def broken(*args, **kwargs):
        raise DatabaseError("the database is down")

    monkeypatch.setattr("home.reading.views.count", broken)
    response = client.get(f"/teller/{page.pk}/", **BROWSER)
    assert response.status_code == 200 and response["Content-Type"] == "image/gif"


def test_the_report_totals_match_the_visits_made(admin_client):
    client = Client()  # a reader: admin_client is the same client as `client`, signed in
    for path, times in (
        ("/ti/nieuwkomers/", 2),
        (NEWCOMER, 3),
        ("/ar/nieuwkomers/in-utrecht/", 4),
        ("/nl/", 1),
    ):
        for _ in range(times):
            read(client, path)
    content = admin_client.get("/admin/reports/reading/").content.decode()
    assert "10 weergaven" in content  # the admin speaks Dutch
    csv = admin_client.get("/admin/reports/reading/?language=ti&export=csv").content.decode()
    rows = [line.split(",") for line in csv.strip().splitlines()[1:]]
    assert sorted(int(row[4]) for row in rows) == [2, 3]
    assert PageViewCount.objects.aggregate(total=Sum("views"))["total"] == 10
    dashboard = admin_client.get("/admin/").content.decode()
    panel = dashboard.split('id="most-read-title"')[1].split("</section>")[0]
    utrecht_ar = Page.objects.get(url_path__endswith="/in-utrecht/", locale__language_code="ar")
    assert f"/admin/pages/{utrecht_ar.pk}/edit/" in panel and "<td>ar</td><td>4</td>" in panel
    assert "<td>nl</td>" not in panel  # the Dutch home page is no newcomer page


def test_a_private_page_is_not_counted(client):
    from wagtail.models import PageViewRestriction

    page = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim-woord")
    client.get(f"/teller/{page.pk}/", **BROWSER)
    assert not PageViewCount.objects.filter(page=page).exists()


@pytest.mark.parametrize("role", ["Moderatoren", "Gemeente Utrecht", "Vertalers ትግርኛ (ti)"])
def test_the_reading_report_is_for_pharos_editors_only(client, roles, django_user_model, role):
    from .conftest import member

    page = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    PageViewCount.objects.create(page=page, language="nl", day=timezone.localdate(), views=4)
    client.force_login(member(django_user_model, role, "lezer"))
    for url in ("/admin/reports/reading/", "/admin/reports/reading/?export=csv"):
        response = client.get(url)
        assert response.status_code in (302, 403) and page.title not in response.content.decode()
    assert "/admin/reports/reading/" not in client.get("/admin/").content.decode()

    editor = Client()
    editor.force_login(member(django_user_model, "Pharos-redacteuren", "redacteur"))
    assert editor.get("/admin/reports/reading/").status_code == 200
    assert page.title in editor.get("/admin/reports/reading/?export=csv").content.decode()
