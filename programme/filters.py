"""The filters of the case-study and municipality listings (home.filters explains how).

Each filter's `values` reads, for every item of a listing, the option values it has, in
one or two queries; home.filters keeps the result per language and content version.
"""

from collections import defaultdict

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from home.filters import FacetFilter, ListingFilterSet

from .models import ActivityType, CaseStudyPage, MunicipalityPage, Province, SuccessFactorPage


def factor_options(locale):
    return [
        (f.slug, f.title) for f in SuccessFactorPage.objects.live().filter(locale=locale).order_by("number")
    ]


def activity_options(locale):
    # By the fixed `key`, so the address is the same in every language.
    return [(a.key, a.name) for a in ActivityType.objects.filter(locale=locale).order_by("name")]


def province_options(locale):
    return [(p.code, p.name) for p in Province.objects.order_by("name")]


def _slug_by_key(model, locale) -> dict:
    """Option value (the slug or key in `locale`) by translation key; Dutch fills gaps."""
    field = "slug" if model is SuccessFactorPage else "key"
    rows = model.objects.filter(locale__language_code__in={locale.language_code, settings.LANGUAGE_CODE})
    found = {}
    for key, value, code in rows.values_list("translation_key", field, "locale__language_code"):
        if code == locale.language_code or key not in found:
            found[key] = value
    return found


def related_values(queryset, locale, field_name: str, target):
    """{pk: {option values}} through a many-to-many to factors or activity types, whatever
    language the relation was stored in."""
    field = queryset.model._meta.get_field(field_name)
    through = field.remote_field.through
    value_of = _slug_by_key(target, locale)
    found = defaultdict(set)
    rows = through.objects.filter(**{f"{field.m2m_field_name()}__in": queryset.values("pk")}).values_list(
        field.m2m_field_name(), f"{field.m2m_reverse_field_name()}__translation_key"
    )
    for pk, key in rows:
        if key in value_of:
            found[pk].add(value_of[key])
    return found


def factor_filter(field_name: str, label) -> FacetFilter:
    """The success-factor choice, through the listing's many-to-many `field_name`."""
    return FacetFilter(
        label=label,
        options=factor_options,
        values=lambda queryset, locale: related_values(queryset, locale, field_name, SuccessFactorPage),
    )


def recognition_filter() -> FacetFilter:
    """The recognition level (programme.models.recognition), in the listing's language."""
    from .models.recognition import Recognition

    return FacetFilter(
        label=_("Recognition"),
        options=lambda locale: [(value, label) for value, label in Recognition.choices if value],
        values=field_values("recognition"),
        localized_values=True,
    )


def field_values(field: str):
    return lambda queryset, locale: {pk: {value} for pk, value in queryset.values_list("pk", field) if value}


def case_study_provinces(queryset, locale):
    """A case study's province is its parent municipality's."""
    parents = dict(MunicipalityPage.objects.filter(locale=locale).values_list("path", "province__code"))
    return {
        pk: {parents[path[: -Page.steplen]]}
        for pk, path in queryset.values_list("pk", "path")
        if path[: -Page.steplen] in parents
    }


def case_study_activities(queryset, locale):
    value_of = _slug_by_key(ActivityType, locale)
    rows = queryset.values_list("pk", "activity_type__translation_key")
    return {pk: {value_of[key]} for pk, key in rows if key in value_of}


class CaseStudyFilter(ListingFilterSet):
    succesfactor = factor_filter("success_factors", _("Success factor"))
    activiteit = FacetFilter(
        label=_("Kind of activity"), options=activity_options, values=case_study_activities
    )
    provincie = FacetFilter(label=_("Province"), options=province_options, values=case_study_provinces)
    jaar = FacetFilter(
        label=_("Year"),
        options=lambda locale: [
            (year, year)
            for year in CaseStudyPage.objects.live()
            .filter(locale=locale)
            .order_by("-date__year")
            .values_list("date__year", flat=True)
            .distinct()
        ],
        values=field_values("date__year"),
    )
    erkenning = recognition_filter()

    class Meta:
        model = CaseStudyPage
        fields: list[str] = []


class MunicipalityFilter(ListingFilterSet):
    provincie = FacetFilter(
        label=_("Province"), options=province_options, values=field_values("province__code")
    )
    status = FacetFilter(
        label=_("Status"),
        options=lambda locale: MunicipalityPage.Status.choices,
        values=field_values("status"),
        localized_values=True,
    )
    activiteit = FacetFilter(
        label=_("Kind of activity"),
        options=activity_options,
        values=lambda queryset, locale: related_values(queryset, locale, "activities", ActivityType),
    )
    succesfactor = factor_filter("success_factors_applied", _("Success factor applied"))

    class Meta:
        model = MunicipalityPage
        fields: list[str] = []
