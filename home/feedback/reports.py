"""The editors' report of feedback: answers from the pages each editor may edit (a
translator sees their language's, Pharos editors every language), filterable by language
and section, exported as CSV or Excel (cells kept as text, home.spreadsheets)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import LocaleFilter, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from .models import Feedback


def readable_pages(user):
    return PagePermissionPolicy().instances_user_has_permission_for(user, "change")


class FeedbackFilterSet(WagtailFilterSet):
    locale = LocaleFilter(label=_("Language"))
    section = django_filters.ChoiceFilter(label=_("Section"), choices=Feedback.Section.choices)

    class Meta:
        model = Feedback
        fields = ["locale", "section"]


class FeedbackReportView(ReportView):
    page_title = _("Missing something here?")
    header_icon = "comment"
    results_template_name = "home/admin/feedback_report_results.html"
    filterset_class = FeedbackFilterSet
    index_url_name = "feedback_report"
    index_results_url_name = "feedback_report_results"
    list_export = ["created_at", "locale", "section", "path", "missing", "answer"]
    export_headings = {
        "created_at": _("Sent"),
        "locale": _("Language"),
        "section": _("Section"),
        "path": _("Page"),
        "missing": _("What was missing"),
        "answer": _("Answer"),
    }

    def get_queryset(self):
        return (
            Feedback.objects.filter(page__in=readable_pages(self.request.user))
            .select_related("locale", "page")
            .order_by("-created_at")
        )

    def to_row_dict(self, item):
        row = super().to_row_dict(item)
        row["locale"] = item.locale.get_display_name()
        row["section"] = item.get_section_display()
        row["missing"] = item.get_missing_display() if item.missing else ""
        return row
