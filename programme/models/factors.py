"""The six success factors of Aan de Slag."""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.caching.state import kept_for_page
from home.models import BasePage, IndexPage

from .recognition import RecognitionMixin


class SuccessFactorIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.SuccessFactorPage"]
    template = "programme/success_factor_index_page.html"

    class Meta:
        verbose_name = _("success factor index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["factors"] = SuccessFactorPage.objects.child_of(self).live().public().order_by("number")
        return context

    @path("quickscan/", name="quick_scan")
    def quick_scan(self, request):
        """A short questionnaire on the six factors; the answers live in the address."""
        from programme.quick_scan import quick_scan_context

        context = super().get_context(request)
        context.update(quick_scan_context(self, request))
        return TemplateResponse(request, "programme/quick_scan.html", context)


class SuccessFactorPage(RecognitionMixin, BasePage):
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The factor's place in the list of six, used for ordering.")
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("The factor in one or two sentences.")
    )
    explanation = RichTextField(
        _("explanation"),
        features=["h3", "bold", "italic", "link", "ol", "ul"],
        help_text=_("Why it matters."),
    )
    tips = StreamField(
        BodyBlock(),
        verbose_name=_("practical tips"),
        blank=True,
        help_text=_("What a local team can do tomorrow. Steps or questions and answers work well."),
    )
    scan_statements = StreamField(
        [("statement", blocks.CharBlock(label=_("statement"), max_length=200))],
        verbose_name=_("quick scan statements"),
        blank=True,
        help_text=_("Three or four statements a local team rates itself on. Short, plain words (B1)."),
    )
    scan_advice = RichTextField(
        _("quick scan advice"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Shown to a team that scores low on this factor: what to do first."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("number"),
        FieldPanel("summary"),
        FieldPanel("explanation"),
        FieldPanel("tips"),
        MultiFieldPanel([FieldPanel("scan_statements"), FieldPanel("scan_advice")], heading=_("Quick scan")),
        *RecognitionMixin.recognition_panels,
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *RecognitionMixin.recognition_synchronized,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("explanation"),
    ]

    api_fields = [APIField("number"), APIField("summary"), APIField("explanation"), APIField("tips")]

    parent_page_types = ["programme.SuccessFactorIndexPage"]
    subpage_types: list[str] = []
    template = "programme/success_factor_page.html"
    listed = 6

    class Meta:
        verbose_name = _("success factor")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A few of each, newest first; the listings filtered on this factor hold the rest.
        # Kept per content version: at national size these are the page's slowest queries.
        context.update(kept_for_page(request, self, "related", self.related_lists))
        return context

    def related_lists(self) -> dict:
        return {
            "guides": list(
                self.related_pages("toolkit.GuidePage").order_by("-first_published_at", "title")[
                    : self.listed
                ]
            ),
            "case_studies": list(
                self.related_pages("programme.CaseStudyPage").order_by("-date", "-pk")[: self.listed]
            ),
            "all_guides_url": self.listing_url("toolkit.GuidePage"),
            "all_case_studies_url": self.listing_url("programme.CaseStudyPage"),
        }

    def listing_url(self, model_name: str) -> str | None:
        """The full listing of `model_name` filtered on this factor, in this factor's language."""
        index = {
            "toolkit.GuidePage": "toolkit.GuideIndexPage",
            "programme.CaseStudyPage": "programme.MunicipalityIndexPage",
        }
        listing = apps.get_model(index[model_name]).objects.live().filter(locale_id=self.locale_id).first()
        if listing is None:
            return None
        base = (
            listing.url
            if model_name == "toolkit.GuidePage"
            else listing.url + listing.reverse_subpage("case_studies")
        )
        return f"{base}?succesfactor={self.slug}"

    def related_pages(self, model_name: str):
        """Pages of `model_name` in this factor's language that name this factor (one query).

        Matched by translation key: a guide still linked to the Dutch factor shows on the
        English factor page when the guide itself is English, and never twice.
        """
        model = apps.get_model(model_name)
        return model.objects.live().public().filter(self.named_by(model), locale_id=self.locale_id)

    def named_by(self, model):
        """A filter for pages of `model` whose success factors include this factor in any
        language: a subquery, so no join multiplies rows and no DISTINCT is needed."""
        field = model._meta.get_field("success_factors")
        through = field.remote_field.through
        return Exists(
            through.objects.filter(
                **{
                    field.m2m_field_name(): OuterRef("pk"),
                    f"{field.m2m_reverse_field_name()}__translation_key": self.translation_key,
                }
            )
        )
