"""Page serving per language: Wagtail's page view wrapped, the 404 that links a page's
translations, the language choice, robots.txt and JSON 404s under /api/."""

import logging

from django.conf import settings
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path

from wagtail import views as wagtail_views
from wagtail.models import Page, Site

from home.i18n import page_translations
from home.serving import routing

logger = logging.getLogger(__name__)


def not_available(request, page) -> HttpResponse:
    """This page exists, but not in the visitor's language: say so in that language."""
    translations = [t for t in page_translations(page, request) if t["code"] != translation.get_language()]
    context = {"translations": translations, "request": request}
    return render(request, "not_available.html", context, status=404)


def serve(request, path):
    """Wagtail's page view, except that a page missing in this language links the ones it has."""
    routing.route_for_request(request, path)
    try:
        return wagtail_views.serve(request, path)
    except Http404:
        page = _same_page_in_source_language(request.path_info)
        if page is None:
            raise
        return not_available(request, page)


def _same_page_in_source_language(path: str) -> Page | None:
    """The page at the same place in the Dutch tree, for a path like /ti/gemeenten/utrecht/."""
    language = get_language_from_path(path)
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if not language or site is None or len(path) > 1000:
        return None
    relative = path[len(language) + 2 :].strip("/")
    url_path = site.root_page.url_path + (f"{relative}/" if relative else "")
    return Page.objects.filter(url_path=url_path).live().public().first()


def remember_language(request, response, language: str):
    """Keep the reader's choice in a cookie. A functional preference, not tracking: no
    consent needed. Set only when the reader chooses (the switcher, the "/" redirect), so
    pages themselves set no cookie and can be cached (home.caching.middleware)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=request.is_secure(),
        httponly=True,
    )
    return response


def choose_language(request) -> HttpResponse:
    """The language switcher's links: remember the language, then show the page in it."""
    target = request.GET.get("naar", "")
    safe = target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    language = get_language_from_path(target) if safe else None
    if not language:
        return HttpResponseBadRequest(
            "Bad request: choose a language from the list on a page.",
            content_type="text/plain; charset=utf-8",
        )
    return remember_language(request, HttpResponseRedirect(target), language)


def robots_txt(request) -> HttpResponse:
    """Everything public may be indexed; the admin, search results, the language choice and
    the reading counter not. Names the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/zoeken/",
        "Disallow: /taal/",
        "Disallow: /teller/",  # the reading counter (home.reading.views): nothing to index, nothing to count
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def api_not_found(request, *args, **kwargs) -> JsonResponse:
    return JsonResponse({"message": "Not found: this API has no such endpoint."}, status=404)
