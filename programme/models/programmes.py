"""Aan de Slag and its sibling initiatives."""

import datetime

from django.db import models
from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Site
from wagtail.search import index

from home import structured_data
from home.blocks import BodyBlock
from home.caching.state import kept_for_page, memo
from home.i18n import related_in_locale
from home.models import BasePage
from home.panels import page_tabs

from .municipalities import MunicipalityPage

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


class ProgrammePage(RoutablePageMixin, BasePage):
    aim = RichTextField(
        _("aim"),
        features=["bold", "italic", "link", "ul"],
        help_text=_("What the programme wants to achieve."),
    )
    target_group = RichTextField(
        _("target group"), blank=True, features=["bold", "italic", "ul"], help_text=_("Who it is for.")
    )
    benefits = StreamField(
        [("benefit", StakeholderBenefitBlock(label=_("benefit")))],
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
    show_national_figures = models.BooleanField(
        _("show the national figures"),
        default=False,
        help_text=_(
            "Shows the figures counted from the municipality pages, as a chart with a table, "
            "with links to download them as CSV and JSON. For the main programme page."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("aim"),
        FieldPanel("target_group"),
        FieldPanel("benefits"),
        FieldPanel("body"),
        FieldPanel("show_national_figures"),
    ]
    people_panels = [FieldPanel("partners"), FieldPanel("funders"), FieldPanel("contacts")]
    edit_handler = page_tabs(content_panels, (_("Partners and contacts"), people_panels))
    search_fields = [*BasePage.search_fields, index.SearchField("aim"), index.SearchField("body")]

    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.ProgrammePage", "home.ContentPage", "programme.SupportRequestPage"]
    template = "programme/programme_page.html"

    class Meta:
        verbose_name = _("programme")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(kept_for_page(request, self, "related", self.related_lists))
        if self.show_national_figures:
            from programme.figures import national_figures

            # Counted once per process and content version: a publish recounts.
            licence = self.data_licence(request)
            key = ("national-figures", licence, datetime.date.today())
            context["national"] = memo(key, lambda: national_figures(licence))
            context["national_examples"] = sum(1 for m in context["national"].municipalities if m["example"])
            context["status_rows"] = [
                (label, context["national"].by_status[value])
                for value, label in MunicipalityPage.Status.choices
            ]
        return context

    def related_lists(self) -> dict:
        return {
            "other_programmes": list(
                ProgrammePage.objects.sibling_of(self, inclusive=False).live().public().order_by("title")
            ),
            "partners": list(related_in_locale(self.partners, self.locale)),
            "funders": list(related_in_locale(self.funders, self.locale)),
            "contacts": list(related_in_locale(self.contacts, self.locale)),
        }

    def structured_data(self, request):
        data = structured_data.base(self, request, "Organization")
        data["parentOrganization"] = structured_data.PUBLISHER
        return data

    def data_licence(self, request) -> str:
        from home.models import SiteSettings

        site = Site.find_for_request(request)
        return memo(
            ("data-licence", site.pk if site else None),
            lambda: SiteSettings.for_request(request).data_licence,
        )

    @path("cijfers/csv/", name="figures_csv")
    def figures_csv(self, request):
        """The national figures as CSV: one row per municipality and year."""
        from programme.figures import as_csv, national_figures

        if not self.show_national_figures:
            raise Http404
        response = HttpResponse(
            as_csv(national_figures(self.data_licence(request))), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="aan-de-slag-gemeenten.csv"'
        return response

    @path("cijfers/dcat/", name="figures_dcat")
    def figures_dcat(self, request):
        """The open data's DCAT-AP-NL description (JSON-LD), for data portals to harvest."""
        from home.models import SiteSettings
        from programme.figures import as_dcat, national_figures

        if not self.show_national_figures:
            raise Http404
        page_url = self.get_full_url(request)
        data = as_dcat(
            national_figures(self.data_licence(request)),
            page_url=page_url,
            csv_url=page_url + self.reverse_subpage("figures_csv"),
            json_url=page_url + self.reverse_subpage("figures_json"),
            contact_email=SiteSettings.for_request(request).contact_email,
        )
        return JsonResponse(
            data, content_type="application/ld+json", json_dumps_params={"ensure_ascii": False, "indent": 1}
        )

    @path("cijfers/json/", name="figures_json")
    def figures_json(self, request):
        """The national figures as JSON, with totals, the date and the licence."""
        from programme.figures import as_json, national_figures

        if not self.show_national_figures:
            raise Http404
        data = as_json(national_figures(self.data_licence(request)), self.get_full_url(request))
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 1})
