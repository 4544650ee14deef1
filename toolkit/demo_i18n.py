"""The demo's translations: the newcomer section in every language, guidance in English."""

from wagtail.models import Locale, Page

from home.translation import translate_with_table
from programme.models import ActivityType

from .demo_translations import LANGUAGES, PROFESSIONAL_EN, table

PROFESSIONAL_SECTIONS = (
    "over-aan-de-slag",
    "versterken-vrouwenparticipatie",
    "gezond-participeren",
    "vooruit-met-sociale-integratie",
    "succesfactoren",
    "gemeenten",
    "verhalen",
    "handreikingen",
    "contact",
)


def _tree(page: Page) -> list[Page]:
    """The page and its descendants, parents first, so each translation has its parent."""
    return [p.specific for p in page.get_descendants(inclusive=True).order_by("path")]


def ensure_translations(home: Page, newcomer_index: Page) -> dict[str, list[str]]:
    """Translate what the demo offers in each language; return untranslated strings per language."""
    activity_types = list(ActivityType.objects.filter(locale=home.locale))
    professional = [
        page
        for slug in PROFESSIONAL_SECTIONS
        for section in home.get_children().filter(slug=slug)
        for page in _tree(section)
    ]
    missing = {}
    for code in LANGUAGES:
        locale = Locale.objects.get(language_code=code)
        strings = table(code) | (PROFESSIONAL_EN if code == "en" else {})
        objects = [home, *_tree(newcomer_index), *activity_types]
        if code == "en":
            objects += professional
        missing[code] = [text for obj in objects for text in translate_with_table(obj, locale, strings)]
    return missing
