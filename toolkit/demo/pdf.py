"""The demo's checklist downloads: one-page tagged PDFs made by WeasyPrint (as the guides
are), or plain-text files where the system lacks Pango, so `make run` still works there."""

import logging
from html import escape

logger = logging.getLogger(__name__)

STYLE = """@page { size: A4; margin: 2cm } body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt }
section { page-break-after: always } li { list-style: none; margin: 0 0 .6em }
li::before { content: "\\2610\\00a0\\00a0" }"""


def checklist_documents(checklists: list[tuple[str, list[str]]]) -> list[tuple[str, bytes]]:
    """(file extension, content) of each (title, lines) checklist, in order.

    All checklists are laid out in one document, a page each, and each page written as a
    PDF of its own: WeasyPrint's start-up and font loading are paid once, not per file.
    """
    try:
        from weasyprint import HTML
    except (ImportError, OSError) as error:  # OSError: Pango is not installed
        logger.warning("WeasyPrint cannot run (%s): the demo checklists are plain text", error)
        return [("txt", _plain_text(title, lines)) for title, lines in checklists]
    sections = "".join(
        f"<section><h1>{escape(title)}</h1><ul>{''.join(f'<li>{escape(line)}</li>' for line in lines)}</ul>"
        "</section>"
        for title, lines in checklists
    )
    html = (
        f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><style>{STYLE}</style></head>'
        f"<body>{sections}</body></html>"
    )
    # Nothing to fetch: the page carries its own style, and a URL would be refused.
    document = HTML(string=html, url_fetcher=_refuse_urls).render(pdf_tags=True)
    documents = []
    for (title, _lines), page in zip(checklists, document.pages, strict=True):
        single = document.copy([page])
        single.metadata.title = title
        single.metadata.lang = "nl"
        documents.append(("pdf", single.write_pdf(pdf_variant="pdf/ua-1", pdf_tags=True)))
    return documents


def _plain_text(title: str, lines: list[str]) -> bytes:
    return "\n".join([title, "", *(f"[ ] {line}" for line in lines), ""]).encode()


def _refuse_urls(url, *args, **kwargs):
    raise ValueError(f"No fetching while rendering a demo checklist: {url}")
