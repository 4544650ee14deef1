"""QR codes as inline SVG, made on the server (segno is pure Python, no image library)."""

import segno


def qr_svg(data: str, title: str) -> str:
    qr = segno.make(data, error="m")
    return qr.svg_inline(scale=6, border=2, title=title, dark="#000", light="#fff", omitsize=False)
