from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem

from home.reading.reports import MostReadNewcomerPanel, reading_report

# Pharos editors' report (setup_roles gives them the permission): municipal editors and
# translators have no business with what others read, and private pages' titles are in it.
PERMISSION = "reading.view_pageviewcount"


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("reports/reading/", permission_required(PERMISSION)(reading_report), name="reading_report")]


@hooks.register("register_reports_menu_item")
def reading_report_menu_item():
    return ReportMenuItem(_("What is read"), reverse("reading_report"), icon_name="view", order=1040)


@hooks.register("construct_homepage_panels")
def most_read_panel(request, panels):
    if request.user.has_perm(PERMISSION):
        panels.append(MostReadNewcomerPanel())
