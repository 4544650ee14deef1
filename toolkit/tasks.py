"""Work done off the request path by the background worker (`manage.py db_worker`).

Django's task framework (django-tasks, with its database backend in deployments) runs
these after the change that asks for them commits. Without a worker nothing breaks: a
PDF not built here is built by the first request that wants it (toolkit.pdf).
"""

import logging

from wagtail.models import Page

from django_tasks import task

from .pdf import PDFUnavailable, build_pdf

logger = logging.getLogger(__name__)


@task()
def build_page_pdfs(page_id: int) -> int:
    """Build the PDFs a live page offers for the current content version; how many were new."""
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:  # unpublished or deleted since
        return 0
    page = page.specific
    built = 0
    for kind, method in getattr(page, "pdf_kinds", {}).items():
        try:
            _pdf, kept = build_pdf(kind, page, getattr(page, method))
        except PDFUnavailable:
            logger.warning("No PDFs can be made on this worker: WeasyPrint or Pango is missing")
            return built
        built += not kept
    return built
