"""A reader stays in one language: links, lists, choosers, drafts of translations, search."""

from collections import deque
from html.parser import HTMLParser

from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from wagtail.models import Locale, Page

import pytest

from home.caching.state import new_version
from programme.models import CaseStudyPage, SuccessFactorPage
from tests.factories import CaseStudyPageFactory, GuidePageFactory
from tests.measure import count_queries
from toolkit.models import GuidePage, NewcomerPage

pytestmark = pytest.mark.django_db
LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


class MainLinks(HTMLParser):
    """The links inside <main>, with their lang and hreflang, and the hrefs of each list."""

    def __init__(self):
        super().__init__()
        self.depth = 0  # > 0 inside <main>
        self.links = []
        self.lists = []  # one list of hrefs per <ul>/<ol> in <main>
        self.open_lists = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "main":
            self.depth += 1
        if not self.depth:
            return
        if tag in ("ul", "ol"):
            self.open_lists.append([])
        elif tag == "a" and attrs.get("href"):
            self.links.append(attrs)
            if self.open_lists:
                self.open_lists[-1].append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.depth -= 1
        elif self.depth and tag in ("ul", "ol") and self.open_lists:
            self.lists.append(self.open_lists.pop())


def language_of(href: str) -> str | None:
    parts = href.split("/")
    return parts[1] if href.startswith("/") and len(parts) > 2 and parts[1] in LANGUAGE_CODES else None


@pytest.mark.parametrize("code", ["nl", "en", "ar", "ti"])
def test_every_link_in_main_stays_in_the_page_language_and_no_list_repeats(client, code):
    seen, queue, problems = set(), deque([f"/{code}/"]), []
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        parser = MainLinks()
        parser.feed(response.content.decode())
        for attrs in parser.links:
            href = attrs["href"].split("#")[0].split("?")[0]
            target = language_of(href)
            if target is None:
                continue
            if target != code:
                if attrs.get("hreflang") != target or attrs.get("lang") != target:
                    problems.append(f"{path} links {href} without lang/hreflang {target}")
            elif href not in seen and attrs.get("type", "text/html") == "text/html":
                # A link that declares another type (the PDFs) is checked for its language
                # above but not fetched: rendering PDFs is their own tests' work.
                queue.append(href)
        for hrefs in parser.lists:
            hrefs = [href for href in hrefs if language_of(href)]  # pages, not e-mail addresses
            if len(hrefs) != len(set(hrefs)):
                problems.append(f"{path} lists the same link twice: {hrefs}")
    assert len(seen) > 5, seen  # the crawl reached the site
    assert not problems, "\n".join(problems)


def test_a_list_never_shows_both_translations_of_one_page(client, demo_page):
    """The Dutch and English guides share a translation key; a list shows one of them."""
    factor = demo_page("succesfactoren/laagdrempelig")
    content = client.get("/nl/succesfactoren/laagdrempelig/").content.decode()
    guides = GuidePage.objects.live().filter(
        locale__language_code="nl", success_factors__translation_key=factor.translation_key
    )
    assert guides.exists()
    for guide in guides:
        assert content.count(f'href="{guide.url}"') == 1
    assert 'href="/en/' not in content.split("<main")[1].split("</main>")[0]


def factor_lists(client, path: str) -> tuple[set[str], set[str]]:
    main = client.get(path).content.decode().split("<main")[1].split("</main>")[0]
    return main


def test_english_factor_pages_list_english_guides_and_case_studies(client):
    factor = SuccessFactorPage.objects.get(locale__language_code="en", slug="laagdrempelig")
    main = factor_lists(client, factor.url)
    english_guides = GuidePage.objects.live().filter(
        locale=factor.locale, success_factors__translation_key=factor.translation_key
    )
    english_cases = CaseStudyPage.objects.live().filter(
        locale=factor.locale, success_factors__translation_key=factor.translation_key
    )
    assert english_guides.exists() and english_cases.exists()
    for page in [*english_guides, *english_cases]:
        assert f'href="{page.url}"' in main, page.url
    assert 'href="/nl/' not in main


def test_dutch_factor_pages_list_only_dutch_guides_and_case_studies(client):
    factor = SuccessFactorPage.objects.get(locale__language_code="nl", slug="laagdrempelig")
    main = factor_lists(client, factor.url)
    assert 'href="/nl/handreikingen/' in main and 'href="/nl/gemeenten/' in main
    assert 'href="/en/' not in main


@pytest.mark.parametrize("code", ["nl", "en"])
def test_factor_lists_cost_the_same_queries_with_1_or_50_items(client, code):
    factor = SuccessFactorPage.objects.get(locale__language_code=code, slug="samen-in-groepjes")
    municipality = Page.objects.get(locale=factor.locale, slug="nijmegen").specific
    guides = Page.objects.get(locale=factor.locale, slug="handreikingen")
    # Leave exactly one guide and one case study on the factor, then add 49 of each.
    for model in (GuidePage, CaseStudyPage):
        linked = model.objects.filter(success_factors=factor)
        for page in linked[1:]:
            page.success_factors.remove(factor)
            page.save()
    count_queries(client, factor.url)
    one = count_queries(client, factor.url)
    for _ in range(49):
        CaseStudyPageFactory(parent=municipality, success_factors=[factor], locale=factor.locale)
        GuidePageFactory(parent=guides, success_factors=[factor], locale=factor.locale)
    # Factories add live pages without publishing them, as a bulk import does; such an
    # import then makes kept content stale once (grow_national does the same).
    new_version()
    fifty = count_queries(client, factor.url)
    assert one == fifty, (one, fifty)
    # A few of each are listed; the filtered listings hold all of them.
    assert client.get(factor.url).content.decode().count('class="card"') == 2 * SuccessFactorPage.listed


