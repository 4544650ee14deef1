"""The filters of the case-study and municipality listings (home.filters explains how)."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.filters import FacetFilter, ListingFilterSet

from .models import ActivityType, CaseStudyPage, MunicipalityPage, Province, SuccessFactorPage


def factor_options(locale):
    factors = SuccessFactorPage.objects.live().filter(locale=locale).order_by("number")
    return [(f.slug, f.title, f.translation_key) for f in factors]


def activity_options(locale):
    # Keyed by the fixed `key`, so the address is the same in every language.
    return [
        (a.key, a.name, a.translation_key)
        for a in ActivityType.objects.filter(locale=locale).order_by("name")
    ]


def province_options(locale):
    return [(p.code, p.name, p.pk) for p in Province.objects.order_by("name")]


class CaseStudyFilter(ListingFilterSet):
    succesfactor = FacetFilter(
        label=_("Success factor"),
        options=factor_options,
        option_q=lambda key: SuccessFactorPage.named_by_key(CaseStudyPage, key),
    )
    activiteit = FacetFilter(
        label=_("Kind of activity"),
        options=activity_options,
        option_q=lambda key: Q(activity_type__translation_key=key),
    )
    provincie = FacetFilter(
        label=_("Province"),
        options=province_options,
        option_q=lambda key: Exists(
            # The case study's parent: its tree path less its own last step.
            MunicipalityPage.objects.filter(
                province_id=key, path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)
            )
        ),
    )
    jaar = FacetFilter(
        label=_("Year"),
        options=lambda locale: [
            (year, year, year)
            for year in CaseStudyPage.objects.live()
            .filter(locale=locale)
            .order_by("-date__year")
            .values_list("date__year", flat=True)
            .distinct()
        ],
        option_q=lambda year: Q(date__year=year),
    )

    class Meta:
        model = CaseStudyPage
        fields: list[str] = []


class MunicipalityFilter(ListingFilterSet):
    provincie = FacetFilter(
        label=_("Province"), options=province_options, option_q=lambda key: Q(province_id=key)
    )
    status = FacetFilter(
        label=_("Status"),
        options=lambda locale: [(value, label, value) for value, label in MunicipalityPage.Status.choices],
        option_q=lambda key: Q(status=key),
    )
    activiteit = FacetFilter(
        label=_("Kind of activity"),
        options=activity_options,
        option_q=lambda key: Exists(
            MunicipalityPage.activities.through.objects.filter(
                municipalitypage_id=OuterRef("pk"), activitytype__translation_key=key
            )
        ),
    )
    succesfactor = FacetFilter(
        label=_("Success factor applied"),
        options=factor_options,
        option_q=lambda key: Exists(
            MunicipalityPage.success_factors_applied.through.objects.filter(
                municipalitypage_id=OuterRef("pk"), successfactorpage__translation_key=key
            )
        ),
    )

    class Meta:
        model = MunicipalityPage
        fields: list[str] = []
