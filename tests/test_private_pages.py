"""Private pages open with their password or a login, in every language."""

import re

from wagtail.models import Locale, Page, PageViewRestriction

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url_path", "language"),
    [
        ("/home/succesfactoren/bewoners-centraal/", "nl"),
        ("/home/nieuwkomers/wat-is-vrijwilligerswerk/", "nl"),
        ("/home/nieuwkomers/wat-is-vrijwilligerswerk/", "ti"),
        ("/home/nieuwkomers/wat-is-vrijwilligerswerk/", "ar"),
    ],
)
def test_a_password_page_opens_with_its_password(client, url_path, language):
    dutch = Page.objects.get(url_path=url_path)
    page = (
        dutch.get_translation_or_none(Locale.objects.get(language_code=language))
        if language != "nl"
        else dutch
    )
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim-woord")
    url = page.get_url()
    form = client.get(url)
    assert form.status_code == 200
    html = form.content.decode()
    action = re.search(r'action="([^"]*_util/authenticate_with_password/[^"]*)"', html).group(1)
    assert action.startswith(f"/{language}/")
    assert client.post(action, {"password": "fout", "return_url": url}).status_code == 200  # asked again
    opened = client.post(action, {"password": "geheim-woord", "return_url": url})
    assert opened.status_code == 302 and opened["Location"] == url
    shown = client.get(url)
    assert shown.status_code == 200 and 'type="password"' not in shown.content.decode()


@pytest.mark.parametrize("language", ["nl", "ti"])
def test_a_login_page_for_members_only_answers_in_every_language(client, language, django_user_model):
    page = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = client.get(page.get_url())
    assert response.status_code == 302 and "/_util/login/" in response["Location"]
    assert client.get(f"/{language}/_util/login/").status_code == 200
