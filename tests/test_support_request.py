"""Support on request: stored before any e-mail, visible and exportable in the admin,
closed to robots, confirmed in the sender's language."""

from django.core.cache import cache
from django.core.mail.backends.base import BaseEmailBackend

from wagtail.contrib.forms.models import FormSubmission

import pytest

from programme.models import SupportRequestPage

pytestmark = pytest.mark.django_db
PAGE = "/nl/ondersteuning-op-maat/"
ANSWERS = {
    "municipality": "Nijmegen",
    "organisatie": "Gemeente Nijmegen",
    "uw_rol": "projectleider",
    "e_mailadres": "projectleider@example.org",
    "uw_vraag": "Hoe werven we bewoners in een kleine gemeente?",
}


def post(client, data, **extra):
    client.get(PAGE)  # the form's CSRF cookie
    return client.post(PAGE, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **data}, **extra)


class BrokenMailBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError("the mail server is down")


def test_the_municipality_is_chosen_from_the_municipality_pages(client):
    html = client.get(PAGE).content.decode()
    for name in ("Nijmegen", "Utrecht", "Zwolle"):
        assert f'<option value="{name}">{name}</option>' in html
    response = post(client, {**ANSWERS, "municipality": "Atlantis"})
    assert response.status_code == 200 and FormSubmission.objects.count() == 0  # the form says why


def test_a_request_survives_a_failing_mail_server(client, settings, mailoutbox):
    settings.EMAIL_BACKEND = "tests.test_support_request.BrokenMailBackend"
    response = post(client, ANSWERS, HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 200
    assert "Bedankt" in response.content.decode() or "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.form_data["municipality"] == "Nijmegen"
    assert submission.form_data["uw_vraag"] == ANSWERS["uw_vraag"]
    assert "website" not in submission.form_data


def test_a_working_mail_server_gets_the_request_too(client, mailoutbox):
    post(client, ANSWERS)
    assert len(mailoutbox) == 1 and "Nijmegen" in mailoutbox[0].body
    assert FormSubmission.objects.count() == 1


def test_submissions_appear_in_the_admin_export(client, admin_client):
    post(client, ANSWERS)
    page = SupportRequestPage.objects.get(locale__language_code="nl")
    listing = admin_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert listing.status_code == 200 and "Gemeente Nijmegen" in listing.content.decode()
    export = admin_client.get(f"/admin/forms/submissions/{page.pk}/?export=csv")
    assert export.status_code == 200
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Nijmegen" in body and "Hoe werven we bewoners" in body


def test_a_robot_filling_the_honeypot_is_refused_and_nothing_is_stored(client, mailoutbox):
    response = post(client, {**ANSWERS, "website": "https://spam.example"})
    assert response.status_code == 400
    assert FormSubmission.objects.count() == 0 and not mailoutbox


def test_an_address_sending_too_many_requests_is_slowed_down(client):
    codes = [post(client, ANSWERS, REMOTE_ADDR="203.0.113.9").status_code for _ in range(7)]
    assert codes[:5] == [200] * 5 and codes[5:] == [429, 429]
    assert FormSubmission.objects.count() == 5
    assert post(client, ANSWERS, REMOTE_ADDR="203.0.113.10").status_code == 200  # another address


def test_the_form_page_is_never_cached(client):
    response = client.get(PAGE)
    assert "no-store" in response["Cache-Control"]
    assert client.get(PAGE).get("X-Page-Cache") is None


def test_the_confirmation_is_in_the_senders_language(client):
    english = SupportRequestPage.objects.get(locale__language_code="en")
    form = client.get(english.url).content.decode()
    assert ">Your question" in form and ">Uw vraag" not in form  # the questions are translated
    client.get(english.url)
    response = client.post(english.url, {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, **ANSWERS})
    assert response.status_code == 200
    assert "Thank you: your request has been received" in response.content.decode()
    assert '<html lang="en"' in response.content.decode()
    # The same field names in every language, so submissions line up in the export.
    assert FormSubmission.objects.get(page=english).form_data["uw_vraag"] == ANSWERS["uw_vraag"]


def test_the_limit_is_kept_where_every_server_counts_and_refuses_when_it_cannot_count(client, settings):
    import socket

    from django.test import override_settings

    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(8)  # accepts and never answers, as a paused Redis does
    caches = {
        **settings.CACHES,
        "default": {
            "BACKEND": "home.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{hung.getsockname()[1]}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2, "SOCKET_TIMEOUT": 0.2},
        },
    }
    try:
        with override_settings(CACHES=caches):
            responses = [post(client, ANSWERS, REMOTE_ADDR="203.0.113.20") for _ in range(2)]
    finally:
        hung.close()
    for response in responses:
        assert response.status_code == 503
        html = response.content.decode()
        assert "cannot be accepted at the moment" in html or "kunnen op dit moment" in html
        assert ANSWERS["uw_vraag"] in html  # what was typed is still in the form
    assert FormSubmission.objects.count() == 0


@pytest.mark.parametrize(
    "path", ["/nl/contact/", "/nl/gemeenten/", "/nl/gemeenten/nijmegen/", "/en/gemeenten/utrecht/"]
)
def test_the_form_is_one_click_from_where_municipal_staff_look(client, path):
    html = client.get(path).content.decode()
    code = path.split("/")[1]
    form = SupportRequestPage.objects.get(locale__language_code=code)
    assert f'href="{form.url}"' in html, path


def test_newcomer_pages_do_not_link_to_a_form_their_language_does_not_have(client):
    assert "ondersteuning-op-maat" not in client.get("/ti/nieuwkomers/").content.decode()


def test_an_empty_form_answers_with_an_error_summary_that_links_each_field(client):
    html = post(client, {}).content.decode()
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert "autofocus" in html.split('class="error-summary"')[1].split(">")[0]
    for field in ("id_municipality", "id_organisatie", "id_e_mailadres"):
        assert f'href="#{field}"' in summary
        # The field's message exists under the id its aria-describedby names.
        assert f'id="{field}_error"' in html
        describedby = (
            html.split(f'id="{field}"')[0].rsplit("<", 1)[1] + html.split(f'id="{field}"')[1].split(">")[0]
        )
        assert f"{field}_error" in describedby and 'aria-invalid="true"' in describedby


def test_the_mail_names_the_quick_scan_factors_and_replies_to_the_requester(client, mailoutbox):
    cache.clear()  # the hourly limit per address, spent by the tests before
    post(client, {**ANSWERS, "quick_scan": "1:75,2:0"})
    mail = mailoutbox[0]
    assert mail.reply_to == ["projectleider@example.org"]
    assert "1:75" not in mail.body
    first = SupportRequestPage.objects.get(locale__language_code="nl").scan_scores("1:75,2:0")
    assert first[0]["title"] and f"1. {first[0]['title']}: 75%" in mail.body
    assert f"2. {first[1]['title']}: 0%" in mail.body


def test_the_thank_you_page_shows_the_quick_scan_by_factor(client):
    cache.clear()
    html = post(client, {**ANSWERS, "quick_scan": "1:75,2:50"}).content.decode()
    titles = [
        item["title"]
        for item in SupportRequestPage.objects.get(locale__language_code="nl").scan_scores("1:75")
    ]
    assert f"1. {titles[0]}: 75%" in html
