"""Key figures counted from the site's pages, so a headline number cannot drift from them.

`home` defines the block; the apps that own the data register how to count (programme
registers the municipalities taking part in its AppConfig.ready), so `home` imports no app
above it. Counts are kept per content version (home.caching.state).
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from home.caching.state import memo

CHOICES = [
    ("municipalities", _("Municipalities taking part, counted from their pages")),
    ("success_factors", _("Success factors, counted from their pages")),
    ("activity_types", _("Kinds of volunteering, counted from the list")),
]
_counters: dict = {}


def register(key: str, count) -> None:
    _counters[key] = count


def counted(key: str) -> int | None:
    count = _counters.get(key)
    return memo(("key-figure", key), count) if count else None


class KeyFigureValue(blocks.StructValue):
    def number(self) -> str:
        if self.get("counted"):
            number = counted(self["counted"])
            return "" if number is None else str(number)
        return self.get("figure") or ""
