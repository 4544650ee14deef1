"""Template tags for programme content: footer organisations, charts, the map, stories."""

from django import template
from django.conf import settings

from wagtail.models import Locale

from home.caching.state import memo
from home.i18n import related_in_locale

from ..models import ActivityType, MunicipalityPage, Organisation, StoryPage, SupportRequestPage

register = template.Library()

# The Netherlands, roughly, as (longitude, latitude): enough to place a municipality.
NL_OUTLINE = [
    (3.37, 51.37), (3.55, 51.59), (3.83, 51.75), (4.02, 51.97), (4.42, 52.23), (4.56, 52.47),
    (4.64, 52.80), (4.72, 52.96), (4.85, 53.20), (5.40, 53.40), (6.20, 53.48), (6.90, 53.45),
    (7.20, 53.25), (7.05, 52.85), (7.07, 52.40), (6.70, 52.10), (6.15, 51.87), (5.95, 51.75),
    (6.20, 51.50), (6.08, 51.15), (6.02, 50.76), (5.70, 50.76), (5.75, 51.10), (5.50, 51.28),
    (5.05, 51.48), (4.55, 51.43), (4.25, 51.37),
]  # fmt: skip
MAP_WEST, MAP_NORTH, MAP_SCALE, MAP_X_SCALE = 3.3, 53.6, 100, 61.6  # 61.6 = 100 * cos(52°)


def _project(lon: float, lat: float) -> tuple[float, float]:
    return round((lon - MAP_WEST) * MAP_X_SCALE, 1), round((MAP_NORTH - lat) * MAP_SCALE, 1)


OUTLINE = " ".join(f"{x},{y}" for x, y in (_project(lon, lat) for lon, lat in NL_OUTLINE))


@register.inclusion_tag("components/footer_organisations.html")
def footer_organisations():
    organisations = related_in_locale(
        Organisation.objects.filter(show_in_footer=True, locale__language_code=settings.LANGUAGE_CODE),
        Locale.get_active(),
    ).order_by("name")
    return {
        "partners": [o for o in organisations if o.kind == Organisation.Kind.PARTNER],
        "funders": [o for o in organisations if o.kind == Organisation.Kind.FUNDER],
    }


@register.inclusion_tag("components/bar_chart.html")
def yearly_chart(figures, caption=""):
    """A bar chart of participants per year, drawn on the server as SVG (no JavaScript)."""
    figures = list(figures)
    top = max([f.participants for f in figures] + [f.volunteer_organisations for f in figures] + [1])
    # Value labels 14 px, centred over their bar with 6 px of air: legible, never touching.
    bar_width, gap, height, top_margin = 32, 24, 160, 26
    bars = []
    for i, figure in enumerate(figures):
        x = 40 + i * (2 * bar_width + gap)
        people = round(figure.participants / top * height)
        orgs = round(figure.volunteer_organisations / top * height)
        bars.append(
            {
                "year": figure.year,
                "x": x,
                "x2": x + bar_width,
                "label_x": x + bar_width,
                "people_label_x": x + bar_width / 2,
                "orgs_label_x": x + bar_width * 1.5,
                "people": figure.participants,
                "people_h": people,
                "people_y": top_margin + height - people,
                "people_label_y": top_margin + height - people - 6,
                "orgs": figure.volunteer_organisations,
                "orgs_h": orgs,
                "orgs_y": top_margin + height - orgs,
                "orgs_label_y": top_margin + height - orgs - 6,
            }
        )
    width = 40 + len(figures) * (2 * bar_width + gap)
    baseline = top_margin + height
    return {
        "bars": bars,
        "width": max(width, 200),
        "baseline": baseline,
        "year_y": baseline + 18,
        "figures": figures,
        "caption": caption,
    }


# Above this many municipalities, one dot per province: 342 labelled dots are unreadable
# and would weigh more than the rest of the page.
MAP_DOTS = 40


@register.inclusion_tag("components/municipality_map.html", takes_context=True)
def municipality_map(context, municipalities=None, title="", key="all"):
    """The map, or nothing when no municipality page exists in the reader's language.

    Dots link to municipality pages; linking Dutch ones from a Tigrinya page would switch
    the language silently, so only the active language's pages are drawn. With many
    municipalities, a dot per province links the list of that province's municipalities.
    """
    request = context.get("request")
    locale = Locale.get_active()
    if municipalities is None:
        municipalities = MunicipalityPage.objects.live().public().filter(locale=locale)

    def draw():
        located = municipalities.filter(latitude__isnull=False, longitude__isnull=False)
        if located.count() <= MAP_DOTS:
            points = [
                {"url": m.get_url(request), "label": m.title, "x": x, "y": y}
                for m in located.defer_streamfields()
                for x, y in [_project(float(m.longitude), float(m.latitude))]
            ]
        else:
            points = _province_points(located, locale, request)
        for point in points:
            point.update(label_x=point["x"] + 9, label_y=point["y"] + 4)
        return points

    # The same for every reader of a language (and filter): drawn once per content version.
    points = memo(("map", locale.pk, key), draw)
    return {"points": points, "outline": OUTLINE, "title": title, "request": request}


def _province_points(municipalities, locale, request) -> list[dict]:
    """A dot per province at the middle of its municipalities, with their number."""
    from ..models import MunicipalityIndexPage

    index = MunicipalityIndexPage.objects.live().filter(locale=locale).first()
    index_url = index.get_url(request) if index else ""
    groups: dict = {}
    for code, name, lon, lat in municipalities.values_list(
        "province__code", "province__name", "longitude", "latitude"
    ):
        groups.setdefault((name, code), []).append(_project(float(lon), float(lat)))
    return [
        {
            "url": f"{index_url}?provincie={code}",
            "label": f"{name} ({len(xy)})",
            "x": round(sum(x for x, _y in xy) / len(xy), 1),
            "y": round(sum(y for _x, y in xy) / len(xy), 1),
        }
        for (name, code), xy in sorted(groups.items())
    ]


@register.simple_tag
def support_request_page(locale=None):
    """The support request form in a language (None where it has none), read once per
    content version: linked from the footer's contact block, municipality pages and the
    municipalities' door, where municipal staff look for help."""
    locale = locale or Locale.get_active()

    def build():
        return SupportRequestPage.objects.live().public().filter(locale=locale).first()

    return memo(("support-request-page", locale.pk), build)


@register.simple_tag
def latest_stories(locale, count=3):
    """The newest stories in a language, read once per content version."""

    def build():
        return list(StoryPage.objects.live().public().filter(locale=locale).order_by("-date")[:count])

    return memo(("latest-stories", locale.pk, count), build)


@register.simple_tag
def kinds_of_volunteering():
    """Every activity type in the reader's language, Dutch where a translation is missing."""
    return related_in_locale(
        ActivityType.objects.filter(locale__language_code=settings.LANGUAGE_CODE), Locale.get_active()
    )
