"""Search as readers type it, in every script: a held-out table of queries per language
with the page each must find first and the language nothing may come from.

The suite runs on SQLite and again on PostgreSQL (CI), with this same table: the first
result is the same on both databases (home.search orders both alike).
"""

import re

import pytest

pytestmark = pytest.mark.django_db

# (language, query as a reader types it, the page it must find first)
TABLE = [
    # Typing errors, forgiven through the vocabulary.
    ("nl", "vrijwiligerswerk", "/nl/nieuwkomers/wat-is-vrijwilligerswerk/"),
    ("nl", "ambasadeur", "/nl/handreikingen/werven-met-ambassadeurs/"),
    ("nl", "gemeenetn", "/nl/gemeenten/"),  # a swapped pair of letters
    ("en", "ambasador", "/en/handreikingen/werven-met-ambassadeurs/"),
    # Word forms: Snowball stems on both sides.
    ("nl", "gemeente", "/nl/gemeenten/"),
    ("nl", "ambassadeurs", "/nl/handreikingen/werven-met-ambassadeurs/"),
    # Arabic: the article, and alef without its hamza.
    ("ar", "تطوع", "/ar/nieuwkomers/wat-is-vrijwilligerswerk/"),
    ("ar", "التطوع", "/ar/nieuwkomers/wat-is-vrijwilligerswerk/"),
    ("ar", "اوترخت", "/ar/nieuwkomers/in-utrecht/"),
    ("ar", "أوترخت", "/ar/nieuwkomers/in-utrecht/"),
    # Persian typed on an Arabic keyboard (Arabic yeh and kaf).
    ("fa", "كار داوطلبي", "/fa/nieuwkomers/wat-is-vrijwilligerswerk/"),
    # Languages without a stemmer: a different ending still finds the word.
    ("ti", "ትርጉም", "/ti/toegankelijkheid/"),  # the page says ትርጉማት
    ("uk", "волонтерстві", "/uk/nieuwkomers/wat-is-vrijwilligerswerk/"),
    # A municipality's opportunities and places, on its pages and its newcomer page.
    ("nl", "sport Utrecht", "/nl/gemeenten/utrecht/"),
    ("nl", "tuin Nijmegen", "/nl/gemeenten/nijmegen/"),
]
NEWCOMER_PAGES = [
    ("nl", "sport Utrecht", "/nl/nieuwkomers/in-utrecht/"),
    ("nl", "tuin Nijmegen", "/nl/nieuwkomers/in-nijmegen/"),  # Dutch "buurttuinen" holds "tuin"
    ("ti", "ስፖርት Utrecht", "/ti/nieuwkomers/in-utrecht/"),
    ("ar", "رياضة Utrecht", "/ar/nieuwkomers/in-utrecht/"),
]


def result_links(client, code, query) -> list[str]:
    response = client.get(f"/{code}/zoeken/", {"q": query})
    assert response.status_code == 200
    return re.findall(r'class="card__title"><a href="([^"]+)"', response.content.decode())


@pytest.mark.parametrize(("code", "query", "first"), TABLE)
def test_each_query_finds_the_page_it_means_first_and_nothing_of_another_language(client, code, query, first):
    links = result_links(client, code, query)
    assert links, f"{query!r} finds nothing in {code}"
    assert links[0] == first, links
    assert all(link.startswith(f"/{code}/") for link in links), links


@pytest.mark.parametrize(("code", "query", "page"), NEWCOMER_PAGES)
def test_a_newcomer_finds_the_page_of_a_municipality_by_what_is_on_offer_there(client, code, query, page):
    assert page in result_links(client, code, query)


@pytest.mark.parametrize("code", ["en", "nl", "ar", "ti"])
def test_a_place_name_every_language_shares_finds_only_the_readers_language(client, code):
    links = result_links(client, code, "Nijmegen")
    assert links and all(link.startswith(f"/{code}/") for link in links), links


def test_a_search_that_finds_nothing_suggests_words_that_find_something(client):
    content = client.get("/nl/zoeken/", {"q": "ambassadeur zwembadxqv"}).content.decode()
    suggestion = re.search(r'class="search-suggestion">(.*?)</p>', content, re.S)
    assert suggestion, "no suggestion offered"
    assert "Bedoelde u" in suggestion.group(1)
    link = re.search(r'href="([^"]+)"', suggestion.group(1)).group(1)
    assert link == "/nl/zoeken/?q=ambassadeur"
    assert result_links(client, "nl", "ambassadeur")


def test_a_suggestion_is_never_offered_when_it_would_find_nothing_either(client):
    content = client.get("/nl/zoeken/", {"q": "qxzvwk"}).content.decode()
    assert "search-suggestion" not in content


def test_a_suggestion_never_names_a_word_only_an_unpublished_page_holds(client, demo_page):
    guide = demo_page("handreikingen/werven-met-ambassadeurs")
    guide.title = "Bewoners werven met zeldzaamwoordje"
    guide.save_revision().publish()
    guide.unpublish()
    content = client.get("/nl/zoeken/", {"q": "zeldzaamwoordj"}).content.decode()
    assert "zeldzaamwoordje" not in content.split('role="status"')[1]


def test_the_newcomer_page_is_found_by_an_opportunity_added_later(client, demo_page):
    from programme.models import ActivityType, MunicipalityPage, VolunteeringOpportunity

    utrecht = MunicipalityPage.objects.get(locale__language_code="nl", slug="utrecht")
    sport = ActivityType.objects.get(locale=utrecht.locale, key="sport")
    VolunteeringOpportunity.objects.create(
        page=utrecht, activity=sport, place="Zwembad Krommerijn", days=["sat"], contact="coordinator"
    )
    assert "/nl/nieuwkomers/in-utrecht/" not in result_links(client, "nl", "Krommerijn")
    utrecht.save_revision().publish()
    assert "/nl/nieuwkomers/in-utrecht/" in result_links(client, "nl", "Krommerijn")
