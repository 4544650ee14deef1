"""The root page of each language and the plain content page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home import structured_data
from home.blocks import BodyBlock, KeyFigureBlock
from home.caching.state import kept_for_page
from home.i18n import in_locale, related_in_locale
from home.models.base import BasePage
from home.panels import page_tabs


class DoorBlock(blocks.StructBlock):
    """One of the home page's entrances: municipalities, organisations, newcomers."""

    title = blocks.CharBlock(label=_("title"), max_length=60)
    text = blocks.CharBlock(label=_("text"), max_length=160)
    page = blocks.PageChooserBlock(label=_("page"))

    class Meta:
        icon = "doc-empty"


class HomePage(BasePage):
    mission = models.CharField(
        _("mission"),
        max_length=255,
        help_text=_("The programme's mission in one sentence, shown as the page's lead."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    doors = StreamField(
        [("door", DoorBlock(label=_("door")))],
        verbose_name=_("doors"),
        blank=True,
        max_num=3,
        help_text=_("The three ways in: municipalities, organisations, newcomers."),
    )
    featured_factors = ParentalManyToManyField(
        "programme.SuccessFactorPage",
        blank=True,
        related_name="+",
        verbose_name=_("featured success factors"),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock(label=_("key figure")))],
        verbose_name=_("key figures"),
        blank=True,
        max_num=6,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("mission"),
        FieldPanel("intro"),
        FieldPanel("doors"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    edit_handler = page_tabs(content_panels, (_("Featured"), [FieldPanel("featured_factors")]))
    search_fields = [*BasePage.search_fields, index.SearchField("mission")]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"
    # The newcomer section hangs below it, so it exists in every language.
    translated_into_all_languages = True

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The same for every reader: read once per process and content version.
        context["featured_factors"] = kept_for_page(
            request,
            self,
            "featured-factors",
            lambda: list(related_in_locale(self.featured_factors, self.locale).order_by("number")),
        )
        context["doors"] = kept_for_page(request, self, "doors", self.doors_in_locale)
        return context

    def structured_data(self, request):
        data = structured_data.base(self, request, "Organization")
        data["name"] = "Aan de Slag"
        data["parentOrganization"] = structured_data.PUBLISHER
        return data

    def doors_in_locale(self) -> list[dict]:
        """The doors whose target exists in this page's language, linked to that translation.

        A door to a page this language lacks is left out: it would switch language.
        """
        doors = [door.value for door in self.doors if door.value["page"]]
        targets = {
            page.translation_key: page
            for page in in_locale([door["page"] for door in doors], self.locale).specific()
        }
        return [
            {"title": door["title"], "text": door["text"], "page": targets[door["page"].translation_key]}
            for door in doors
            if door["page"].translation_key in targets
        ]


class ContentPage(BasePage):
    """A plain page for contact, about, privacy and the like."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.ContentPage"]
    template = "home/content_page.html"

    class Meta:
        verbose_name = _("content page")
