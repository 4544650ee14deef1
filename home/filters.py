"""Filtered listings: one django-filter FilterSet per listing, with the same behaviour.

A listing's address says what it shows (`?provincie=GE&jaar=2024`), so it can be shared
and works without JavaScript. Each filter is a choice among options in the reader's
language, and each option shows how many results choosing it would give (faceted: counted
with the listing's other filters applied).

How it stays cheap at national size: what each item of a listing is (its province, year,
success factors...) is read once per process, language and content version, a few
queries (home.caching.state). Filtering and counting then happen in memory, and only the items
on the page shown are read from the database: one query per request, whatever is chosen
and whichever page is shown. Unknown parameters and values are ignored, and the reader is
told.
"""

from dataclasses import dataclass

from django.http import QueryDict
from django.utils.functional import cached_property
from django.utils.text import slugify

import django_filters

from home.caching.state import memo
from home.pagination import PAGE_PARAMETER, page_of


@dataclass
class Option:
    value: str
    label: str
    count: int = 0
    selected: bool = False
    # What the address carries: the code, or with `localized_values` the label as a slug
    # in the reader's language (`?fase=werven`, `?fase=recruit` in English).
    param: str = ""


class FacetFilter(django_filters.ChoiceFilter):
    """A choice among `options(locale)`, (value, label) pairs. `values(queryset, locale)`
    tells, for every item of the listing, which option values it has: {pk: {value, ...}}."""

    def __init__(self, *args, options, values, localized_values=False, **kwargs):
        self.options_for = options
        self.values_for = values
        self.localized_values = localized_values
        super().__init__(*args, method=lambda queryset, name, value: queryset, **kwargs)

    def param_for(self, value, label) -> str:
        """The option in the address: its label as an ASCII slug when asked for and one
        exists (Arabic labels have none, so their codes stay), else its code."""
        return (self.localized_values and slugify(str(label))) or str(value)


class ListingFilterSet(django_filters.FilterSet):
    # Parameters that are not filters but belong in a listing's address.
    other_parameters = {PAGE_PARAMETER}

    def __init__(self, data, queryset, *, locale, scope, request=None):
        """`scope` names the listing (its page's id): with the language and the content
        version it keys what is kept about the listing's items."""
        self.locale = locale
        self.scope = scope
        self.options: dict[str, list[Option]] = {}
        for name, facet in self.base_filters.items():
            pairs = memo(self._key("options", name), lambda facet=facet: list(facet.options_for(locale)))
            self.options[name] = [
                Option(str(value), str(label), param=facet.param_for(value, label)) for value, label in pairs
            ]
        super().__init__(self._with_codes(data), queryset=queryset, request=request)
        for name in self.filters:
            self.form.fields[name].choices = [("", "")] + [(o.value, o.label) for o in self.options[name]]

    def _with_codes(self, data):
        """The address with each option's slug read as its code; codes stay valid, so an
        address shared before (or from another language) still filters."""
        if data is None:
            return data
        rewritten = QueryDict(mutable=True)
        for name, values in data.lists():
            by_param = {o.param: o.value for o in self.options.get(name, ())}
            rewritten.setlist(name, [by_param.get(value, value) for value in values])
        return rewritten

    def _key(self, *parts):
        return ("listing", type(self).__name__, self.locale.pk, *parts)

    def index(self) -> tuple[list[int], dict[str, dict[str, frozenset]]]:
        """The listing's items in order, and per filter and option value the set of items
        that have it; kept per version. Filtering and counting are then set operations."""

        def build():
            order = list(self.queryset.values_list("pk", flat=True))
            having = {}
            for name, facet in self.filters.items():
                by_value: dict[str, set] = {}
                for pk, options in facet.values_for(self.queryset, self.locale).items():
                    for value in options:
                        by_value.setdefault(str(value), set()).add(pk)
                having[name] = {value: frozenset(pks) for value, pks in by_value.items()}
            return order, having

        return memo(self._key("index", self.scope), build)

    @cached_property
    def chosen(self) -> dict[str, str]:
        """The valid choices in the address, by parameter; invalid ones are dropped alone."""
        self.form.is_valid()
        return {
            name: value
            for name in self.filters
            if name not in self.form.errors and (value := self.form.cleaned_data.get(name))
        }

    @property
    def ignored(self) -> list[str]:
        """Parameters in the address that were not understood (unknown names or values)."""
        known = {*self.filters, *self.other_parameters}
        unknown = [name for name in self.data if name not in known]
        invalid = [name for name in self.filters if self.data.get(name) and name not in self.chosen]
        return unknown + invalid

    def _matched(self, leave_out=None) -> frozenset | None:
        """The items matching every chosen filter but `leave_out`; None when none is chosen."""
        _order, having = self.index()
        sets = [
            having[name].get(value, frozenset()) for name, value in self.chosen.items() if name != leave_out
        ]
        return frozenset.intersection(*sets) if sets else None

    def matching(self) -> list[int]:
        order, _having = self.index()
        matched = self._matched()
        return order if matched is None else [pk for pk in order if pk in matched]

    def facets(self) -> list[dict]:
        """Every filter with its options, each counted with the other filters applied."""
        order, having = self.index()
        chosen = self.chosen
        facets = []
        for name, options in self.options.items():
            others = self._matched(leave_out=name)
            for option in options:
                items = having[name].get(option.value, frozenset())
                option.count = len(items) if others is None else len(items & others)
                option.selected = chosen.get(name) == option.value
            facets.append({"name": name, "label": self.filters[name].label, "options": options})
        return facets

    def page(self, request, per_page: int):
        """The page asked for, its items read in one query, in the listing's order."""
        return page_of(request, self.matching(), self.queryset, per_page)

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
    return {
        "results": filterset.page(request, per_page),
        "facets": filterset.facets(),
        "active_filters": filterset.active(request),
        "ignored_parameters": filterset.ignored,
    }
