""" "Mis je hier iets?" on newcomer pages and search results in every language: stored at
once, refused to robots and floods, reported to the editors of that language."""

import csv
import io

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache

from wagtail.models import Page

import pytest

from home.feedback.models import Feedback
from programme.roles import setup_roles, translator_group_name

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture(autouse=True)
def _fresh_limits():
    cache.clear()  # the hourly limit per address is shared by the tests of this process


def box_of(html: str) -> str:
    return html.split('class="feedback-box')[1].split("</aside>")[0]


def send(client, code, html, answer="Ik zoek sport in het weekend", **extra):
    box = box_of(html)
    page = box.split('name="page" value="')[1].split('"')[0]
    section = box.split('name="section" value="')[1].split('"')[0]
    headers = {name: value for name, value in extra.items() if name.startswith("HTTP_")}
    fields = {name: value for name, value in extra.items() if name not in headers}
    data = {"page": page, "section": section, "answer": answer, "missing": "nearby", **fields}
    return client.post(f"/{code}/mis-je-iets/", data, **headers)


def editor_of(django_user_model, code):
    setup_roles()
    user = django_user_model.objects.create_user(f"vertaler-{code}", password="x")
    user.groups.add(Group.objects.get(name=translator_group_name(code)))
    return user


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_answer_from_the_newcomer_pages_reaches_that_languages_editors(client, django_user_model, code):
    html = client.get(f"/{code}/nieuwkomers/").content.decode()
    assert 'action="/' + code + '/mis-je-iets/"' in box_of(html)
    response = send(client, code, html, answer=f"Antwoord in {code}")
    assert response.status_code == 200
    feedback = Feedback.objects.get()
    assert feedback.locale.language_code == code and feedback.section == "newcomers"
    assert not response.cookies  # no cookie, no name, no address stored
    if code == settings.LANGUAGE_CODE:
        return  # Dutch pages are edited by Pharos editors (below)
    client.force_login(editor_of(django_user_model, code))
    report = client.get("/admin/reports/feedback/").content.decode()
    assert f"Antwoord in {code}" in report
    exported = b"".join(client.get("/admin/reports/feedback/?export=csv").streaming_content).decode()
    assert f"Antwoord in {code}" in exported


def test_a_translator_does_not_see_another_languages_answers(client, django_user_model):
    send(client, "ar", client.get("/ar/nieuwkomers/").content.decode(), answer="جواب بالعربية")
    client.force_login(editor_of(django_user_model, "ti"))
    assert "جواب بالعربية" not in client.get("/admin/reports/feedback/").content.decode()


def test_search_results_carry_the_box_and_a_pharos_editor_sees_every_language(client, admin_client):
    html = client.get("/en/zoeken/", {"q": "volunteering"}).content.decode()
    assert send(client, "en", html, answer="More on sport").status_code == 200
    assert Feedback.objects.get().section == "search"
    rows = list(
        csv.reader(
            io.StringIO(
                b"".join(admin_client.get("/admin/reports/feedback/?export=csv").streaming_content).decode()
            )
        )
    )
    assert any("More on sport" in row for row in rows)


def test_a_formula_in_an_answer_stays_text_in_the_export(client, admin_client):
    send(client, "nl", client.get("/nl/nieuwkomers/").content.decode(), answer='=HYPERLINK("http://x")')
    exported = b"".join(admin_client.get("/admin/reports/feedback/?export=csv").streaming_content).decode()
    assert "'=HYPERLINK" in exported


def test_robots_floods_and_other_sites_are_refused_and_nothing_is_stored(client):
    html = client.get("/nl/nieuwkomers/").content.decode()
    assert send(client, "nl", html, website="http://spam").status_code == 400
    assert send(client, "nl", html, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert Feedback.objects.count() == 0
    for _attempt in range(10):
        assert send(client, "nl", html).status_code == 200
    flooded = send(client, "nl", html, answer="Nog een keer")
    assert flooded.status_code == 429
    assert "Nog een keer" in flooded.content.decode()  # what was typed is kept
    assert Feedback.objects.count() == 10


def test_the_answer_is_kept_when_the_cache_is_down(client, monkeypatch):
    from home.feedback import views

    monkeypatch.setattr(views, "over_limit", lambda *args: None)
    html = client.get("/nl/nieuwkomers/").content.decode()
    response = send(client, "nl", html, answer="Blijft staan")
    assert response.status_code == 503 and "Blijft staan" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"answer": ""},
        {"answer": "x" * 5000, "page": "1", "section": "newcomers"},
        {"answer": "a\x00b", "page": "abc", "section": "newcomers"},
        {"answer": "ok", "page": "99999999", "section": "newcomers"},
        {"answer": "ok", "page": "1", "section": "admin"},
        {"answer": "ok", "page": "²", "section": "newcomers"},
    ],
)
def test_bad_input_answers_4xx_and_stores_nothing(client, data):
    response = client.post("/nl/mis-je-iets/", data)
    assert 400 <= response.status_code < 500
    assert Feedback.objects.count() == 0


def test_an_answer_for_a_page_of_another_language_is_refused(client):
    arabic = Page.objects.get(locale__language_code="ar", depth=2)
    response = client.post("/nl/mis-je-iets/", {"page": arabic.pk, "section": "search", "answer": "x"})
    assert response.status_code == 400 and Feedback.objects.count() == 0


def test_a_get_is_not_allowed(client):
    assert client.get("/nl/mis-je-iets/").status_code == 405
