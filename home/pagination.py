"""One way to split a listing into pages: a number in the URL, odd values tolerated."""

from django.core.paginator import Page, Paginator

from home.numbers import whole_number

PAGE_PARAMETER = "pagina"


def page_of(request, ids: list, queryset, per_page: int) -> Page:
    """The page asked for of a listing whose order (`ids`, kept between requests) is known:
    only that page's items are read, in one query, in the listing's order."""
    page = Paginator(ids, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    chosen = list(page.object_list)
    if hasattr(queryset, "defer_streamfields"):  # a card never shows a page's body
        queryset = queryset.defer_streamfields()
    items = {item.pk: item for item in queryset.filter(pk__in=chosen)} if chosen else {}
    page.object_list = [items[pk] for pk in chosen if pk in items]
    return page


def page_url(request, number: int) -> str:
    """The current address with only the page number changed (filters are kept)."""
    query = request.GET.copy()
    if number == 1:
        query.pop(PAGE_PARAMETER, None)
    else:
        query[PAGE_PARAMETER] = number
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


class Window:
    """A page of results without counting them all: one query for the page and one more
    item, which tells whether a next page exists. For full-text search, where counting
    would run the whole search a second time."""

    paginator = None

    def __init__(self, request, results, per_page: int):
        number = whole_number(request.GET.get(PAGE_PARAMETER, "1"))
        self.number = min(number, 1000) if number is not None and number > 0 else 1
        offset = (self.number - 1) * per_page
        items = list(results[offset : offset + per_page + 1])
        self.object_list = items[:per_page]
        self.offset = offset
        self.more = len(items) > per_page

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self.more

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.more or self.number > 1

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1

    def counter(self) -> str:
        """How many results there are, as far as is known: "23", or "30+" with more to come."""
        seen = self.offset + len(self.object_list)
        return f"{seen}+" if self.more else str(seen)
