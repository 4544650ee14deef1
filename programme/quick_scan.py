"""The quick scan: a local team rates itself on the statements of each success factor.

No account and no JavaScript: the form is a GET form, so the answers live in the address
(`?f1-1=3&f1-2=2...`: factor number, statement number, a value on the scale). The address
can be shared and printed; nothing is stored unless the team sends its result with a
support request. Editors write the statements and the advice on each factor's page.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from home.numbers import whole_number

from .models import SuccessFactorPage, SupportRequestPage

SCALE = [(1, _("Not yet")), (2, _("A little")), (3, _("Mostly")), (4, _("Fully"))]
VALUES = {value for value, _label in SCALE}
# A factor scoring below this share of the scale gets advice, weakest first, at most two.
WEAK_BELOW = 75
MOST_ADVICE = 2


@dataclass
class FactorResult:
    factor: SuccessFactorPage
    statements: list[dict] = field(default_factory=list)
    score: int | None = None  # 0-100, once every statement of the factor is answered

    @property
    def answered(self) -> bool:
        return self.score is not None


def parameter(number: int, position: int) -> str:
    return f"f{number}-{position}"


def read_answers(factors, query) -> tuple[list[FactorResult], bool]:
    """The factors with the answers the address holds; whether something was ignored."""
    results, ignored = [], False
    for factor in factors:
        result = FactorResult(factor)
        values = []
        for position, block in enumerate(factor.scan_statements, start=1):
            name = parameter(factor.number, position)
            raw = query.get(name, "")
            number = whole_number(raw)
            value = number if number in VALUES else None
            ignored |= bool(raw) and value is None
            result.statements.append({"name": name, "text": block.value, "value": value})
            values.append(value)
        if values and all(value is not None for value in values):
            # 1 on every statement is 0 %, 4 on every statement is 100 %.
            result.score = round(100 * (sum(values) - len(values)) / (3 * len(values)))
        results.append(result)
    return results, ignored


def weakest(results: list[FactorResult]) -> list[FactorResult]:
    scored = sorted(
        (r for r in results if r.answered and r.score < WEAK_BELOW), key=lambda r: (r.score, r.factor.number)
    )
    return scored[:MOST_ADVICE]


def summary(results: list[FactorResult]) -> str:
    """The result in a form a support request can carry: `1:75,2:50,...`."""
    return ",".join(f"{r.factor.number}:{r.score}" for r in results if r.answered)


def quick_scan_context(index, request) -> dict:
    factors = list(
        SuccessFactorPage.objects.child_of(index)
        .live()
        .public()
        .filter(locale=index.locale)
        .order_by("number")
    )
    results, ignored = read_answers(factors, request.GET)
    advice = []
    for result in weakest(results):
        guides = result.factor.related_pages("toolkit.GuidePage").order_by("title")[:3]
        case_studies = result.factor.related_pages("programme.CaseStudyPage").order_by("-date")[:3]
        advice.append(
            {
                "result": result,
                "guides": list(guides),
                "case_studies": list(case_studies),
                "all_guides_url": result.factor.listing_url("toolkit.GuidePage"),
                "all_case_studies_url": result.factor.listing_url("programme.CaseStudyPage"),
            }
        )
    complete = bool(results) and all(r.answered for r in results if r.statements)
    # The chart: one bar per factor on a track of 100 (so a score of 0 still shows its
    # row), 3 px per point, labelled with the factor's number and its score; the list
    # below it says the same in words.
    bars = [
        {"y": 4 + 24 * i, "width": 3 * r.score, "number": r.factor.number, "score": r.score}
        for i, r in enumerate(r for r in results if r.answered)
    ]
    support = SupportRequestPage.objects.live().filter(locale=index.locale).first()
    return {
        "scale": SCALE,
        "bars": bars,
        "chart_height": 8 + 24 * len(bars),
        "results": results,
        "complete": complete,
        "any_answer": any(s["value"] for r in results for s in r.statements),
        "advice": advice,
        "ignored_parameters": ignored,
        "support_url": f"{support.url}?scan={summary(results)}" if support and complete else "",
    }
