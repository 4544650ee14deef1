"""What the public site keeps between requests, and the one number that makes it all stale.

Everything a public page shows comes from pages, snippets, settings, images, locales,
sites and view restrictions. Whenever one of those changes (home.caching.signal_handlers), the
*content version* is raised. It lives in the database (home.caching.models), raised in the
change's own transaction, so every process on every node reads the same number, and a
change that committed has always raised it: a hung or lost cache cannot drop a bump.
Everything kept between requests is keyed by that version, so one bump makes every app
server rebuild:

- per-process memos (`memo`): sites, locales, view restrictions, page routes; read once
  per process and version instead of several times per request;
- page furniture (navigation, footer) in the `furniture` cache, per language;
- rendered fragments, guide and poster PDFs, whole anonymous pages (home.caching.middleware).

The version is read once per request (ContentVersionMiddleware), one primary-key read
where a cache read used to be. When the database cannot answer, every request gets a
version of its own: nothing stale is served.
"""

import itertools
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.db import connection
from django.db.models import F, Q, Value
from django.db.models.functions import Greatest
from django.utils.translation import get_language

_request_version: ContextVar[str | None] = ContextVar("content_version", default=None)
_fresh = itertools.count()
# Raised only by `forget()` (tests, whose rolled-back transactions take the version back).
_epoch = 0


def _read_version() -> str:
    try:
        with connection.cursor() as cursor:
            # The hottest query of the site: raw, without the ORM's compilation.
            cursor.execute("SELECT value FROM caching_contentversion WHERE id = 1")
            row = cursor.fetchone()
        if row is None:  # a flushed database: any number no earlier version can equal
            from home.caching.models import ContentVersion

            row = (ContentVersion.objects.get_or_create(pk=1, defaults={"value": time.time_ns()})[0].value,)
    except Exception:  # noqa: BLE001 - the database's errors vary; a page without the version is only slower
        # Without the version every reader gets a number of its own, so nothing is reused.
        return f"fresh-{time.time_ns()}-{next(_fresh)}"
    return f"{row[0]}.{_epoch}"


def content_version() -> str:
    """The version for this request, read once; outside a request, read each time."""
    version = _request_version.get()
    return version if version is not None else _read_version()


def bump_content_version(**_kwargs) -> None:
    """Make everything kept stale: the version is raised in the change's transaction.

    Readers in other processes see the old number with the old content until the change
    commits, and the new number with the new content after: what they keep between the
    two is kept under the old number, which nobody reads once the change is visible.
    """
    new_version()


def new_version() -> None:
    from home.caching.models import ContentVersion

    raised = ContentVersion.objects.filter(pk=1).update(value=Greatest(F("value") + 1, Value(time.time_ns())))
    if not raised:
        ContentVersion.objects.get_or_create(pk=1, defaults={"value": time.time_ns()})
    if _request_version.get() is not None:
        _request_version.set(_read_version())
    _memo.clear()


def forget() -> None:
    """Drop what this process keeps and key what it keeps next afresh (tests: a rolled-back
    transaction takes the version back to a number earlier tests kept pages under)."""
    global _epoch
    _epoch += 1
    if _request_version.get() is not None:
        _request_version.set(_read_version())
    _memo.clear()


class ContentVersionMiddleware:
    """Read the content version once per request and keep it for everything below."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_version.set(_read_version())
        # Wagtail looks the site up on every request; the memo answers without a query.
        request._wagtail_site = site_for_request(request)
        try:
            return self.get_response(request)
        finally:
            _request_version.reset(token)


class _Memo:
    """Values built once per process and content version (a new version drops them all)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._version = None
        self._values: dict = {}

    def get(self, name, build):
        version = content_version()
        values = self._values
        if self._version != version:
            with self._lock:
                if self._version != version:
                    self._values = values = {}
                    self._version = version
        try:
            return values[name]
        except KeyError:
            value = values[name] = build()
            return value

    def clear(self):
        with self._lock:
            self._version = None
            self._values = {}


_memo = _Memo()
memo = _memo.get


def kept_for_page(request, page, name: str, build):
    """What a page shows that depends on content only (related lists, translations,
    breadcrumbs), kept per process and content version, per host as addresses are. A
    preview shows unsaved content, so it is always built afresh."""
    if getattr(request, "is_preview", False) or page.pk is None:
        return build()
    return memo(("page", page.pk, name, request.get_host()), build)


# --- View restrictions: read once per version instead of on every .public() ----------


def restricted_paths() -> tuple[str, ...]:
    """Tree paths of the pages with a view restriction (their descendants inherit it)."""
    from wagtail.models import PageViewRestriction

    return memo(
        "restricted_paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True).distinct()),
    )


def private_q(self) -> Q:
    """Wagtail's PageQuerySet.private_q without its query per call: the same filter,
    built from the paths read once per content version."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def is_restricted(page) -> bool:
    return any(page.path.startswith(path) for path in restricted_paths())


# --- Locales and sites ------------------------------------------------------------------


def locales() -> dict:
    """Every Locale by language code and by id, read once per process and version."""
    from wagtail.models import Locale

    def build():
        rows = list(Locale.objects.all())
        return {
            "code": {locale.language_code: locale for locale in rows},
            "id": {locale.pk: locale for locale in rows},
        }

    return memo("locales", build)


def get_active_locale(cls=None):
    """Locale.get_active without a query: the active language's Locale, else the default."""
    from wagtail.coreutils import get_supported_content_language_variant

    by_code = locales()["code"]
    for language in (get_language(), settings.LANGUAGE_CODE):
        try:
            return by_code[get_supported_content_language_variant(language)]
        except (LookupError, TypeError):
            continue
    from wagtail.models import Locale

    return Locale.objects.get_for_language(settings.LANGUAGE_CODE)  # raises as Wagtail does


def locale_by_id(locale_id: int):
    return locales()["id"].get(locale_id)


def site_for_request(request):
    """Wagtail's Site.find_for_request, memoised per host and port (with its root page)."""
    from wagtail.models import Site

    host, port = request._get_raw_host(), request.get_port()

    def build():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page  # noqa: B018 - loaded once here, not on every request
        return site

    sites = memo("sites", dict)
    key = (host, port)
    if key not in sites:
        sites[key] = build()
    return sites[key]


def install() -> None:
    """Route Wagtail's own lookups through the memos (called from HomeConfig.ready)."""
    from wagtail.models import Locale
    from wagtail.query import PageQuerySet

    PageQuerySet.private_q = private_q
    Locale.get_active = classmethod(get_active_locale)


def context_processor(request):
    return {"content_version": content_version()}
