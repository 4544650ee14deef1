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
from django.utils.translation import gettext, pgettext_lazy

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
            "is_example",
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
                "example": row["is_example"],
                "province": row["province__code"],
                "province_name": row["province__name"],
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


def examples_note(figures: NationalFigures) -> str:
    count = sum(1 for m in figures.municipalities if m["example"])
    if not count:
        return ""
    return gettext(
        "%(count)s of these municipalities hold invented example figures (example: true); "
        "they are not facts about the programme."
    ) % {"count": count}


def as_json(figures: NationalFigures, source_url: str) -> dict:
    """Labels in the active language beside every code; example records flagged."""
    return {
        "title": "Aan de Slag: gemeenten en cijfers",
        "publisher": "Pharos",
        "examples": sum(1 for m in figures.municipalities if m["example"]),
        "examples_note": examples_note(figures),
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
        # Labels added here, not in the figures, which are kept for every language.
        "municipalities": [{**m, "status_label": status_label(m["status"])} for m in figures.municipalities],
    }


def status_label(code: str) -> str:
    return str(MunicipalityPage.Status(code).label) if code in MunicipalityPage.Status.values else code


# Column names per language (the file's language is the page's); codes stay beside the
# labels (the CBS code, the province and status codes), so files in two languages join.
CSV_COLUMNS = {
    "cbs_code": pgettext_lazy("CSV column", "cbs_code"),
    "name": pgettext_lazy("CSV column", "municipality"),
    "example": pgettext_lazy("CSV column", "example"),
    "province": pgettext_lazy("CSV column", "province"),
    "province_name": pgettext_lazy("CSV column", "province_name"),
    "status": pgettext_lazy("CSV column", "status"),
    "status_label": pgettext_lazy("CSV column", "status_label"),
    "participating_since": pgettext_lazy("CSV column", "participating_since"),
    "azc_locations": pgettext_lazy("CSV column", "azc_locations"),
    "year": pgettext_lazy("CSV column", "year"),
    "participants": pgettext_lazy("CSV column", "participants"),
    "volunteer_organisations": pgettext_lazy("CSV column", "volunteer_organisations"),
    "as_of": pgettext_lazy("CSV column", "as_of"),
    "licence": pgettext_lazy("CSV column", "licence"),
}


def as_csv(figures: NationalFigures) -> str:
    """One row per municipality and year (a municipality without figures: one row without
    a year); the date and the licence on every row, so no row travels without them, and
    whether the row is an invented example ("true")."""
    out = io.StringIO()
    writer = spreadsheets.writer(out, lineterminator="\n")
    writer.writerow([str(label) for label in CSV_COLUMNS.values()])
    for m in figures.municipalities:
        base = [
            m["cbs_code"],
            m["name"],
            "true" if m["example"] else "false",
            m["province"],
            m["province_name"],
            m["status"],
            status_label(m["status"]),
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


EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"
EU_LANGUAGE = "http://publications.europa.eu/resource/authority/language/"
EU_THEME = "http://publications.europa.eu/resource/authority/data-theme/SOCI"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def as_dcat(
    figures: NationalFigures, *, page_url: str, csv_url: str, json_url: str, contact_email: str
) -> dict:
    """The open data described as a DCAT-AP-NL catalogue (JSON-LD) that data portals
    (data.overheid.nl) can harvest: one dataset, its two distributions, publisher,
    contact, licence, languages, theme and the years it covers."""
    licence = LICENCE_URLS.get(figures.licence, figures.licence)
    years = [year.year for year in figures.years]
    publisher = {"@type": "foaf:Agent", "foaf:name": "Pharos", "@id": "https://www.pharos.nl/"}

    def distribution(url, file_type, media_type, title):
        return {
            "@type": "dcat:Distribution",
            "@id": url,
            "dct:title": title,
            "dcat:accessURL": {"@id": url},
            "dcat:downloadURL": {"@id": url},
            "dct:format": {"@id": EU_FILE_TYPE + file_type},
            "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
            "dct:license": {"@id": licence},
        }

    dataset = {
        "@type": "dcat:Dataset",
        "@id": f"{page_url}#gemeenten-en-cijfers",
        "dct:identifier": f"{page_url}#gemeenten-en-cijfers",
        "dct:title": [
            {"@language": "nl", "@value": "Aan de Slag: gemeenten en cijfers"},
            {"@language": "en", "@value": "Aan de Slag: municipalities and figures"},
        ],
        "dct:description": [
            {
                "@language": "nl",
                "@value": "Gemeenten die meedoen aan Aan de Slag (vrijwilligerswerk voor bewoners van "
                "azc's en statushouders), met status, provincie, azc-locaties en per jaar het aantal "
                "deelnemers en vrijwilligersorganisaties. Geteld uit de gemeentepagina's van deze site."
                + (" " + examples_note(figures) if examples_note(figures) else ""),
            }
        ],
        "dct:publisher": publisher,
        "dcat:contactPoint": {
            "@type": "vcard:Organization",
            "vcard:fn": "Pharos, Aan de Slag",
            "vcard:hasEmail": {"@id": f"mailto:{contact_email}"},
        },
        "dct:license": {"@id": licence},
        "dct:language": [{"@id": EU_LANGUAGE + "NLD"}, {"@id": EU_LANGUAGE + "ENG"}],
        "dcat:theme": {"@id": EU_THEME},
        "dcat:keyword": ["vrijwilligerswerk", "statushouders", "azc", "gemeenten"],
        "dct:spatial": {"@id": "http://publications.europa.eu/resource/authority/country/NLD"},
        "dct:modified": {"@type": "xsd:date", "@value": figures.as_of.isoformat()},
        "dcat:landingPage": {"@id": page_url},
        "dcat:distribution": [
            distribution(csv_url, "CSV", "text/csv", "CSV"),
            distribution(json_url, "JSON", "application/json", "JSON"),
        ],
    }
    if years:
        dataset["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@type": "xsd:gYear", "@value": str(min(years))},
            "dcat:endDate": {"@type": "xsd:gYear", "@value": str(max(years))},
        }
    return {
        "@context": CONTEXT,
        "@type": "dcat:Catalog",
        "@id": f"{page_url}#catalogus",
        "dct:title": {"@language": "nl", "@value": "Open data van Aan de Slag"},
        "dct:description": {
            "@language": "nl",
            "@value": "De open data van het programma Aan de Slag van Pharos en partners.",
        },
        "dct:publisher": publisher,
        "dct:license": {"@id": licence},
        "dcat:dataset": [dataset],
    }
