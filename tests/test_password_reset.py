"""The admin's password reset: honest when mail cannot be sent, and alike for every address."""

from django.core.mail.backends.locmem import EmailBackend

import pytest

pytestmark = pytest.mark.django_db
URL = "/admin/password_reset/"


class DownMailBackend(EmailBackend):
    def open(self):
        raise ConnectionRefusedError("the mail server is down")


@pytest.mark.parametrize("address", ["admin@example.org", "niemand@example.org"])
def test_with_the_mail_server_down_the_page_says_no_mail_can_be_sent(
    client, settings, address, django_user_model
):
    django_user_model.objects.create_user("beheer", "admin@example.org", "een-lang-en-sterk-wachtwoord")
    settings.EMAIL_BACKEND = "tests.test_password_reset.DownMailBackend"
    response = client.post(URL, {"email": address})
    assert response.status_code == 200
    html = response.content.decode()
    assert "cannot be sent at the moment" in html or "kan op dit moment" in html


def test_with_mail_working_the_reset_mail_goes_out(client, mailoutbox, django_user_model):
    django_user_model.objects.create_user("beheer", "admin@example.org", "een-lang-en-sterk-wachtwoord")
    response = client.post(URL, {"email": "admin@example.org"})
    assert response.status_code == 302 and len(mailoutbox) == 1
