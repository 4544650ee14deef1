"""The filters of the guide listing (home.filters explains how)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.filters import FacetFilter, ListingFilterSet
from programme.filters import factor_options
from programme.models import SuccessFactorPage

from .models import GuidePage


class GuideFilter(ListingFilterSet):
    voor = FacetFilter(
        label=_("For"),
        options=lambda locale: [(value, label, value) for value, label in GuidePage.Audience.choices],
        option_q=lambda key: Q(audience=key),
    )
    fase = FacetFilter(
        label=_("Phase"),
        options=lambda locale: [(value, label, value) for value, label in GuidePage.Phase.choices],
        option_q=lambda key: Q(phase=key),
    )
    succesfactor = FacetFilter(
        label=_("Success factor"),
        options=factor_options,
        option_q=lambda key: SuccessFactorPage.named_by_key(GuidePage, key),
    )

    class Meta:
        model = GuidePage
        fields: list[str] = []
