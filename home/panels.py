"""Admin tabs shared by the page types, so each page only names its own panels.

Features add panels at the end of every Content tab without this module knowing them:
`settings.PAGE_CONTENT_PANELS` names their classes (the readability of the text, from
home.readability), so the page foundation never imports a feature.
"""

from django.conf import settings
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.models import Page

PROMOTE_PANELS = [
    *Page.promote_panels,
    MultiFieldPanel(
        [FieldPanel("listing_summary"), FieldPanel("social_image"), FieldPanel("social_text")],
        heading=_("Listings and sharing"),
    ),
]

SETTINGS_PANELS = [*Page.settings_panels, FieldPanel("is_example")]


def content_panels_of_features() -> list:
    return [import_string(path)() for path in settings.PAGE_CONTENT_PANELS]


def page_tabs(content_panels, *extra_tabs, promote_panels=None, settings_panels=None) -> TabbedInterface:
    """Content first, with the features' panels at the end, then each (heading, panels)
    tab, then Promote and Settings."""
    tabs = [ObjectList([*content_panels, *content_panels_of_features()], heading=_("Content"))]
    tabs += [ObjectList(panels, heading=heading) for heading, panels in extra_tabs]
    tabs.append(ObjectList(promote_panels or PROMOTE_PANELS, heading=_("Promote")))
    tabs.append(ObjectList(settings_panels or SETTINGS_PANELS, heading=_("Settings"), classname="settings"))
    return TabbedInterface(tabs)
