"""Which pages are missing, out of date or current in each language, for editors."""

from collections import defaultdict

from django.conf import settings
from django.db.models import Count, F
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, Translation

from home.i18n import language_name

MISSING, IN_PROGRESS, OUTDATED, CURRENT = "missing", "in_progress", "outdated", "current"
STATUS_LABELS = {
    MISSING: _("Missing"),
    IN_PROGRESS: _("In progress"),
    OUTDATED: _("Out of date"),
    CURRENT: _("Current"),
}


def expected_languages(page_class) -> list[str]:
    """Newcomer pages exist in every language; professional guidance in Dutch and English."""
    if getattr(page_class, "translated_into_all_languages", False):
        return [code for code, _name in settings.LANGUAGES]
    return list(settings.PROFESSIONAL_LANGUAGES)


def segment_progress(keys) -> tuple[dict, dict]:
    """Per Dutch source, its number of text segments, and per (source, language) how many
    of them are translated in wagtail-localize. Two queries for any number of pages."""
    segments = StringSegment.objects.filter(
        source__object_id__in=keys, source__locale__language_code=settings.LANGUAGE_CODE
    )
    totals = dict(segments.values_list("source__object_id").annotate(Count("pk")))
    done = (
        segments.filter(
            string__translations__context_id=F("context_id"), string__translations__has_error=False
        )
        .values_list("source__object_id", "string__translations__locale__language_code")
        .annotate(Count("pk", distinct=True))
    )
    return totals, {(key, code): count for key, code, count in done}


def page_status(source, found, managed: bool, total: int, translated: int) -> tuple[str, int | None]:
    """The status of one translation and, while it is in progress, its share translated.

    A page managed by wagtail-localize counts as translated only when every segment is:
    a live page that still carries Dutch text is in progress, not current.
    """
    if found is None:
        return MISSING, None
    percent = round(100 * translated / total) if managed and total else 100
    if percent < 100 or not found["live"]:
        return IN_PROGRESS, percent
    published, translated_at = source.last_published_at, found["last_published_at"]
    if published and translated_at and published > translated_at:
        return OUTDATED, None
    return CURRENT, None


def translation_report(user=None) -> list[dict]:
    """Per language, each expected page's status, in five queries whatever the number of pages.

    With a user, only what that user may edit: a Dutch page they may edit in every language,
    and for a translator, who edits only their own language's tree, the Dutch pages whose
    translation into that language they may edit, in that language only (a page not yet
    translated is theirs to ask for, not to make, so it is listed for editors).
    """
    sources = Page.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE, depth__gt=1)
    languages = None  # every language
    if user is not None:
        editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
        own_sources = sources & editable
        if not user.is_superuser and not own_sources.exists():
            translated = editable.exclude(locale__language_code=settings.LANGUAGE_CODE)
            languages = set(translated.values_list("locale__language_code", flat=True).distinct())
            sources = sources.filter(translation_key__in=translated.values("translation_key"))
        else:
            sources = own_sources
    sources = list(sources.select_related("content_type").order_by("path"))
    keys = [p.translation_key for p in sources]
    translations = defaultdict(dict)
    rows = (
        Page.objects.filter(translation_key__in=keys, alias_of__isnull=True)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .values("translation_key", "locale__language_code", "last_published_at", "live", "id")
    )
    for row in rows:
        translations[row["translation_key"]][row["locale__language_code"]] = row
    managed = set(
        Translation.objects.filter(
            source__object_id__in=keys, source__locale__language_code=settings.LANGUAGE_CODE
        ).values_list("source__object_id", "target_locale__language_code")
    )
    totals, done = segment_progress(keys)
    report = []
    for code, _name in settings.LANGUAGES:
        if code == settings.LANGUAGE_CODE or (languages is not None and code not in languages):
            continue
        pages = []
        for source in sources:
            if code not in expected_languages(source.specific_class):
                continue
            key = source.translation_key
            found = translations[key].get(code)
            status, percent = page_status(
                source, found, (key, code) in managed, totals.get(key, 0), done.get((key, code), 0)
            )
            pages.append(
                {
                    "source": source,
                    "status": status,
                    "label": STATUS_LABELS[status],
                    "percent": percent,
                    "translation": found,
                }
            )
        counts = {key: sum(1 for p in pages if p["status"] == key) for key in STATUS_LABELS}
        report.append({"code": code, "name": language_name(code), "pages": pages, "counts": counts})
    return report


def translation_status_view(request):
    language = request.GET.get("language", "")
    report = translation_report(request.user)
    selected = next((entry for entry in report if entry["code"] == language), None)
    return render(
        request,
        "home/admin/translation_status.html",
        {"report": report, "selected": selected, "page_title": _("Translation status")},
    )
