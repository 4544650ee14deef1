from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .reports import FeedbackReportView, readable_pages


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        # Editors of pages that have the box (a language's home and newcomer pages).
        return readable_pages(request.user).filter(depth=2).exists()


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("reports/feedback/", FeedbackReportView.as_view(), name="feedback_report"),
        path(
            "reports/feedback/results/",
            FeedbackReportView.as_view(results_only=True),
            name="feedback_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def feedback_menu_item():
    return FeedbackMenuItem(
        _("Missing something here?"), reverse("feedback_report"), icon_name="comment", order=1060
    )
