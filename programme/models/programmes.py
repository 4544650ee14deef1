"""Aan de Slag and its sibling initiatives."""

from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.i18n import related_in_locale
from home.models import BasePage
from home.panels import page_tabs

STAKEHOLDERS = [
    ("residents", _("AZC residents")),
    ("organisations", _("Civil-society organisations")),
    ("volunteer_centres", _("Volunteer centres")),
    ("municipalities", _("Municipalities")),
    ("other", _("Other")),
]


class StakeholderBenefitValue(blocks.StructValue):
    def stakeholder_label(self) -> str:
        return dict(STAKEHOLDERS).get(self.get("stakeholder"), "")


class StakeholderBenefitBlock(blocks.StructBlock):
    stakeholder = blocks.ChoiceBlock(label=_("stakeholder"), choices=STAKEHOLDERS)
    gains = blocks.RichTextBlock(label=_("what they gain"), features=["bold", "italic", "ul"])

    class Meta:
        icon = "group"
        value_class = StakeholderBenefitValue
        template = "components/streamfield/stakeholder_benefit_block.html"


class ProgrammePage(BasePage):
    aim = RichTextField(
        _("aim"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("What the programme wants to achieve."),
    )
    target_group = RichTextField(
        _("target group"), blank=True, features=["bold", "italic", "ul"], help_text=_("Who it is for.")
    )
    benefits = StreamField(
        [("benefit", StakeholderBenefitBlock())],
        verbose_name=_("benefits per stakeholder"),
        blank=True,
        help_text=_("One entry per stakeholder: what they gain from taking part."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    partners = ParentalManyToManyField(
        "programme.Organisation", blank=True, related_name="+", verbose_name=_("partners")
    )
    funders = ParentalManyToManyField(
        "programme.Organisation", blank=True, related_name="+", verbose_name=_("funders")
    )
    contacts = ParentalManyToManyField(
        "programme.Person", blank=True, related_name="+", verbose_name=_("contacts")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("aim"),
        FieldPanel("target_group"),
        FieldPanel("benefits"),
        FieldPanel("body"),
    ]
    people_panels = [FieldPanel("partners"), FieldPanel("funders"), FieldPanel("contacts")]
    edit_handler = page_tabs(content_panels, (_("Partners and contacts"), people_panels))
    search_fields = [*BasePage.search_fields, index.SearchField("aim"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.ProgrammePage", "home.ContentPage"]
    template = "programme/programme_page.html"

    class Meta:
        verbose_name = _("programme")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["other_programmes"] = (
            ProgrammePage.objects.sibling_of(self, inclusive=False).live().public().order_by("title")
        )
        context["partners"] = related_in_locale(self.partners, self.locale)
        context["funders"] = related_in_locale(self.funders, self.locale)
        context["contacts"] = related_in_locale(self.contacts, self.locale)
        return context
