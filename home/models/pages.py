"""The root page of each language and the plain content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import BasePage


class HomePage(BasePage):
    mission = models.CharField(
        _("mission"),
        max_length=255,
        help_text=_("The programme's mission in one sentence, shown as the page's lead."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("mission"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("mission")]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    class Meta:
        verbose_name = _("home page")


class ContentPage(BasePage):
    """A plain page for contact, about, privacy and the like."""

    intro = models.TextField(_("introduction"), blank=True)
    body = RichTextField(_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
