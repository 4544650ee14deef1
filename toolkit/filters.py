"""The filters of the guide listing (home.filters explains how)."""

from django.utils.translation import gettext_lazy as _

from home.filters import FacetFilter, ListingFilterSet
from programme.filters import factor_filter, field_values, recognition_filter

from .models import GuidePage


class GuideFilter(ListingFilterSet):
    voor = FacetFilter(
        label=_("For"),
        options=lambda locale: GuidePage.Audience.choices,
        values=field_values("audience"),
        localized_values=True,
    )
    fase = FacetFilter(
        label=_("Phase"),
        options=lambda locale: GuidePage.Phase.choices,
        values=field_values("phase"),
        localized_values=True,
    )
    succesfactor = factor_filter("success_factors", _("Success factor"))
    erkenning = recognition_filter()

    class Meta:
        model = GuidePage
        fields: list[str] = []
