"""The A4 poster for AZC notice boards: a QR code that a real decoder reads from the
printed PDF, one page in every language, and a page that fits a phone."""

import io
import os
import shutil
import subprocess

from wagtail.models import Page

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.django_db
pytest.importorskip("weasyprint", reason="WeasyPrint needs the system's Pango")

NEWCOMER = "/nieuwkomers/wat-is-vrijwilligerswerk/"
MUNICIPALITY_NEWCOMER = "/nieuwkomers/in-utrecht/"
TOOLS = ("pdftoppm", "zbarimg")  # poppler-utils and zbar-tools, installed by .ci/run


def decode_qr(pdf: bytes, tmp_path) -> list[str]:
    """Every QR code zbar finds on the PDF's first page, rasterised at 150 dpi."""
    found = {tool: shutil.which(tool) for tool in TOOLS}
    missing = [tool for tool, path in found.items() if path is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI installs {missing} (.ci/run)")
        pytest.skip(f"{missing} not installed: apt-get install poppler-utils zbar-tools")
    (tmp_path / "poster.pdf").write_bytes(pdf)
    subprocess.run(  # noqa: S603 - fixed arguments, tools from the system's packages
        [
            found["pdftoppm"],
            "-r",
            "150",
            "-png",
            "-singlefile",
            str(tmp_path / "poster.pdf"),
            str(tmp_path / "poster"),
        ],
        check=True,
    )
    decoded = subprocess.run(  # noqa: S603
        [found["zbarimg"], "--quiet", "--raw", str(tmp_path / "poster.png")], capture_output=True, text=True
    )
    return decoded.stdout.split()


@pytest.mark.parametrize("code", ["ti", "ar"])
def test_the_qr_code_on_the_printed_poster_scans_to_the_page(client, code, tmp_path):
    response = client.get(f"/{code}{NEWCOMER}poster/pdf/")
    assert response.status_code == 200, response.content[:200]
    assert response["Content-Type"] == "application/pdf"
    assert len(PdfReader(io.BytesIO(response.content)).pages) == 1  # one A4 sheet
    page = Page.objects.get(url_path__endswith="/wat-is-vrijwilligerswerk/", locale__language_code=code)
    assert decode_qr(response.content, tmp_path) == [page.full_url]
    assert page.full_url.endswith(f"/{code}{NEWCOMER}")


def test_every_language_has_a_one_page_poster(client):
    for code in ("nl", "en", "ar", "fa", "ti", "so", "tr", "uk"):
        response = client.get(f"/{code}{NEWCOMER}poster/pdf/")
        assert response.status_code == 200, code
        reader = PdfReader(io.BytesIO(response.content))
        assert len(reader.pages) == 1, code
        assert reader.trailer["/Root"]["/Lang"] == code


def test_the_qr_code_on_screen_has_a_viewbox_so_it_scales_without_cropping(client):
    html = client.get(f"/ti{NEWCOMER}poster/").content.decode()
    svg = html[html.index('<svg role="img"') :]
    svg = svg[: svg.index(">")]
    assert "viewBox" in svg and "width=" not in svg
