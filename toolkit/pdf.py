"""Print-ready, accessible PDFs made from the site's own pages (guides, newcomer posters).

WeasyPrint renders a template in the page's language and direction into a tagged PDF
(PDF/UA: a structure tree, the document language and title set), with the Noto fonts the
system has for every script. Nothing is fetched while rendering: stylesheets are inlined
and any URL is refused.

A PDF is made on first request and kept in the cache under the content version, so
publishing (the page or anything else) makes the next request render a fresh one.
"""

import logging

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from home.caching.state import content_version

logger = logging.getLogger(__name__)


class PDFUnavailable(Exception):
    """WeasyPrint or the system's Pango is missing: the page says so instead of a 500."""


def _refuse_urls(url, *args, **kwargs):
    raise ValueError(f"No fetching while rendering a PDF: {url}")


def inline_stylesheet(path: str) -> str:
    """A static stylesheet's text, to put in a <style> of a page rendered to PDF."""
    found = finders.find(path)
    with open(found, encoding="utf-8") as stylesheet:
        return stylesheet.read()


def render_pdf(page, template: str, context: dict, request) -> bytes:
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango is not installed
        raise PDFUnavailable(str(error)) from error
    with translation.override(page.locale.language_code):
        html = render_to_string(template, {"page": page, "request": request, **context})
    document = HTML(string=html, base_url=page.get_full_url(request), url_fetcher=_refuse_urls)
    return document.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)


def kept_pdf(kind: str, page, render) -> bytes:
    """The PDF from the cache for this content version, else rendered and kept."""
    key = f"{kind}-pdf:{content_version()}:{page.pk}"
    try:
        pdf = cache.get(key)
    except Exception:  # noqa: BLE001 - a cache outage renders the PDF anew
        pdf = None
    if pdf is None:
        pdf = render()
        try:
            cache.set(key, pdf, 24 * 60 * 60)
        except Exception:
            logger.warning("Could not keep the %s PDF", kind, exc_info=True)
    return pdf


def pdf_response(filename: str, build) -> HttpResponse:
    """The PDF inline, or a 503 saying so in the reader's language when it cannot be made."""
    try:
        content = build()
    except PDFUnavailable:
        return HttpResponse(
            _("The PDF cannot be made on this server right now. Print this page instead."),
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
