"""Read-only JSON of pages (Wagtail API v2) for municipalities that reuse the content.

Images and documents have no listing endpoint: it would show every upload, also those no
live page uses yet. Documents are linked from the pages and served by Wagtail's view.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
