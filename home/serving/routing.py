"""Finding the page for a URL in two lookups instead of two per path segment.

Wagtail routes /nl/gemeenten/nijmegen/samen-in-het-groen/ by walking the tree: the root in
the reader's language, then each segment's child and its specific page, about two queries
a level. Every live page's URL is its `url_path` below its language's home page, so the
page can be read directly: the path's page id and type are kept per process and content
version (home.caching.state), and the page itself is one query.

Anything unusual (a page type with its own `route`, sub-paths such as /poster/, a page not
live, a path not found) is left to Wagtail's routing, which then answers as before.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from wagtail.models import Page

from home.caching.state import get_active_locale, locale_by_id, memo, site_for_request

# Enough for every page of the national site in eight languages; beyond it nothing is added.
MAX_ROUTES = 50_000


def home_url_paths(site) -> dict[int, str]:
    """The url_path of the site's home page in each language, by locale id (kept per
    process and content version)."""

    def build():
        root = site.root_page
        return dict(
            Page.objects.filter(translation_key=root.translation_key, depth=root.depth).values_list(
                "locale_id", "url_path"
            )
        )

    return memo(("homes", site.pk), build)


def _lookup(url_path: str):
    """(page id, content type id) of the live page at url_path, kept per version."""
    routes = memo("routes", dict)
    found = routes.get(url_path)
    if found is None:
        found = Page.objects.filter(url_path=url_path, live=True).values_list("pk", "content_type_id").first()
        if found is not None and len(routes) < MAX_ROUTES:
            routes[url_path] = found
    return found


def find_route(request, path: str):
    """Wagtail's route result (page, args, kwargs) for `path` below the language prefix,
    or None to leave routing to Wagtail.

    The page at the whole path is tried first, then its parent with the last segment left
    for the parent's own `route` (a newcomer page's /poster/).
    """
    site = site_for_request(request)
    if site is None or len(path) > 1000:
        return None
    home = home_url_paths(site).get(get_active_locale().pk)
    if home is None:
        return None
    parts = [part for part in path.split("/") if part]
    for rest in ([], parts[-1:]):
        prefix = parts[: len(parts) - len(rest)]
        found = _lookup(home + "".join(f"{part}/" for part in prefix))
        if found is None:
            continue
        pk, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk, live=True).first() if model is not None else None
        if page is None:
            return None
        page._state.fields_cache["locale"] = locale_by_id(page.locale_id) or page.locale
        return page.route(request, rest)  # the page's own rules: live, sub-paths, 404
    return None


def route_for_request(request, path: str) -> None:
    """Hand Wagtail's serve view the route when the fast lookup finds the page."""
    try:
        route = find_route(request, path)
    except Http404:
        route = None
    if route is not None:
        request._wagtail_route_for_request = route
