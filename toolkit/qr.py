"""QR codes as inline SVG, made on the server (segno is pure Python, no image library)."""

import segno


def qr_svg(data: str, title: str) -> str:
    """A QR code that scales: a viewBox and no fixed size, so CSS may size it without
    cropping (a code cut at its edge does not scan); named for screen readers."""
    qr = segno.make(data, error="m")
    svg = qr.svg_inline(scale=6, border=4, title=title, dark="#000", light="#fff", omitsize=True)
    return svg.replace("<svg ", '<svg role="img" ', 1)
