"""Guides as tagged, accessible PDFs in the reader's language, made from the guide page."""

import io

from wagtail.models import Locale

import pytest
from pypdf import PdfReader

from toolkit.models import GuidePage

pytestmark = pytest.mark.django_db
pytest.importorskip("weasyprint", reason="WeasyPrint needs the system's Pango")


def read(client, path) -> PdfReader:
    response = client.get(path)
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == "application/pdf"
    return PdfReader(io.BytesIO(response.content))


def structure_tags(reader: PdfReader) -> set[str]:
    tags, todo = set(), [reader.trailer["/Root"]["/StructTreeRoot"]]
    while todo:
        node = todo.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            todo.extend(node)
            continue
        if hasattr(node, "get"):
            if node.get("/S"):
                tags.add(str(node["/S"]))
            kids = node.get("/K")
            if kids is not None:
                todo.extend(kids if isinstance(kids, list) else [kids])
    return tags


def test_a_dutch_guide_pdf_is_tagged_in_dutch_with_its_steps(client):
    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    reader = read(client, f"{guide.url}pdf/")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == guide.title
    tags = structure_tags(reader)
    assert {"/H1", "/H2", "/P"} <= tags or {"/H1", "/P"} <= tags, tags
    text = " ".join(page.extract_text() for page in reader.pages)
    steps = [step["title"] for block in guide.body if block.block_type == "steps" for step in block.value]
    assert steps
    for title in steps:
        assert title in text, title


def test_an_arabic_guide_pdf_carries_arabic(client, django_capture_on_commit_callbacks):
    source = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    arabic = source.copy_for_translation(Locale.objects.get(language_code="ar"), copy_parents=True)
    arabic.title = "مطابقة السكان مع العمل التطوعي"
    arabic.summary = "كيف تربط مجموعات السكان بنشاط مناسب."
    arabic.save_revision().publish()
    reader = read(client, f"{arabic.url}pdf/")
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "ar"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert reader.metadata.title == arabic.title
    text = reader.pages[0].extract_text()
    assert any(
        "\u0600" <= ch <= "\u06ff" or "\ufb50" <= ch <= "\ufefc" for ch in text
    )  # Arabic letters, not boxes


def test_the_pdf_is_kept_until_the_guide_is_published_again(client, django_assert_max_num_queries):
    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    first = client.get(f"{guide.url}pdf/").content
    assert client.get(f"{guide.url}pdf/").content == first
    guide.summary = "Een nieuwe samenvatting voor de PDF."
    guide.save_revision().publish()
    text = PdfReader(io.BytesIO(client.get(f"{guide.url}pdf/").content)).pages[0].extract_text()
    assert "Een nieuwe samenvatting voor de PDF." in text


def test_the_guide_page_links_its_pdf(client):
    html = client.get("/nl/handreikingen/matchen/").content.decode()
    assert 'href="/nl/handreikingen/matchen/pdf/" type="application/pdf"' in html
