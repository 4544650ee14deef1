"""Views beside Wagtail's pages: health check, error page, page serving per language, search."""

import concurrent.futures
import logging
import time
import unicodedata
import uuid
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import (
    Http404,
    HttpResponse,
    HttpResponseBadRequest,
    HttpResponseRedirect,
    HttpResponseServerError,
    JsonResponse,
)
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from wagtail import views as wagtail_views
from wagtail.models import Locale, Page, Site

from . import routing
from .i18n import language_name, page_translations
from .pagination import Window

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return False
    finally:
        # Run in a worker thread: its connection is its own, and is not kept.
        connection.close()


def _cache_ok() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=5)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return answered
    except Exception:  # any backend error means the cache is not usable
        logger.exception("Health check: cache unusable")
        return False


HEALTH_TIMEOUT = 0.8
_health_pool = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="healthz")


@never_cache
def healthz(request) -> HttpResponse:
    """For load balancers: 200 while the database answers, 503 when it does not.

    A failing cache slows pages down but does not stop them, so it is reported as
    "degraded" with a 200; only the database takes the instance out of rotation.
    """
    # Both checks run at once in worker threads, so a hung database or cache costs at most
    # HEALTH_TIMEOUT, and the load balancer hears within a second whatever hangs.
    checks = {"database": _health_pool.submit(_database_ok), "cache": _health_pool.submit(_cache_ok)}
    deadline = time.monotonic() + HEALTH_TIMEOUT
    results = {}
    for name, future in checks.items():
        try:
            results[name] = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            logger.error("Health check: %s did not answer within %s s", name, HEALTH_TIMEOUT)
            results[name] = False
    database_ok, cache_ok = results["database"], results["cache"]
    checks = {"database": "ok" if database_ok else "failing", "cache": "ok" if cache_ok else "degraded"}
    if not database_ok:
        status, code = "failing", 503
    elif not cache_ok:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


# Shown when even the 500 template cannot be rendered.
FALLBACK_500 = (
    "<!doctype html><html lang=nl><meta charset=utf-8><title>Er ging iets mis</title>"
    "<h1>Er ging iets mis</h1><p>Probeer het over een paar minuten opnieuw.</p>"
)


@requires_csrf_token
def server_error(request, template_name="500.html") -> HttpResponse:
    # Rendered without context processors: they may need the database, which may be what failed.
    try:
        # Say "we have been told" only when someone is: by mail or through Sentry.
        told = bool(settings.ADMINS or getattr(settings, "SENTRY_DSN", ""))
        body = loader.get_template(template_name).render({"request_path": request.path, "told": told})
    except Exception:  # the error page itself must never fail
        logger.exception("Could not render the 500 page")
        body = FALLBACK_500
    return HttpResponseServerError(body)


def not_available(request, page) -> HttpResponse:
    """This page exists, but not in the visitor's language: say so in that language."""
    translations = [t for t in page_translations(page, request) if t["code"] != translation.get_language()]
    context = {
        "translations": translations,
        "current_language_name": language_name(translation.get_language()),
        "request": request,
    }
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
    pages themselves set no cookie and can be cached (home.page_cache)."""
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
        "Disallow: /teller/",  # the reading counter (home.reading): nothing to index, nothing to count
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def api_not_found(request, *args, **kwargs) -> JsonResponse:
    return JsonResponse({"message": "Not found: this API has no such endpoint."}, status=404)


MAX_QUERY_LENGTH = 200


def clean_query(raw: str) -> str:
    """Words of letters (with their accents and vowel marks) and digits, joined by hyphens
    or apostrophes inside a word ("azc-bewoners", "azc's").

    Everything else becomes a space: search engines read quotes, stars, a leading minus and
    control characters as syntax, and a stray one would make the database refuse the query.
    A query of only punctuation is empty, which answers the page without results.
    """
    raw = raw[: MAX_QUERY_LENGTH * 4]  # enough for any real query; no work on megabytes
    kept = "".join(ch if unicodedata.category(ch)[0] in "LMN" or ch in "-'" else " " for ch in raw)
    words = (word.strip("-'") for word in kept.split())
    return " ".join(word for word in words if word)[:MAX_QUERY_LENGTH].strip("-' ")


CARD_FIELDS = ("listing_summary", "is_example")


def with_card_fields(pages: list) -> None:
    """Give result pages the two fields of their type a card shows (summary, example
    badge). A card needs nothing else of the specific page, and reading whole specific
    pages (a query per type, each with every column) cost more than the search itself:
    here one query reads the two columns from each type's table."""
    from .models import BasePage

    by_model = defaultdict(list)
    for page in pages:
        model = page.specific_class
        if model is not None and issubclass(model, BasePage):
            by_model[model].append(page.pk)
    fields = {}
    if by_model:
        quote = connection.ops.quote_name
        parts, params = [], []
        for model, ids in by_model.items():
            # Every page type's own table holds both fields (BasePage is abstract).
            key, table = quote(model._meta.pk.column), quote(model._meta.db_table)
            summary, example = (quote(model._meta.get_field(name).column) for name in CARD_FIELDS)
            placeholders = ", ".join(["%s"] * len(ids))
            # Names from the models, ids as parameters.
            parts.append(f"SELECT {key}, {summary}, {example} FROM {table} WHERE {key} IN ({placeholders})")  # noqa: S608
            params += ids
        with connection.cursor() as cursor:
            cursor.execute(" UNION ALL ".join(parts), params)
            fields = {pk: (summary, bool(example)) for pk, summary, example in cursor.fetchall()}
    for page in pages:
        page.listing_summary, page.is_example = fields.get(page.pk, ("", False))


def search(request) -> HttpResponse:
    """Full-text search over the live pages of the visitor's language."""
    query = clean_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    results = Page.objects.none()
    if query:
        results = Page.objects.live().public().filter(locale=locale).search(query)
    try:
        # The search runs once: for this page and one more result, never again to count.
        page_of_results = Window(request, results, 10)
        with_card_fields(page_of_results.object_list)
    except DatabaseError:
        logger.warning("Search refused by the database: %r", query)
        return render(request, "home/search.html", {"query": query, "refused": True}, status=400)
    context = {"query": query, "results": page_of_results, "count": page_of_results.counter() if query else 0}
    return render(request, "home/search.html", context)
