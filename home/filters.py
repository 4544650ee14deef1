"""Filtered listings: one django-filter FilterSet per listing, with the same behaviour.

A listing's address says what it shows (`?provincie=GE&jaar=2024`), so it can be shared
and works without JavaScript. Each filter is a choice among options in the reader's
language; each option shows how many results choosing it would give (faceted: counted
with the listing's other filters applied), all counted in one query, so a listing costs
the same number of queries whatever is chosen and whichever page is shown. Unknown
parameters and values are ignored, and the reader is told.
"""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

import django_filters

from .caching import memo
from .pagination import PAGE_PARAMETER


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False


class FacetFilter(django_filters.ChoiceFilter):
    """A choice among options `options(locale)` gives as (value, label, key) triples; an
    option means the Q object `option_q(key)`, used both to filter and to count. Options
    are read once per process, language and content version (home.caching)."""

    def __init__(self, *args, options, option_q, **kwargs):
        self.options_for = options
        self.option_q_for_key = option_q
        self.keys: dict[str, object] = {}
        super().__init__(*args, method=self.apply, **kwargs)

    def read_options(self, locale) -> list[tuple]:
        name = ("facet", type(self.parent).__name__, self.field_name, locale.pk)
        options = memo(name, lambda: [tuple(option) for option in self.options_for(locale)])
        self.keys = {str(value): key for value, _label, key in options}
        return options

    def option_q(self, value) -> Q:
        return self.option_q_for_key(self.keys[value])

    def apply(self, queryset, name, value):
        return queryset.filter(self.option_q(value)) if value else queryset


class ListingFilterSet(django_filters.FilterSet):
    """Set `locale` (the listing's language) before use: options are read in it."""

    # Parameters that are not filters but belong in a listing's address.
    other_parameters = {PAGE_PARAMETER}

    def __init__(self, data, queryset, *, locale, request=None):
        self.locale = locale
        super().__init__(data, queryset=queryset, request=request)
        self.options = {}
        for name, field_filter in self.filters.items():
            options = [
                Option(str(value), str(label)) for value, label, _key in field_filter.read_options(locale)
            ]
            self.options[name] = options
            self.form.fields[name].choices = [("", "")] + [(o.value, o.label) for o in options]

    @property
    def chosen(self) -> dict[str, str]:
        """The valid choices in the address, by parameter."""
        if not self.form.is_valid():
            # Invalid values are dropped one by one; valid ones still apply.
            return {
                name: value
                for name in self.filters
                if name not in self.form.errors and (value := self.data.get(name))
            }
        return {name: value for name, value in self.form.cleaned_data.items() if value}

    @property
    def qs(self):
        queryset = self.queryset
        for name, value in self.chosen.items():
            queryset = self.filters[name].apply(queryset, name, value)
        return queryset

    @property
    def ignored(self) -> list[str]:
        """Parameters in the address that were not understood (unknown names or values)."""
        unknown = [
            name for name in self.data if name not in self.filters and name not in self.other_parameters
        ]
        invalid = [name for name in self.filters if self.data.get(name) and name not in self.chosen]
        return unknown + invalid

    def facets(self) -> list[dict]:
        """Every filter with its options and their counts, in one query."""
        chosen = self.chosen
        counts = {}
        for name, options in self.options.items():
            others = Q()
            for other, value in chosen.items():
                if other != name:
                    others &= self.filters[other].option_q(value)
            for i, option in enumerate(options):
                counts[f"{name}__{i}"] = Count(
                    "pk", filter=others & self.filters[name].option_q(option.value)
                )
        totals = self.queryset.aggregate(**counts) if counts else {}
        facets = []
        for name, options in self.options.items():
            for i, option in enumerate(options):
                option.count = totals.get(f"{name}__{i}", 0)
                option.selected = chosen.get(name) == option.value
            facets.append({"name": name, "label": self.filters[name].label, "options": options})
        return facets

    def active(self, request) -> list[dict]:
        """The chosen filters, each with the address that removes only it."""
        active = []
        for name, value in self.chosen.items():
            label = next((o.label for o in self.options[name] if o.value == value), value)
            query = request.GET.copy()
            query.pop(name, None)
            query.pop(PAGE_PARAMETER, None)
            encoded = query.urlencode()
            active.append(
                {
                    "name": name,
                    "label": self.filters[name].label,
                    "value": label,
                    "remove_url": f"{request.path}?{encoded}" if encoded else request.path,
                }
            )
        return active


def listing_context(request, filterset: ListingFilterSet, per_page: int) -> dict:
    """What a filtered listing's template needs: the page of results, the facets, the
    active filters, and whether something in the address was ignored."""
    from .pagination import paginate

    return {
        "results": paginate(request, filterset.qs, per_page),
        "facets": filterset.facets(),
        "active_filters": filterset.active(request),
        "ignored_parameters": filterset.ignored,
    }


IGNORED_NOTICE = _("Some choices in this address are unknown and were left out.")