def test_a_translated_page_stores_relations_in_its_own_language(demo_page):
    dutch = demo_page("handreikingen/matchen")
    english = dutch.get_translation(Locale.objects.get(language_code="en"))
    factors = list(english.success_factors.all())
    assert factors and {f.locale.language_code for f in factors} == {"en"}


def test_admin_choosers_offer_only_the_page_language_as_checkboxes(admin_client, demo_page):
    case = CaseStudyPage.objects.filter(locale__language_code="nl").first()
    content = admin_client.get(reverse("wagtailadmin_pages:edit", args=[case.id])).content.decode()
    dutch = SuccessFactorPage.objects.filter(locale__language_code="nl")
    english = SuccessFactorPage.objects.filter(locale__language_code="en")
    for factor in dutch:
        assert f'type="checkbox" name="success_factors" value="{factor.pk}"' in content
    for factor in english:
        assert f'name="success_factors" value="{factor.pk}"' not in content
    assert "multiple" not in content.split('name="success_factors"')[0].rsplit("<", 1)[-1]


def submit_for_translation(admin_client, page, code: str):
    locale = Locale.objects.get(language_code=code)
    url = reverse("wagtail_localize:submit_page_translation", args=[page.id])
    response = admin_client.post(url, {"locales": [locale.id]})
    assert response.status_code == 302, response.content.decode()[:500]
    return page.get_translation(locale)


def test_a_page_sent_for_translation_stays_a_draft_until_a_person_publishes_it(
    admin_client, demo_page, django_capture_on_commit_callbacks
):
    from home.editorial.translation_status import translation_report
    from toolkit.demo import translation_for

    new = NewcomerPage(
        title="Sporten met buren", slug="sporten", intro="Samen sporten.", how_to_join="<p>Vraag het.</p>",
        who_to_ask="De sportcoach op het azc.",
    )  # fmt: skip
    demo_page("nieuwkomers").add_child(instance=new)
    new.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        somali = submit_for_translation(admin_client, new, "so")
    somali.refresh_from_db()
    assert not somali.live

    response = admin_client.get("/so/nieuwkomers/sporten/")
    assert response.status_code == 404
    content = response.content.decode()
    assert 'lang="so"' in content and "Samen sporten." not in content
    assert 'hreflang="nl"' in content  # links the language it has
    section = admin_client.get("/so/nieuwkomers/").content.decode()
    assert "/so/nieuwkomers/sporten/" not in section

    rows = {row["source"].pk: row for row in translation_report_for("so", translation_report)}
    assert rows[new.pk]["status"] == "in_progress"
    assert rows[new.pk]["percent"] < 100
    status_page = admin_client.get(reverse("translation_status"), {"language": "so"}).content.decode()
    assert "In progress" in status_page or "Bezig" in status_page

    # A translator fills in every segment and publishes: now it is live and current.
    translation = translation_for(new, somali.locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = entry.msgid if entry.msgctxt == "slug" else f"[so] {entry.msgid}"
    translation.import_po(po)
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)
    assert admin_client.get("/so/nieuwkomers/sporten/").status_code == 200
    rows = {row["source"].pk: row for row in translation_report_for("so", translation_report)}
    assert rows[new.pk]["status"] == "current"


def translation_report_for(code, translation_report):
    return next(entry for entry in translation_report() if entry["code"] == code)["pages"]


def test_the_demo_loader_fails_loudly_on_a_missing_translation(demo_page):
    new = NewcomerPage(
        title="Een zin zonder vertaling", slug="zonder-vertaling", intro="Deze zin heeft geen vertaling.",
        how_to_join="<p>Vraag het.</p>", who_to_ask="COA",
    )  # fmt: skip
    demo_page("nieuwkomers").add_child(instance=new)
    new.save_revision().publish()
    with pytest.raises(CommandError, match="Deze zin heeft geen vertaling"):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.parametrize("code", ["nl", "en"])
def test_search_matches_word_forms(client, code):
    plural = "ambassadeurs" if code == "nl" else "ambassadors"
    singular = "ambassadeur" if code == "nl" else "ambassador"

    def results(query):
        content = client.get(f"/{code}/zoeken/", {"q": query}).content.decode()
        return {part.split('"')[0] for part in content.split('class="card__title"><a href="')[1:]}

    found = results(plural)
    assert found, f"{plural} finds nothing"
    assert results(singular) >= found


def test_search_on_arabic_returns_only_arabic_pages(client):
    content = client.get("/ar/zoeken/", {"q": "التطوع"}).content.decode()
    hrefs = [part.split('"')[0] for part in content.split('class="card__title"><a href="')[1:]]
    assert hrefs and all(href.startswith("/ar/") for href in hrefs)


@pytest.mark.parametrize("query", ["-", "--", '"', "*", "- * --", "'", "-'-"])
def test_punctuation_only_searches_answer_the_empty_results_page(client, query):
    response = client.get("/nl/zoeken/", {"q": query})
    assert response.status_code == 200


def test_a_person_cannot_be_linked_to_an_organisation_in_another_language(admin_client):
    from programme.models import Organisation, Person

    english = Locale.objects.get(language_code="en")
    dutch = Organisation.objects.filter(locale__language_code="nl").first()
    organisation = dutch.copy_for_translation(english)
    organisation.save()
    person = Person.objects.create(name="Sam", role="adviser", locale=english, organisation=organisation)
    data = {"name": "Sam", "role": "adviser", "email": "", "phone": "", "organisation": dutch.pk}
    response = admin_client.post(f"/admin/snippets/programme/person/edit/{person.pk}/", data)
    assert response.status_code == 200  # the form again, with an error on the field
    person.refresh_from_db()
    assert person.organisation_id == organisation.pk
