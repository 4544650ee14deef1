"""Anonymous pages kept whole, and the Cache-Control that lets a CDN keep them too.

What a public page depends on: its address (the language is in the path) and the
visitor's consent choice (the cookie banner, video placeholders). Never on a session:
a request with a session cookie is never served from or stored in the cache, and its
response is `private, no-store`, as are the admin, previews and anything that sets a
cookie or used a CSRF token.

- CacheHeadersMiddleware decides, per response, whether it may be shared, and says so:
  `public, max-age=0, s-maxage=…` for a visitor without the consent cookie (the first
  visit, the one a CDN keeps), `private, max-age=0` once the visitor has chosen (a shared
  cache must not hand the chosen variant to others; a CDN in front passes requests that
  carry the consent or session cookie, the usual rule for cookie-bearing requests).
- PageCacheMiddleware keeps shareable responses in the default cache (Redis when
  REDIS_URL is set, else local memory), keyed by content version, host, path, query,
  consent state and whether the body is gzipped. A new content version (home.caching.signal_handlers)
  makes every entry stale at once.
"""

import hashlib
import logging
from urllib.parse import unquote_plus

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, QueryDict
from django.utils.cache import patch_cache_control

from home.caching.state import content_version
from home.consent import COOKIE as CONSENT_COOKIE
from home.consent import consent_state

logger = logging.getLogger(__name__)

PAGE_CACHE_SECONDS = getattr(settings, "PAGE_CACHE_SECONDS", 600)
# Not pages: the admin, documents (served by Wagtail's view with its own headers), the
# consent and language choices, the health check.
UNCACHED_PREFIXES = ("/admin/", "/documents/", "/consent/", "/taal/", "/teller/", "/healthz", "/static/")
SHAREABLE = "_aandeslag_shareable"


def _anonymous(request) -> bool:
    return settings.SESSION_COOKIE_NAME not in request.COOKIES


def _cacheable_request(request) -> bool:
    return (
        request.method == "GET"
        and _anonymous(request)
        and not request.path_info.startswith(UNCACHED_PREFIXES)
    )


class CacheHeadersMiddleware:
    """Cache-Control on every response; marks the ones the page cache may keep.

    Sits just outside SessionMiddleware, so it sees the session and CSRF cookies and the
    `Vary: Cookie` they add.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Cache-Control") or response.streaming:
            # A view that chose its own (Wagtail's document view, never_cache) keeps it,
            # made private when the visitor is logged in.
            if not _anonymous(request):
                patch_cache_control(response, private=True)
            return response
        if not self._shareable(request, response):
            patch_cache_control(response, private=True, no_store=True)
            return response
        setattr(response, SHAREABLE, True)
        if CONSENT_COOKIE in request.COOKIES:
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(response, public=True, max_age=0, s_maxage=PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def _shareable(request, response) -> bool:
        vary = {part.strip().lower() for part in response.get("Vary", "").split(",")}
        return (
            _cacheable_request(request)
            and response.status_code == 200
            and not response.cookies
            and "cookie" not in vary
            and not getattr(request, "is_preview", False)
        )


# Campaign and click identifiers: they change nothing a page shows, but each new value
# would store another copy of it.
TRACKING_PREFIXES = ("utm_",)
TRACKING_NAMES = {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "_ga", "igshid", "yclid"}


def _tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_NAMES or name.startswith(TRACKING_PREFIXES)


def _drop_tracking_parameters(request) -> None:
    """Read pages as if the tracking parameters were not there: one copy per page, and
    no view can echo them into links."""
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return
    pairs = [pair for pair in query.split("&") if pair and not _tracking(unquote_plus(pair.split("=", 1)[0]))]
    kept = "&".join(pairs)
    if kept != query:
        request.META["QUERY_STRING"] = kept
        request.GET = QueryDict(kept)


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        _drop_tracking_parameters(request)
        key = self._key(request)
        entry = self._read(key)
        if entry is not None:
            status, headers, body = entry
            response = HttpResponse(body, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            getattr(response, SHAREABLE, False)
            and not response.streaming
            and not key.startswith("page:fresh-")
        ):
            headers = [(name, value) for name, value in response.items() if name.lower() != "set-cookie"]
            self._write(key, (response.status_code, headers, response.content))
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _key(request) -> str:
        state = consent_state(request)
        gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        raw = "\n".join(
            [request.get_host(), request.path, request.META.get("QUERY_STRING", ""), state, str(gzip)]
        )
        return f"page:{content_version()}:{hashlib.sha256(raw.encode()).hexdigest()}"

    @staticmethod
    def _read(key):
        try:
            return cache.get(key)
        except Exception:
            logger.warning("Page cache unreadable", exc_info=True)
            return None

    @staticmethod
    def _write(key, entry) -> None:
        try:
            cache.set(key, entry, PAGE_CACHE_SECONDS)
        except Exception:
            logger.warning("Page cache unwritable", exc_info=True)
