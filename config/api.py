"""Read-only JSON of pages (Wagtail API v2) for municipalities that reuse the content.

Images and documents have no listing endpoint: it would show every upload, also those no
live page uses yet. Documents are linked from the pages and served by Wagtail's view.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from home.numbers import whole_number
from home.search.views import MAX_QUERY_WORDS, clean_query

# Numbers beyond what any id or offset can be; larger ones make databases refuse the query.
LARGEST_NUMBER = 2**31 - 1
NUMERIC_PARAMETERS = (
    "offset",
    "limit",
    "id",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "site",
)


class BoundedPagesAPIViewSet(PagesAPIViewSet):
    """Wagtail's pages endpoint, answering 400 for numbers out of range instead of a 500,
    and reading each page's locale with the page, not in a query per item."""

    def get_queryset(self):
        return super().get_queryset().select_related("locale")

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        for name in NUMERIC_PARAMETERS:
            if name not in self.request.GET:
                continue
            number = whole_number(self.request.GET[name])
            if number is None:
                raise BadRequestError(f"{name} must be a whole number")
            if abs(number) > LARGEST_NUMBER:
                raise BadRequestError(f"{name} is out of range")
        if self.request.GET.get("search_operator", "or") not in ("and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in self.request.GET:
            if len(self.request.GET["search"].split()) > MAX_QUERY_WORDS:
                raise BadRequestError(f"search takes at most {MAX_QUERY_WORDS} words")
            if not clean_query(self.request.GET["search"]):
                raise BadRequestError("search needs at least one word")


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", BoundedPagesAPIViewSet)
