"""How-to guides for local teams, and plain-language pages for newcomers."""

from django.conf import settings
from django.db import models
from django.db.models import Case, When
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home import structured_data
from home.blocks import BodyBlock
from home.caching.state import kept_for_page
from home.filters import listing_context
from home.i18n import related_in_locale
from home.models import BasePage, IndexPage
from home.panels import page_tabs
from programme.models import SuccessFactorPage
from programme.models.recognition import RecognitionMixin
from programme.models.snippets import PICTOGRAMS

from .pdf import inline_stylesheet, kept_pdf, pdf_response, render_pdf
from .qr import qr_svg


class GuideIndexPage(IndexPage):
    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["toolkit.GuidePage"]
    template = "toolkit/guide_index_page.html"

    class Meta:
        verbose_name = _("guide index")

    per_page = 24

    def get_context(self, request, *args, **kwargs):
        from toolkit.filters import GuideFilter

        context = super().get_context(request, *args, **kwargs)
        # In the order of the phases, then by title, sorted by the database.
        phase_order = Case(*(When(phase=value, then=i) for i, value in enumerate(GuidePage.Phase.values)))
        guides = (
            GuidePage.objects.child_of(self).live().public().annotate(phase_order=phase_order)
        ).order_by("phase_order", "title")
        filterset = GuideFilter(request.GET, guides, locale=self.locale, scope=self.pk, request=request)
        context.update(listing_context(request, filterset, self.per_page))
        return context


