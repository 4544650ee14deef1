"""What search engines and link previews read: schema.org JSON-LD, Open Graph, canonical links.

Each page type says what it is (`BasePage.structured_data`); this module writes it out
safely and knows, per schema.org type, which properties the site always fills in, so a
test can check every page against them.
"""

import json

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

# The properties each type must carry on this site: schema.org's and Google's required
# ones, and what a reader of the data needs to trust it (publisher, language, dates).
REQUIRED = {
    "Organization": ["name", "url"],
    "GovernmentOrganization": ["name", "url", "identifier", "address"],
    "Article": ["headline", "url", "datePublished", "dateModified", "inLanguage", "author", "publisher"],
    "HowTo": ["name", "url", "inLanguage", "step"],
    "HowToStep": ["name", "text", "position"],
    "WebPage": ["name", "url", "inLanguage"],
}
PUBLISHER = {"@type": "Organization", "name": "Pharos", "url": "https://www.pharos.nl/"}
# Open Graph wants a territory with the language.
OG_LOCALES = {
    "nl": "nl_NL", "en": "en_GB", "ar": "ar_AR", "fa": "fa_IR", "ti": "ti_ER", "so": "so_SO",
    "tr": "tr_TR", "uk": "uk_UA",
}  # fmt: skip


def plain(html: str, limit: int = 300) -> str:
    text = " ".join(strip_tags(html or "").split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def base(page, request, schema_type: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "url": page.get_full_url(request),
        "inLanguage": page.locale.language_code,
        **({"description": page.meta_description} if page.meta_description else {}),
    }


def article(page, request, *, published, body: str = "") -> dict:
    data = base(page, request, "Article")
    data.update(
        headline=page.title[:110],
        datePublished=published.isoformat(),
        dateModified=(page.last_published_at or published).isoformat(),
        author=PUBLISHER,
        publisher=PUBLISHER,
    )
    if body:
        data["abstract"] = plain(body)
    return data


def missing_properties(data: dict) -> list[str]:
    """Required properties missing or empty in `data` and in the typed things inside it."""
    missing = [
        f"{data['@type']}.{name}" for name in REQUIRED.get(data.get("@type"), []) if not data.get(name)
    ]
    for value in data.values():
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict) and item.get("@type") in REQUIRED:
                missing += missing_properties(item)
    return missing


def json_ld(data: dict | None) -> str:
    """A <script type="application/ld+json"> block: not executed, so the strict content
    security policy allows it; `<`, `>` and `&` are escaped so no text can end the block."""
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def og_locale(code: str) -> str:
    return OG_LOCALES.get(code, OG_LOCALES[settings.LANGUAGE_CODE])
