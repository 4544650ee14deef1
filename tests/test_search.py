"""Site search: in the visitor's language, and calm about odd input."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_a_civil_servant_finds_a_guide_by_a_word_in_it(client):
    response = client.get("/nl/zoeken/", {"q": "ambassadeurs"})
    assert response.status_code == 200
    content = response.content.decode()
    assert "Bewoners werven met ambassadeurs" in content
    assert 'role="status"' in content


def test_search_stays_within_the_visitors_language(client):
    content = client.get("/ti/zoeken/", {"q": "ወለንታዊ"}).content.decode()
    results = content.split('class="cards"')[1].split("</ul>")[0]
    assert 'href="/ti/' in results
    assert 'href="/nl/' not in results and 'href="/ar/' not in results


@pytest.mark.parametrize(("code", "word"), [("en", "Nijmegen"), ("nl", "Nijmegen"), ("en", "Utrecht")])
def test_a_word_every_language_shares_finds_only_pages_in_the_readers_language(client, code, word):
    """A place name is the same in Dutch and English: the results are still all in the
    reader's language (the Tigrinya test above searches a word only Tigrinya has)."""
    content = client.get(f"/{code}/zoeken/", {"q": word}).content.decode()
    results = content.split('class="cards"')[1].split("</ul>")[0]
    links = re.findall(r'<a [^>]*href="(/[^"]*)"', results)
    assert links, f"nothing found for {word} in {code}"
    assert all(link.startswith(f"/{code}/") for link in links), links


@pytest.mark.parametrize(
    "params",
    [
        {"q": "\x00\x01"},
        {"q": '"ambass* OR ('},
        {"q": "NOT"},
        {"q": "x" * 10_000},
        {"q": "ambassadeurs", "pagina": "abc"},
        {"q": "ambassadeurs", "pagina": "99999"},
        {"q": ["a", "b"]},
        {},
    ],
)
def test_odd_search_input_never_breaks_the_page(client, params):
    response = client.get("/nl/zoeken/", params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert "<script" not in response.content.decode().split("<main")[1]


def test_every_page_has_a_labelled_search_form(client):
    content = client.get("/ar/").content.decode()
    assert 'role="search"' in content and 'for="search-q"' in content and 'action="/ar/zoeken/"' in content


def test_search_page_links_its_other_languages(client):
    content = client.get("/fa/zoeken/", {"q": "کار"}).content.decode()
    assert 'hreflang="ti" href="http://testserver/ti/zoeken/?q=' in content
    assert 'hreflang="x-default" href="http://testserver/nl/zoeken/' in content


def test_a_result_card_shows_its_pages_summary_and_example_badge(client, django_assert_max_num_queries):
    """Cards read only the two fields they show from each page type's table (one query for
    all types) instead of whole specific pages."""
    client.get("/nl/zoeken/", {"q": "pilotgemeenten"})  # warm what is kept per version
    with django_assert_max_num_queries(5):
        content = client.get("/nl/zoeken/", {"q": "pilotgemeenten", "x": "1"}).content.decode()
    cards = content.split('class="cards"')[1].split("</ul>")[0].split("</li>")
    nijmegen = next(card for card in cards if ">Nijmegen</a>" in card)
    assert "Een van de twee pilotgemeenten waar Aan de Slag is ontwikkeld en getest." in nijmegen
    assert "badge--example" in nijmegen


def test_a_reader_can_switch_the_language_of_the_search_page_keeping_the_words(client):
    content = client.get("/ti/zoeken/", {"q": "ወለንታዊ"}).content.decode()
    switcher = content.split("disclosure--languages")[1].split("</details>")[0]
    assert 'aria-current="true">ትግርኛ</a>' in switcher
    assert "naar=/ar/zoeken/%3Fq%3D" in switcher and 'lang="ar"' in switcher
