"""What a municipality did, and what came of it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from home import structured_data
from home.blocks import ImageBlock
from home.caching.state import kept_for_page
from home.forms import LocalizedPageForm
from home.i18n import related_in_locale
from home.models import BasePage
from home.panels import page_tabs

from .municipalities import date_not_in_future
from .recognition import RecognitionMixin

RICH = ["bold", "italic", "link", "ol", "ul"]


class CaseStudyForm(LocalizedPageForm):
    def clean(self):
        cleaned_data = super().clean()
        if "success_factors" in self.fields and not cleaned_data.get("success_factors"):
            self.add_error("success_factors", _("Name at least one success factor this case study shows."))
        return cleaned_data


class CaseStudyPage(RecognitionMixin, BasePage):
    base_form_class = CaseStudyForm

    summary = models.TextField(_("summary"), max_length=400, help_text=_("What happened, in two sentences."))
    situation = RichTextField(_("situation"), features=RICH, help_text=_("Where things stood before."))
    approach = RichTextField(_("approach"), features=RICH, help_text=_("What the local team did."))
    result = RichTextField(
        _("result"), features=RICH, help_text=_("What came of it, with figures where you have them.")
    )
    quote = models.TextField(_("quote"), blank=True)
    quote_attribution = models.CharField(_("quote by"), max_length=120, blank=True)
    success_factors = ParentalManyToManyField(
        "programme.SuccessFactorPage", related_name="case_studies", verbose_name=_("success factors it shows")
    )
    activity_type = models.ForeignKey(
        "programme.ActivityType",
        verbose_name=_("activity type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="case_studies",
    )
    date = models.DateField(_("date"), validators=[date_not_in_future], help_text=_("When it happened."))
    images = StreamField([("image", ImageBlock(label=_("image")))], verbose_name=_("images"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("situation"),
        FieldPanel("approach"),
        FieldPanel("result"),
        MultiFieldPanel([FieldPanel("quote"), FieldPanel("quote_attribution")], heading=_("Quote")),
        FieldPanel("images"),
    ]
    classification_panels = [
        FieldPanel("success_factors"),
        FieldRowPanel([FieldPanel("activity_type"), FieldPanel("date")]),
        *RecognitionMixin.recognition_panels,
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *RecognitionMixin.recognition_synchronized,
    ]
    edit_handler = page_tabs(content_panels, (_("Classification"), classification_panels))
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("approach"),
        index.SearchField("result"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("situation"),
        APIField("approach"),
        APIField("result"),
        APIField("date"),
    ]

    parent_page_types = ["programme.MunicipalityPage"]
    subpage_types: list[str] = []
    template = "programme/case_study_page.html"

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def structured_data(self, request):
        return structured_data.article(self, request, published=self.date, body=self.summary)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(kept_for_page(request, self, "related", self.related_lists))
        return context

    def related_lists(self) -> dict:
        return {
            "factors": list(related_in_locale(self.success_factors, self.locale).order_by("number")),
            "activity_type": (
                related_in_locale([self.activity_type], self.locale).first() if self.activity_type else None
            ),
        }

    @property
    def municipality(self):
        return self.get_parent().specific
