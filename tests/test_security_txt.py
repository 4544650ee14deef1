"""/.well-known/security.txt (RFC 9116): a contact and an expiry less than a year ahead."""

import datetime

import pytest

pytestmark = pytest.mark.django_db


def test_security_txt_names_a_contact_and_expires_within_a_year(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in response.content.decode().splitlines())
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
    now = datetime.datetime.now(datetime.UTC)
    assert now < expires < now + datetime.timedelta(days=365)
    assert fields["Canonical"].endswith("/.well-known/security.txt")


def test_an_operator_can_fix_the_contact_and_expiry(client, settings):
    settings.SECURITY_CONTACT = "https://pharos.nl/kwetsbaarheid-melden"
    settings.SECURITY_TXT_EXPIRES = "2027-06-30T00:00:00Z"
    body = client.get("/.well-known/security.txt").content.decode()
    assert (
        "Contact: https://pharos.nl/kwetsbaarheid-melden" in body and "Expires: 2027-06-30T00:00:00Z" in body
    )
