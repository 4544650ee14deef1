"""Volunteering opportunities per municipality: what, where, when and whom to ask, kept by
the municipality's editors and shown to newcomers in their own language."""

import datetime

from django.core.exceptions import ValidationError

import pytest

from programme.models import ActivityType, MunicipalityPage, VolunteeringOpportunity

pytestmark = pytest.mark.django_db
UTRECHT_NEWCOMER = "/nieuwkomers/in-utrecht/"


def test_the_arabic_newcomer_page_of_utrecht_shows_where_when_and_whom_to_ask(client):
    content = client.get(f"/ar{UTRECHT_NEWCOMER}").content.decode()
    utrecht = MunicipalityPage.objects.get(slug="utrecht", locale__language_code="nl")
    opportunities = list(utrecht.opportunities.all())
    assert len(opportunities) == 4
    for opportunity in opportunities:
        assert opportunity.place in content  # where
    assert "أين" in content and "متى" in content and "من تسأل" in content  # labelled in Arabic
    assert "الأربعاء" in content and "السبت" in content  # Wednesday and Saturday, in Arabic
    assert "10:00–12:30" in content
    assert "حسب الطلب" in content  # the nursing home: on request
    assert "استقبال مركز اللجوء" in content  # ask at the reception
    assert 'href="tel:+31600000002"' in content  # tap to call
    assert 'href="https://wa.me/31600000001"' in content  # tap to write on WhatsApp
    assert 'href="mailto:voorbeeld@example.org"' in content
    assert '<bdi lang="ti">ትግርኛ</bdi>' in content  # help languages in their own script, isolated
    assert "Monday" not in content and "Where" not in content  # nothing left in English


def test_the_tigrinya_poster_lists_the_opportunities_and_the_professional_page_the_same(client):
    poster = client.get(f"/ti{UTRECHT_NEWCOMER}poster/").content.decode()
    assert "Buurttuin in Overvecht" in poster and "ረቡዕ" in poster  # Wednesday in Tigrinya
    professional = client.get("/nl/gemeenten/utrecht/").content.decode()
    for place in ("Buurttuin in Overvecht", "Sportzaal van het azc", "Buurthuis in Lombok"):
        assert place in professional
    assert "woensdag" in professional and "Wie kun je het vragen" in professional


def test_an_opportunity_needs_a_time_and_real_phone_numbers():
    utrecht = MunicipalityPage.objects.get(slug="utrecht", locale__language_code="nl")
    nature = ActivityType.objects.get(key="nature", locale__language_code="nl")
    opportunity = VolunteeringOpportunity(page=utrecht, activity=nature, place="Tuin", phone="bel me")
    with pytest.raises(ValidationError) as error:
        opportunity.full_clean()
    assert {"phone", "days"} <= set(error.value.message_dict)
    opportunity.phone, opportunity.days = "+31 30 123 45 67", ["mon", "dinsdag"]
    with pytest.raises(ValidationError) as error:
        opportunity.full_clean()
    assert set(error.value.message_dict) == {"days"}  # an unknown day
    opportunity.days = ["mon"]
    opportunity.start_time, opportunity.end_time = datetime.time(14), datetime.time(10)
    with pytest.raises(ValidationError) as error:
        opportunity.full_clean()
    assert set(error.value.message_dict) == {"end_time"}
    opportunity.end_time = datetime.time(16)
    opportunity.full_clean()
    opportunity.save()
    opportunity.refresh_from_db()
    assert opportunity.days == ["mon"] and opportunity.day_names() == [
        "maandag"
    ]  # the active language: Dutch


def test_every_newcomer_language_has_contact_in_its_menu(client):
    for code in ("ar", "fa", "ti", "so", "tr", "uk"):
        content = client.get(f"/{code}/nieuwkomers/").content.decode()
        menu = content.split('class="site-nav__list"')[1].split("</ul>")[0]
        assert f'href="/{code}/nieuwkomers/#contact"' in menu, code
        assert 'id="contact"' in content
    dutch_menu = client.get("/nl/").content.decode().split('class="site-nav__list"')[1].split("</ul>")[0]
    assert "#contact" not in dutch_menu and 'href="/nl/contact/"' in dutch_menu  # its own contact page
