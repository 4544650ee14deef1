"""National figures computed from the municipality pages, and published as open data.

The Dutch municipality pages are the source: one per municipality (translations share
the CBS code and the figures). Everything here is counted from the live, public pages, so
the chart on the programme page, the CSV and the JSON always agree with the pages.
"""

import datetime
import io
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, Sum

from home import spreadsheets

from .models import MunicipalityPage, Province, YearlyFigure

DEFAULT_LICENCE = "CC BY 4.0"
LICENCE_URLS = {"CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/deed.nl"}


@dataclass
class YearTotal:
    year: int
    participants: int
    volunteer_organisations: int


@dataclass
class NationalFigures:
    as_of: datetime.date
    licence: str
    municipalities: list[dict] = field(default_factory=list)
    by_status: dict[str, int] = field(default_factory=dict)
    by_province: list[dict] = field(default_factory=list)
    azc_locations: int = 0
    years: list[YearTotal] = field(default_factory=list)

    @property
    def taking_part(self) -> int:
        """Municipalities taking part now: piloting, participating or continuing alone."""
        return sum(n for status, n in self.by_status.items() if status != MunicipalityPage.Status.FINISHED)


def source_pages():
    return MunicipalityPage.objects.live().public().filter(locale__language_code=settings.LANGUAGE_CODE)


def national_figures(licence: str = "") -> NationalFigures:
    """Four queries, whatever the number of municipalities."""
    pages = source_pages()
    rows = list(
        pages.annotate(azc_count=Count("azc_locations", distinct=True))
        .order_by("cbs_code")
        .values(
            "pk",
            "cbs_code",
            "title",
            "status",
            "participating_since",
            "province__code",
            "province__name",
            "azc_count",
        )
    )
    per_page_years = defaultdict(dict)
    for figure in YearlyFigure.objects.filter(page__in=pages).values(
        "page_id", "year", "participants", "volunteer_organisations"
    ):
        per_page_years[figure["page_id"]][figure["year"]] = figure
    totals = (
        YearlyFigure.objects.filter(page__in=pages)
        .values("year")
        .annotate(participants=Sum("participants"), organisations=Sum("volunteer_organisations"))
        .order_by("year")
    )
    provinces = {p.code: p.name for p in Province.objects.all()}
    statuses = Counter(row["status"] for row in rows)
    per_province = Counter(row["province__code"] for row in rows)
    figures = NationalFigures(
        as_of=datetime.date.today(),
        licence=licence or DEFAULT_LICENCE,
        by_status={value: statuses.get(value, 0) for value in MunicipalityPage.Status.values},
        by_province=[
            {"code": code, "name": name, "municipalities": per_province.get(code, 0)}
            for code, name in sorted(provinces.items(), key=lambda item: item[1])
        ],
        azc_locations=sum(row["azc_count"] for row in rows),
        years=[YearTotal(t["year"], t["participants"], t["organisations"]) for t in totals],
    )
    for row in rows:
        figures.municipalities.append(
            {
                "cbs_code": row["cbs_code"],
                "name": row["title"],
                "province": row["province__code"],
                "status": row["status"],
                "participating_since": row["participating_since"],
                "azc_locations": row["azc_count"],
                "years": [
                    {
                        "year": year,
                        "participants": figure["participants"],
                        "volunteer_organisations": figure["volunteer_organisations"],
                    }
                    for year, figure in sorted(per_page_years[row["pk"]].items())
                ],
            }
        )
    return figures


def as_json(figures: NationalFigures, source_url: str) -> dict:
    return {
        "title": "Aan de Slag: gemeenten en cijfers",
        "publisher": "Pharos",
        "as_of": figures.as_of.isoformat(),
        "licence": figures.licence,
        "licence_url": LICENCE_URLS.get(figures.licence, ""),
        "source": source_url,
        "identifiers": "CBS gemeentecode (GMxxxx)",
        "totals": {
            "municipalities": len(figures.municipalities),
            "taking_part": figures.taking_part,
            "by_status": figures.by_status,
            "by_province": figures.by_province,
            "azc_locations": figures.azc_locations,
            "years": [vars(year) for year in figures.years],
        },
        "municipalities": figures.municipalities,
    }


CSV_COLUMNS = [
    "cbs_code", "gemeente", "provincie", "status", "doet_mee_sinds", "azc_locaties",
    "jaar", "deelnemers", "vrijwilligersorganisaties", "peildatum", "licentie",
]  # fmt: skip


def as_csv(figures: NationalFigures) -> str:
    """One row per municipality and year (a municipality without figures: one row without
    a year); the date and the licence on every row, so no row travels without them."""
    out = io.StringIO()
    writer = spreadsheets.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for m in figures.municipalities:
        base = [
            m["cbs_code"],
            m["name"],
            m["province"],
            m["status"],
            m["participating_since"] or "",
            m["azc_locations"],
        ]
        tail = [figures.as_of.isoformat(), figures.licence]
        for year in m["years"] or [None]:
            numbers = (
                [year["year"], year["participants"], year["volunteer_organisations"]]
                if year
                else ["", "", ""]
            )
            writer.writerow([*base, *numbers, *tail])
    return out.getvalue()


def register_key_figures() -> None:
    """The counts home's key-figure block can show instead of a typed number."""
    from home import key_figures

    from .models import ActivityType, SuccessFactorPage

    key_figures.register(
        "municipalities", lambda: source_pages().exclude(status=MunicipalityPage.Status.FINISHED).count()
    )
    key_figures.register(
        "success_factors",
        lambda: SuccessFactorPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).count(),
    )
    key_figures.register(
        "activity_types",
        lambda: ActivityType.objects.filter(locale__language_code=settings.LANGUAGE_CODE).count(),
    )
