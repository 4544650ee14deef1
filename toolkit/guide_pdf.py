"""Guides as print-ready, accessible PDFs, made from the guide page itself.

WeasyPrint renders `toolkit/guide_pdf.html` in the guide's language and direction into a
tagged PDF (PDF/UA: a structure tree, the document language and title set), with the Noto
fonts the system has for every script (Latin, Arabic, Ethiopic). Nothing is fetched while
rendering: the template needs no image or style from a URL, and any URL is refused.

A PDF is made on first request and kept in the cache under the content version, so
publishing the guide (or anything else) makes the next request render a fresh one.
"""

import logging

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation

from home.caching import content_version

logger = logging.getLogger(__name__)


class PDFUnavailable(Exception):
    """WeasyPrint or the system's Pango is missing: the page says so instead of a 500."""


def _refuse_urls(url, *args, **kwargs):
    raise ValueError(f"No fetching while rendering a PDF: {url}")


def render_guide_pdf(guide, request) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango is not installed
        raise PDFUnavailable(str(error)) from error
    with translation.override(guide.locale.language_code):
        html = render_to_string("toolkit/guide_pdf.html", {"page": guide, "request": request})
    document = HTML(string=html, base_url=guide.get_full_url(request), url_fetcher=_refuse_urls)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def guide_pdf(guide, request) -> bytes:
    key = f"guide-pdf:{content_version()}:{guide.pk}"
    try:
        pdf = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage renders the PDF anew
        pdf = None
    if pdf is None:
        pdf = render_guide_pdf(guide, request)
        try:
            cache.set(key, pdf, 24 * 60 * 60)
        except Exception:  # noqa: BLE001
            logger.warning("Could not keep the guide PDF", exc_info=True)
    return pdf
