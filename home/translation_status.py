"""Which pages are missing, out of date or current in each language, for editors."""

from collections import defaultdict

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from .i18n import language_name

MISSING, OUTDATED, CURRENT = "missing", "outdated", "current"
STATUS_LABELS = {MISSING: _("Missing"), OUTDATED: _("Out of date"), CURRENT: _("Current")}


def expected_languages(page_class) -> list[str]:
    """Newcomer pages exist in every language; professional guidance in Dutch and English."""
    if getattr(page_class, "translated_into_all_languages", False):
        return [code for code, _name in settings.LANGUAGES]
    return list(settings.PROFESSIONAL_LANGUAGES)


def translation_report() -> list[dict]:
    """Per language, each expected page's status. Two queries, whatever the number of pages."""
    sources = list(
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
        .select_related("content_type")
        .order_by("path")
    )
    translations = defaultdict(dict)
    rows = (
        Page.objects.filter(translation_key__in=[p.translation_key for p in sources], alias_of__isnull=True)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values("translation_key", "locale__language_code", "last_published_at", "live", "id")
    )
    for row in rows:
        translations[row["translation_key"]][row["locale__language_code"]] = row
    report = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE:
            continue
        pages = []
        for source in sources:
            if code not in expected_languages(source.specific_class):
                continue
            found = translations[source.translation_key].get(code)
            if found is None or not found["live"]:
                status = MISSING
            elif (
                source.last_published_at
                and found["last_published_at"]
                and (source.last_published_at > found["last_published_at"])
            ):
                status = OUTDATED
            else:
                status = CURRENT
            pages.append(
                {"source": source, "status": status, "label": STATUS_LABELS[status], "translation": found}
            )
        counts = {key: sum(1 for p in pages if p["status"] == key) for key in STATUS_LABELS}
        report.append({"code": code, "name": language_name(code), "pages": pages, "counts": counts})
    return report


def translation_status_view(request):
    language = request.GET.get("language", "")
    report = translation_report()
    selected = next((entry for entry in report if entry["code"] == language), None)
    return render(
        request,
        "home/admin/translation_status.html",
        {"report": report, "selected": selected, "page_title": _("Translation status")},
    )
