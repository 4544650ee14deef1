"""Recognition levels (the Dutch recognition system) on success factors, guides and case
studies: shown in every language with the record to check, filterable in the listings."""

import datetime

from django.core.exceptions import ValidationError

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db
RECORD = "https://www.movisie.nl/interventie/voorbeeld"


def recognise(page, level="founded"):
    page.recognition, page.recognition_date, page.recognition_url = level, datetime.date(2025, 6, 1), RECORD
    page.full_clean()
    page.save_revision().publish()
    # A fact about the intervention, synchronised into the translation as localize does.
    for other in Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk).specific():
        other.recognition, other.recognition_date, other.recognition_url = (
            page.recognition,
            page.recognition_date,
            RECORD,
        )
        other.save_revision().publish()


def test_the_demo_claims_no_recognition_it_cannot_source():
    from programme.models import CaseStudyPage, SuccessFactorPage
    from toolkit.models import GuidePage

    for model in (SuccessFactorPage, GuidePage, CaseStudyPage):
        assert not model.objects.exclude(recognition="").exists()


def test_a_level_needs_a_date_and_a_record_at_movisie_or_loket_gezond_leven(demo_page):
    guide = demo_page("handreikingen/matchen")
    guide.recognition = "described"
    guide.recognition_url = "https://example.org/trust-me"
    with pytest.raises(ValidationError) as refused:
        guide.full_clean()
    assert {"recognition_url", "recognition_date"} <= set(refused.value.message_dict)
    guide.recognition_url, guide.recognition_date = (
        "https://www.loketgezondleven.nl/x",
        datetime.date(2025, 1, 1),
    )
    guide.full_clean()


@pytest.mark.parametrize(
    ("code", "label", "param"),
    [("nl", "Goed onderbouwd", "goed-onderbouwd"), ("en", "Well founded", "well-founded")],
)
def test_the_level_shows_on_the_page_and_filters_the_listing(client, demo_page, code, label, param):
    guide = demo_page("handreikingen/matchen")
    recognise(guide)
    shown = Page.objects.get(translation_key=guide.translation_key, locale__language_code=code)
    html = client.get(shown.url).content.decode()
    assert f"{label}</span>" in html and RECORD in html
    listing = client.get(f"/{code}/handreikingen/", {"erkenning": param}).content.decode()
    cards = listing.split('class="cards"')[1].split("</ul>")[0]
    assert shown.url in cards
    assert cards.count('class="card"') == 1 or cards.count("<li") == 1


def test_case_studies_filter_by_level_too(client, demo_page):
    case = demo_page("gemeenten/nijmegen/samen-in-het-groen-nijmegen")
    recognise(case, "effective_first")
    html = client.get(
        "/nl/gemeenten/praktijkvoorbeelden/", {"erkenning": "effectief-eerste-aanwijzingen"}
    ).content.decode()
    assert case.url in html.split('class="cards"')[1].split("</ul>")[0]
