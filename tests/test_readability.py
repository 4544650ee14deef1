"""The readability hint for Dutch and English pages: flags long-winded text, passes B1,
and warns on save without ever blocking it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.readability import assess, page_text

pytestmark = pytest.mark.django_db

LONG_WINDED = (
    "Het is van groot belang dat de gemeentelijke organisatie, in nauwe samenwerking met de "
    "maatschappelijke partners en de vrijwilligersorganisaties in de regio, zorgdraagt voor een "
    "laagdrempelige en cultuursensitieve benadering van statushouders, teneinde de maatschappelijke "
    "participatie en zelfredzaamheid van deze doelgroep structureel te bevorderen. Hierbij dient "
    "nadrukkelijk rekening te worden gehouden met de uiteenlopende achtergronden, verwachtingen en "
    "mogelijkheden van de betrokken bewoners van het asielzoekerscentrum."
)
B1 = (
    "Vrijwilligerswerk is werk dat je doet zonder loon. Je helpt anderen. Je leert nieuwe mensen "
    "kennen. Je oefent ook je Nederlands. Vraag bij de receptie van het azc wat je kunt doen. "
    "Daar helpen ze je op weg."
)


def test_a_long_winded_dutch_paragraph_is_flagged_and_a_b1_one_passes():
    hard = assess(f"<p>{LONG_WINDED}</p>")
    assert hard.too_hard
    assert hard.average_words > 15 and hard.long_word_share > 0.1
    assert hard.hardest[0].startswith("Het is van groot belang")
    easy = assess(f"<p>{B1}</p>")
    assert not easy.too_hard and easy.hardest == []
    assert easy.average_words < 10


def test_the_text_of_a_page_includes_its_rich_text_and_streamfields(demo_page):
    page = demo_page("handreikingen/matchen").specific
    text = page_text(page)
    assert page.summary in text
    assert len(text) > 200  # the steps' text, from the StreamField


def test_saving_a_hard_dutch_page_warns_but_saves(admin_client, demo_page):
    page = demo_page("over-aan-de-slag").specific
    parent = page.get_parent()
    data = nested_form_data(
        {
            "title": "Moeilijk",
            "slug": "moeilijk",
            "intro": rich_text(f"<p>{LONG_WINDED}</p>"),
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/contentpage/{parent.pk}/", data, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("Het is van groot belang" in message for message in shown), shown
    assert parent.get_children().filter(slug="moeilijk").exists()  # saved all the same
