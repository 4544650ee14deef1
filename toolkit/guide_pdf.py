"""Guides as print-ready, accessible PDFs, made from the guide page itself (toolkit.pdf)."""

from .pdf import PDFUnavailable, kept_pdf, render_pdf

__all__ = ["PDFUnavailable", "guide_pdf", "render_guide_pdf"]


def render_guide_pdf(guide, request) -> bytes:
    return render_pdf(guide, "toolkit/guide_pdf.html", {}, request)


def guide_pdf(guide, request) -> bytes:
    return kept_pdf("guide", guide, lambda: render_guide_pdf(guide, request))