class GuidePage(RoutablePageMixin, RecognitionMixin, BasePage):
    class Phase(models.TextChoices):
        PREPARE = "prepare", _("Prepare")
        RECRUIT = "recruit", _("Recruit")
        MATCH = "match", _("Match")
        GUIDE = "guide", _("Guide")
        SUSTAIN = "sustain", _("Sustain")

    class Audience(models.TextChoices):
        PROJECT_TEAM = "project_team", _("Local project teams")
        MUNICIPALITY = "municipality", _("Municipalities")
        VOLUNTEER_CENTRE = "volunteer_centre", _("Volunteer centres")
        ORGANISATION = "organisation", _("Volunteer organisations")
        COA = "coa", _("COA and AZC staff")

    audience = models.CharField(
        _("audience"), max_length=20, choices=Audience.choices, default=Audience.PROJECT_TEAM
    )
    phase = models.CharField(
        _("phase"), max_length=10, choices=Phase.choices, help_text=_("Where in the work this guide helps.")
    )
    summary = models.TextField(
        _("summary"), max_length=400, help_text=_("What the reader can do after reading.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), help_text=_("Use the Steps block for the steps."))
    success_factors = ParentalManyToManyField(
        SuccessFactorPage, blank=True, related_name="guide_pages", verbose_name=_("related success factors")
    )

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("audience"), FieldPanel("phase")]),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    related_panels = [
        InlinePanel("downloads", label=_("download"), heading=_("Downloads")),
        FieldPanel("success_factors"),
        *RecognitionMixin.recognition_panels,
    ]
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *RecognitionMixin.recognition_synchronized,
    ]
    edit_handler = page_tabs(content_panels, (_("Downloads and links"), related_panels))
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.FilterField("phase"),
        index.FilterField("audience"),
    ]

    api_fields = [APIField("phase"), APIField("audience"), APIField("summary"), APIField("body")]

    parent_page_types = ["toolkit.GuideIndexPage"]
    subpage_types: list[str] = []
    template = "toolkit/guide_page.html"

    class Meta:
        verbose_name = _("guide")

    def structured_data(self, request):
        """A HowTo: the steps of the guide's Steps blocks, or the guide as one step."""
        data = structured_data.base(self, request, "HowTo")
        steps = [step for block in self.body if block.block_type == "steps" for step in block.value]
        data["step"] = [
            {
                "@type": "HowToStep",
                "position": position,
                "name": step["title"],
                "text": structured_data.plain(step["body"].source, 500) or step["title"],
            }
            for position, step in enumerate(steps, start=1)
        ] or [{"@type": "HowToStep", "position": 1, "name": self.title, "text": self.summary or self.title}]
        return data

    # The PDFs this page offers, by kind, and the method that renders each (toolkit.pdf).
    pdf_kinds = {"guide": "render_guide_pdf"}

    @path("pdf/", name="pdf")
    def pdf(self, request):
        """The guide as a tagged PDF in its own language, built once per content version."""
        return pdf_response(self.slug, kept_pdf("guide", self, self.render_guide_pdf))

    def render_guide_pdf(self, request) -> bytes:
        return render_pdf(self, "toolkit/guide_pdf.html", {}, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(kept_for_page(request, self, "related", self.related_lists))
        return context

    def related_lists(self) -> dict:
        return {
            "factors": list(related_in_locale(self.success_factors, self.locale).order_by("number")),
            "downloads": list(self.downloads.select_related("document")),
        }


class GuideDownload(Orderable):
    page = ParentalKey(GuidePage, on_delete=models.CASCADE, related_name="downloads")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.PROTECT, related_name="+"
    )
    description = models.CharField(_("description"), max_length=200, blank=True)
    # The document's own language: a translated guide still offers the Dutch checklist,
    # and says so (hreflang, the language named in its own words).
    language = models.CharField(
        _("language of the document"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    panels = [FieldPanel("document"), FieldRowPanel([FieldPanel("language"), FieldPanel("description")])]

    def language_autonym(self) -> str:
        from django.utils.translation import get_language_info

        return get_language_info(self.language)["name_local"]


class NewcomerIndexPage(BasePage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Plain words, short sentences (B1 or simpler).")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["toolkit.NewcomerPage"]
    translated_into_all_languages = True
    max_count_per_parent = 1
    template = "toolkit/newcomer_index_page.html"

    class Meta:
        verbose_name = _("newcomer section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Cards show title, pictogram and introduction, never a page's body.
        context["newcomer_pages"] = NewcomerPage.objects.child_of(self).live().public().defer_streamfields()
        return context


class NewcomerPage(RoutablePageMixin, BasePage):
    pictogram = models.CharField(_("pictogram"), max_length=20, choices=PICTOGRAMS, default="other")
    intro = models.TextField(
        _("in short"), max_length=300, help_text=_("One or two short sentences. Plain words (B1 or simpler).")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    how_to_join = RichTextField(
        _("how to join"),
        features=["bold", "ol", "ul", "link"],
        help_text=_("The steps to take, one per line, in the order they happen."),
    )
    who_to_ask = models.TextField(
        _("who to ask at the AZC"), help_text=_("Who helps residents to start, and where to find them.")
    )
    show_kinds_of_volunteering = models.BooleanField(
        _("show the kinds of volunteering"),
        default=False,
        help_text=_("Lists every kind of volunteering with its pictogram, in the reader's language."),
    )
    municipality = models.ForeignKey(
        "programme.MunicipalityPage",
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newcomer_pages",
        help_text=_("For a page about one municipality: its activities and contact are shown."),
    )
    needs_check = models.BooleanField(
        _("an editor should check the rules"),
        default=False,
        help_text=_("Tick while the page states rules that an expert has not confirmed yet."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("pictogram"),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("how_to_join"),
        FieldPanel("who_to_ask"),
        FieldPanel("show_kinds_of_volunteering"),
        FieldPanel("municipality"),
        FieldPanel("needs_check"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro", boost=2),
        index.SearchField("body"),
        index.SearchField("opportunity_text"),
    ]

    parent_page_types = ["toolkit.NewcomerIndexPage"]
    subpage_types: list[str] = []
    template = "toolkit/newcomer_page.html"
    translated_into_all_languages = True

    class Meta:
        verbose_name = _("newcomer page")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["opportunities"] = self.opportunities(request)
        return context

    def opportunity_text(self) -> str:
        """The municipality's opportunities as this page's readers name them, for search
        (toolkit.signals indexes the page again when the municipality publishes)."""
        return self.municipality.opportunity_text(self.locale) if self.municipality_id else ""

    def opportunities(self, request) -> list:
        """The municipality's volunteering opportunities, labelled in this page's language."""
        if self.municipality_id is None:
            return []
        return kept_for_page(
            request, self, "opportunities", lambda: self.municipality.opportunities_in(self.locale)
        )

    @path("poster/", name="poster")
    def poster(self, request):
        """An A4 poster for AZC notice boards, with a QR code that leads back to this page."""
        return TemplateResponse(request, "toolkit/newcomer_poster.html", self.poster_context(request))

    pdf_kinds = {"poster": "render_poster_pdf"}

    @path("poster/pdf/", name="poster_pdf")
    def poster_pdf(self, request):
        """The poster as a one-page A4 PDF in the page's language, ready to print."""
        return pdf_response(f"poster-{self.slug}", kept_pdf("poster", self, self.render_poster_pdf))

    def render_poster_pdf(self, request) -> bytes:
        context = {**self.poster_context(request), "stylesheet": inline_stylesheet("css/poster.css")}
        return render_pdf(self, "toolkit/newcomer_poster.html", context, request)

    def poster_context(self, request) -> dict:
        url = self.get_full_url(request)
        qr = kept_for_page(request, self, "qr", lambda: qr_svg(url, title=self.title))
        return {
            "page": self,
            "url": url,
            "qr": qr,
            "request": request,
            "opportunities": self.opportunities(request),
        }
