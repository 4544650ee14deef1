"""Admin tabs shared by the page types, so each page only names its own panels."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, TabbedInterface


def page_tabs(content_panels, *extra_tabs, promote_panels=None, settings_panels=None) -> TabbedInterface:
    """Content first, with the readability of its text at the end, then each (heading,
    panels) tab, then Promote and Settings."""
    from .models.base import BasePage
    from .readability_panel import ReadabilityPanel

    readability = ReadabilityPanel(heading=_("Readability"))
    tabs = [ObjectList([*content_panels, readability], heading=_("Content"))]
    tabs += [ObjectList(panels, heading=heading) for heading, panels in extra_tabs]
    tabs.append(ObjectList(promote_panels or BasePage.promote_panels, heading=_("Promote")))
    tabs.append(
        ObjectList(settings_panels or BasePage.settings_panels, heading=_("Settings"), classname="settings")
    )
    return TabbedInterface(tabs)
