"""Every reader served in their language: choices in the page's words, Dutch names marked
as Dutch, lists and times that read right in every script."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_team_roles_and_how_to_reach_them_are_in_the_pages_language(client):
    english = client.get("/en/gemeenten/utrecht/").content.decode()
    team = english.split("<tbody>")[1].split("</tbody>")[0]
    assert "Project lead" in team and "Ask at the reception of the AZC" in team
    assert "Projectleider" not in team and "Vraag bij de receptie" not in team
    dutch = client.get("/nl/gemeenten/utrecht/").content.decode()
    assert "Projectleider" in dutch and "Vraag bij de receptie van het azc" in dutch
    # Organisations are Dutch names: marked as such on the English page.
    assert '<bdi lang="nl">Vrijwilligerscentrale</bdi>' in team


def test_another_role_is_kept_as_typed(demo_page):
    from django.core.exceptions import ValidationError

    from programme.models import ProjectTeamMember

    member = ProjectTeamMember(page=demo_page("gemeenten/utrecht"), role="other", organisation="Gemeente")
    with pytest.raises(ValidationError):
        member.clean()
    member.other_role = "Wijkverpleegkundige"
    member.clean()
    assert member.role_label == "Wijkverpleegkundige"


@pytest.mark.parametrize("code", ["ti", "ar", "uk"])
def test_dutch_places_and_names_on_newcomer_pages_are_marked_dutch(client, code):
    html = client.get(f"/{code}/nieuwkomers/in-utrecht/").content.decode()
    facts = html.split('class="opportunities"')[1].split("</ul>")[0]
    assert '<bdi lang="nl">Buurttuin in Overvecht</bdi>' in facts
    assert '<bdi lang="nl">Sportzaal van het azc</bdi>' in facts
    # Language names in their own script and direction, each isolated.
    assert re.search(r'<bdi lang="fa">[^<]+</bdi>', facts)


@pytest.mark.parametrize(("code", "separator"), [("ar", "، "), ("fa", "، "), ("nl", ", "), ("ti", "፣ ")])
def test_lists_in_running_text_use_the_languages_own_comma(client, code, separator):
    html = client.get(f"/{code}/nieuwkomers/in-utrecht/").content.decode()
    facts = html.split('class="opportunities"')[1].split("</ul>")[0]
    assert separator in facts
    if code in ("ar", "fa"):
        assert "</bdi>, <bdi" not in facts


def test_times_never_break_inside(client):
    html = client.get("/ar/nieuwkomers/in-utrecht/").content.decode()
    assert re.search(r'<bdi dir="ltr" class="nowrap">\d\d:\d\d–\d\d:\d\d</bdi>', html)


def test_an_email_address_breaks_only_after_its_at_and_before_its_dots(client):
    from home.templatetags.navigation_tags import contact_link

    assert str(contact_link("voorbeeld@example.org")) == (
        '<a href="mailto:voorbeeld@example.org">voorbeeld@<wbr>example<wbr>.org</a>'
    )
    assert str(contact_link("<b>06</b>")) == "&lt;b&gt;06&lt;/b&gt;"
    assert contact_link("") == ""
    html = client.get("/nl/gemeenten/utrecht/").content.decode()
    assert "voorbeeld@<wbr>example<wbr>.org" in html


def test_a_translated_guide_says_its_download_is_in_dutch(client):
    from toolkit.models import GuideDownload

    download = GuideDownload.objects.filter(page__locale__language_code="en").select_related("page").first()
    assert download is not None, "an English guide offers a download"
    html = client.get(download.page.url).content.decode()
    link = html.split(f'href="{download.document.url}"')[1].split("</li>")[0]
    assert 'hreflang="nl"' in link and '<span lang="nl">Nederlands</span>' in link
    dutch = GuideDownload.objects.filter(page__locale__language_code="nl").select_related("page").first()
    html = client.get(dutch.page.url).content.decode()
    assert "Nederlands</span>)" not in html.split(f'href="{dutch.document.url}"')[1].split("</li>")[0]
