"""Presentation logic for block values, kept out of templates and page methods."""

import re
from urllib.parse import parse_qs, urlsplit

from wagtail.blocks import StructValue
from wagtail.models import Locale

from home.i18n import in_locale

_YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,20}$")


def video_embed_url(url: str) -> str | None:
    """The privacy-friendly player address for a YouTube or Vimeo link, built locally.

    Built from the URL alone, without oEmbed, so rendering a page never calls another host.
    """
    parts = urlsplit(url)
    host = parts.netloc.lower()
    video_id = ""
    if host in _YOUTUBE_HOSTS:
        if host == "youtu.be":
            video_id = parts.path.strip("/")
        elif parts.path.startswith(("/embed/", "/shorts/")):
            video_id = parts.path.split("/")[2]
        else:
            video_id = parse_qs(parts.query).get("v", [""])[0]
        if _VIDEO_ID.match(video_id):
            return f"https://www.youtube-nocookie.com/embed/{video_id}"
    elif host in _VIMEO_HOSTS:
        video_id = parts.path.rstrip("/").rsplit("/", 1)[-1]
        if video_id.isascii() and video_id.isdigit():
            return f"https://player.vimeo.com/video/{video_id}?dnt=1"
    return None


class VideoValue(StructValue):
    def embed_url(self) -> str | None:
        return video_embed_url(self.get("url") or "")

    def provider(self) -> str:
        return "YouTube" if "youtube" in (self.embed_url() or "") else "Vimeo"


class LinkValue(StructValue):
    def target_page(self):
        """The chosen page in the reader's language; else its Dutch version, which the
        template marks with its language. None for an address or an unpublished page."""
        page = self.get("page")
        if page is None:
            return None
        return in_locale([page], Locale.get_active(), fallback=True).first()


class ImageValue(StructValue):
    def alt(self) -> str:
        return "" if self.get("decorative") else self.get("alt_text") or ""
