"""The quick scan: answers in the address, a score per factor, advice and reading for the
weakest factors in the reader's language, and nothing stored."""

import re

import pytest

from programme.models import SuccessFactorPage

pytestmark = pytest.mark.django_db
SCAN = "/nl/succesfactoren/quickscan/"


def answers(scores: dict[int, int], statements: int = 3) -> str:
    return "&".join(f"f{n}-{i}={value}" for n, value in scores.items() for i in range(1, statements + 1))


def advice_for(client, path) -> list[str]:
    return re.findall(r'<h3 id="advice-(\d)">', client.get(path).content.decode())


def test_the_scan_asks_every_statement_on_a_scale_without_javascript(client):
    html = client.get(SCAN).content.decode()
    factors = SuccessFactorPage.objects.filter(locale__language_code="nl")
    statements = sum(len(f.scan_statements) for f in factors)
    assert statements >= 18
    assert html.count('type="radio"') == 4 * statements
    assert '<form method="get"' in html and "<script" not in html.replace('type="application/ld+json">', "")


def test_different_answers_give_different_advice(client):
    low_on_3 = answers({1: 4, 2: 4, 3: 1, 4: 4, 5: 4, 6: 4})
    low_on_5_and_6 = answers({1: 4, 2: 4, 3: 4, 4: 4, 5: 2, 6: 1})
    assert advice_for(client, f"{SCAN}?{low_on_3}") == ["3"]
    assert advice_for(client, f"{SCAN}?{low_on_5_and_6}") == ["6", "5"]  # weakest first
    assert advice_for(client, f"{SCAN}?{answers(dict.fromkeys(range(1, 7), 4))}") == []


def test_the_weakest_factors_guides_and_case_studies_are_linked_in_the_readers_language(client):
    weak = SuccessFactorPage.objects.get(locale__language_code="nl", number=4)
    html = client.get(f"{SCAN}?{answers({1: 4, 2: 4, 3: 4, 4: 1, 5: 4, 6: 4})}").content.decode()
    section = html.split('id="advice-4"')[1].split("</section>")[0]
    guides = list(weak.related_pages("toolkit.GuidePage"))
    case_studies = list(weak.related_pages("programme.CaseStudyPage"))
    assert guides and case_studies
    for page in [*guides[:3], *case_studies[:3]]:
        assert f'href="{page.url}"' in section
    english = client.get(f"/en/succesfactoren/quickscan/?{answers({1: 4, 2: 4, 3: 4, 4: 1, 5: 4, 6: 4})}")
    section = english.content.decode().split('id="advice-4"')[1].split("</section>")[0]
    assert 'href="/en/' in section and 'href="/nl/' not in section


def test_the_result_has_a_text_equivalent_and_goes_to_a_support_request(client):
    html = client.get(f"{SCAN}?{answers({1: 4, 2: 3, 3: 2, 4: 1, 5: 4, 6: 4})}").content.decode()
    scores = re.findall(r"<strong>(\d+)</strong>/100", html)
    assert scores == ["100", "67", "33", "0", "100", "100"]
    assert 'aria-hidden="true"' in html.split('class="chart"')[1]
    link = re.search(r'href="(/nl/ondersteuning-op-maat/\?scan=[^"]+)"', html).group(1)
    assert link.endswith("scan=1:100,2:67,3:33,4:0,5:100,6:100")
    form = client.get(link).content.decode()
    assert 'value="1:100,2:67,3:33,4:0,5:100,6:100"' in form


def test_partial_or_odd_answers_never_break_the_scan(client):
    assert (
        "Answer every statement" in client.get(f"{SCAN}?f1-1=3").content.decode()
        or client.get(f"{SCAN}?f1-1=3").status_code == 200
    )
    for query in ("f1-1=9", "f1-1=-1", "f1-1=abc", "f99-1=3", "f1-1=3&f1-1=4", "f1-1=" + "9" * 50):
        response = client.get(f"{SCAN}?{query}")
        assert response.status_code == 200, query
    assert 'class="notice"' in client.get(f"{SCAN}?f1-1=9").content.decode()


def test_the_chart_labels_each_bar_and_shows_a_score_of_zero(client):
    from programme.models import SuccessFactorPage

    factors = SuccessFactorPage.objects.live().filter(locale__language_code="nl").order_by("number")
    all_not_yet = answers({factor.number: 1 for factor in factors})  # "not yet" everywhere: 0
    result = client.get(f"/nl/succesfactoren/quickscan/?{all_not_yet}").content.decode()
    chart = result.split('class="scan-chart"')[1].split("</svg>")[0]
    assert chart.count('width="300"') == factors.count()  # a track per factor, even at 0
    for factor in factors:
        assert f">{factor.number}</text>" in chart
    assert chart.count(">0</text>") == factors.count()
