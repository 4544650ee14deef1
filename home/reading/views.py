"""Counting what is read, without cookies or personal data, and reporting it.

Every public page carries a 1x1 image from `/teller/<page id>/` (no JavaScript). The
browser fetches it even when the page itself came from the page cache or a CDN, and the
counter answers `no-store`, so every reading reaches the app. It adds one to the page's
count for its language and today, and stores nothing else: no address, no cookie, no user
agent. Robots (by their user agent) and signed-in editors are not counted. A failing
database or cache loses that one count; the reader still gets the image, never an error.
"""

import base64
import datetime
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Sum
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_GET

from wagtail.models import Page

from crawlerdetect import CrawlerDetect

from home.caching.state import locale_by_id, restricted_paths
from home.reading.models import PageViewCount

logger = logging.getLogger(__name__)

PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
# crawlerdetect keeps a maintained list of robots' user agents (search engines, link
# previews, monitors, HTTP libraries, headless browsers); its patterns compile on first use.
CRAWLERS = CrawlerDetect()


def _is_robot(request) -> bool:
    agent = request.META.get("HTTP_USER_AGENT", "").strip()
    # No user agent at all is a script, not a reader's browser.
    return not agent or CRAWLERS.isCrawler(agent)


def count(page_id: int, language: str, day: datetime.date) -> None:
    row = PageViewCount.objects.filter(page_id=page_id, language=language, day=day)
    if not row.update(views=F("views") + 1):
        try:
            with transaction.atomic():
                PageViewCount.objects.create(page_id=page_id, language=language, day=day, views=1)
        except IntegrityError:  # another request created it just now
            row.update(views=F("views") + 1)


@require_GET
def counter(request, page_id: int) -> HttpResponse:
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    if _is_robot(request) or request.user.is_authenticated:
        return response
    try:
        # The page's language from the locales kept in memory: no join on a hot path.
        row = Page.objects.filter(pk=page_id, live=True).values_list("locale_id", "path").first()
        locale = locale_by_id(row[0]) if row is not None else None
        # A private page's readers are its members: not the public's reading.
        if locale is not None and not any(row[1].startswith(path) for path in restricted_paths()):
            count(page_id, locale.language_code, timezone.localdate())
    except DatabaseError:
        logger.warning("A page view was not counted: the database is unavailable", exc_info=True)
    return response


def figures(start: datetime.date, end: datetime.date, language: str = "") -> dict:
    """Views per page (with its language and section) and per language, in [start, end]."""
    counts = PageViewCount.objects.filter(day__gte=start, day__lte=end)
    if language:
        counts = counts.filter(language=language)
    per_page = list(
        counts.values("page_id", "page__title", "page__path", "page__content_type__model", "language")
        .annotate(total=Sum("views"))
        .order_by("-total")
    )
    sections = dict(
        Page.objects.filter(path__in={row["page__path"][: Page.steplen * 3] for row in per_page}).values_list(
            "path", "title"
        )
    )
    for row in per_page:
        row["section"] = sections.get(row["page__path"][: Page.steplen * 3], "")
    per_language = list(counts.values("language").annotate(total=Sum("views")).order_by("-total"))
    return {"pages": per_page, "languages": per_language, "total": sum(row["total"] for row in per_language)}
