"""Print-ready, accessible PDFs made from the site's own pages (guides, newcomer posters).

WeasyPrint renders a template in the page's language and direction into a tagged PDF
(PDF/UA: a structure tree, the document language and title set), with the Noto fonts the
system has for every script. Nothing is fetched while rendering: stylesheets are inlined
and any URL is refused.

A PDF is made once per content version and kept in the default storage (the media
folder, or the bucket every app server shares): the background worker builds a page's
PDF when it is published (toolkit.tasks), and the first request of any server reads that
file. Without a worker the first request builds it and keeps it for every other server,
with a log line; a lock in the shared cache keeps two servers from building the same one.
Publishing anything raises the version, so no PDF outlives a change it shows.
"""

import contextlib
import hashlib
import hmac
import logging
import posixpath
import time

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.test import RequestFactory
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


def reader_request(page):
    """A request as an anonymous reader at the site's own address would make it.

    PDFs are rendered with it wherever they are built (the worker has no request), so the
    kept file is the same whoever asked first.
    """
    site = page.get_site()
    host = site.hostname if site.port in (80, 443) else f"{site.hostname}:{site.port}"
    request = RequestFactory().get(
        page.get_url(None) or "/",
        HTTP_HOST=host,
        SERVER_PORT=str(site.port),
        secure=site.port == 443,
    )
    request.user = AnonymousUser()
    return request


def stored_name(kind: str, page, version: str) -> str:
    """Where a page's PDF for a content version is kept: unguessable, so a PDF of a page that
    becomes private later is not found by its number in a public media folder."""
    secret = hmac.new(settings.SECRET_KEY.encode(), f"{kind}:{page.pk}:{version}".encode(), hashlib.sha256)
    return f"pdfs/{kind}/{page.pk}/{secret.hexdigest()[:32]}.pdf"


def _read(name: str) -> bytes | None:
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except OSError:  # not kept yet (FileNotFoundError) or the folder unreadable
        return None
    except Exception:  # a storage outage (S3's errors vary) builds the PDF anew
        logger.warning("Could not read the kept PDF %s", name, exc_info=True)
        return None


def _keep(name: str, pdf: bytes) -> None:
    """Keep the new file and drop the page's PDFs of earlier versions."""
    folder = posixpath.dirname(name)
    try:
        default_storage.save(name, ContentFile(pdf))
        for old in default_storage.listdir(folder)[1]:
            if posixpath.join(folder, old) != name:
                default_storage.delete(posixpath.join(folder, old))
    except Exception:
        logger.warning("Could not keep the PDF %s", name, exc_info=True)


def _lock(name: str) -> bool:
    try:
        return bool(cache.add(f"pdf-building:{name}", 1, 120))
    except Exception:  # noqa: BLE001 - without the shared cache, build rather than wait
        return True


def build_pdf(kind: str, page, render, version: str | None = None) -> tuple[bytes, bool]:
    """The page's PDF for this content version, and whether it was already kept.

    `render` is given the reader request to render with. Another server building the
    same file is waited for (a few seconds at most) rather than built twice.
    """
    name = stored_name(kind, page, version or content_version())
    pdf = _read(name)
    if pdf is not None:
        return pdf, True
    if not _lock(name):
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            time.sleep(0.2)
            pdf = _read(name)
            if pdf is not None:
                return pdf, True
    pdf = render(reader_request(page))
    if _read(name) is None:
        _keep(name, pdf)
    with contextlib.suppress(Exception):  # the lock expires by itself
        cache.delete(f"pdf-building:{name}")
    return pdf, False


def kept_pdf(kind: str, page, render) -> HttpResponse:
    """The PDF response: read from storage, or built here when no worker has built it."""
    try:
        pdf, kept = build_pdf(kind, page, render)
    except PDFUnavailable:
        return unavailable()
    if not kept:
        logger.info("Built the %s PDF of page %s in the request: no worker had built it yet", kind, page.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["X-PDF"] = "kept" if kept else "built"
    return response


def unavailable() -> HttpResponse:
    return HttpResponse(
        _("The PDF cannot be made on this server right now. Print this page instead."),
        status=503,
        content_type="text/plain; charset=utf-8",
    )


def pdf_response(filename: str, response: HttpResponse) -> HttpResponse:
    """The PDF inline, under the page's own name."""
    if response.status_code == 200:
        response["Content-Disposition"] = f'inline; filename="{filename}.pdf"'
    return response
