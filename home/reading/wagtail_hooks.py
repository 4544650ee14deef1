from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.reading.reports import MostReadNewcomerPanel, reading_report


@hooks.register("register_admin_urls")
def admin_urls():
    return [path("reports/reading/", reading_report, name="reading_report")]


@hooks.register("register_reports_menu_item")
def reading_report_menu_item():
    return MenuItem(_("What is read"), reverse("reading_report"), icon_name="view", order=1040)


@hooks.register("construct_homepage_panels")
def most_read_panel(request, panels):
    panels.append(MostReadNewcomerPanel())
