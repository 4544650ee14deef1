"""The report of stale pages: not published for a year (STALE_AFTER_MONTHS), or a
translation whose Dutch source changed after it was published, with how long.

A Wagtail page report (filters, pagination, CSV and Excel export come with it), listing
only pages the editor may change, each with its language, section, owner, schedule (go
live and expiry) and a link to edit it.
"""

import datetime

from django.conf import settings
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

import django_filters

STALE_AFTER_MONTHS = getattr(settings, "STALE_AFTER_MONTHS", 12)


def stale_before() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=round(STALE_AFTER_MONTHS * 30.44))


class StalePagesFilterSet(WagtailFilterSet):
    locale = LocaleFilter(label=_("Language"))
    reason = django_filters.ChoiceFilter(
        label=_("Why"),
        choices=[("old", _("Not updated for a long time")), ("translation", _("Translation out of date"))],
        method="filter_reason",
        empty_label=_("Both"),
    )

    class Meta:
        model = Page
        fields = ["locale"]

    def filter_reason(self, queryset, name, value):
        if value == "old":
            return queryset.filter(last_published_at__lt=stale_before())
        if value == "translation":
            return queryset.filter(source_published_at__gt=F("last_published_at"))
        return queryset


class StalePagesView(PageReportView):
    page_title = _("Stale pages")
    header_icon = "time"
    results_template_name = "home/admin/stale_pages_results.html"
    filterset_class = StalePagesFilterSet
    index_url_name = "stale_pages"
    index_results_url_name = "stale_pages_results"
    any_permission_required = ["change"]
    list_export = [
        "title",
        "locale",
        "section",
        "owner",
        "last_published_at",
        "source_published_at",
        "expire_at",
    ]
    export_headings = {
        "locale": _("Language"),
        "section": _("Section"),
        "owner": _("Owner"),
        "last_published_at": _("Last published"),
        "source_published_at": _("Dutch version published"),
        "expire_at": _("Expires"),
    }

    def get_queryset(self):
        source = Page.objects.filter(
            translation_key=OuterRef("translation_key"), locale__language_code=settings.LANGUAGE_CODE
        ).values("last_published_at")[:1]
        self.queryset = (
            self.permission_policy.instances_user_has_permission_for(self.request.user, "change")
            .filter(live=True, depth__gt=2)
            .exclude(last_published_at__isnull=True)
            .annotate(source_published_at=Subquery(source))
            .filter(
                Q(last_published_at__lt=stale_before())
                | (
                    ~Q(locale__language_code=settings.LANGUAGE_CODE)
                    & Q(source_published_at__gt=F("last_published_at"))
                )
            )
            .select_related("owner", "locale", "content_type")
            .order_by("last_published_at")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, queryset):
        pages = list(queryset)
        sections = {
            page.path: page.title
            for page in Page.objects.filter(path__in={page.path[: Page.steplen * 3] for page in pages})
        }
        now = timezone.now()
        for page in pages:
            page.section = sections.get(page.path[: Page.steplen * 3], "")
            page.months_old = (now - page.last_published_at).days // 30
            behind = page.source_published_at and page.source_published_at > page.last_published_at
            page.outdated_days = (now - page.source_published_at).days if behind else None
        return pages
