"""A structured page per municipality: facts in fields, not free text."""

import datetime

from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home import structured_data
from home.caching.state import kept_for_page
from home.filters import listing_context
from home.i18n import related_in_locale
from home.models import BasePage, IndexPage
from home.panels import page_tabs

cbs_code_validator = RegexValidator(
    r"^GM\d{4}$", _("A CBS municipality code is GM followed by four digits, e.g. GM0268.")
)


def not_in_future(year: int | None) -> None:
    if year is not None and year > datetime.date.today().year:
        raise ValidationError(_("%(year)s is in the future.") % {"year": year})


def date_not_in_future(value: datetime.date | None) -> None:
    if value is not None and value > datetime.date.today():
        raise ValidationError(_("This date is in the future."))


class MunicipalityIndexPage(RoutablePageMixin, IndexPage):
    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types = ["programme.MunicipalityPage"]
    template = "programme/municipality_index_page.html"
    per_page = 24

    class Meta:
        verbose_name = _("municipality index")

    def get_context(self, request, *args, **kwargs):
        from programme.filters import MunicipalityFilter

        context = super().get_context(request, *args, **kwargs)
        municipalities = (
            MunicipalityPage.objects.child_of(self)
            .live()
            .public()
            .select_related("province")
            .order_by("title")
        )
        filterset = MunicipalityFilter(
            request.GET, municipalities, locale=self.locale, scope=self.pk, request=request
        )
        context.update(listing_context(request, filterset, self.per_page))
        chosen = filterset.chosen
        context["map_points"] = (
            municipalities.filter(pk__in=filterset.matching()) if chosen else municipalities
        )
        context["map_key"] = "&".join(f"{name}={value}" for name, value in sorted(chosen.items())) or "all"
        return context

    @path("praktijkvoorbeelden/", name="case_studies")
    def case_studies(self, request):
        """Every case study of the municipalities in this index, newest first, filtered."""
        from programme.filters import CaseStudyFilter

        case_study_model = apps.get_model("programme", "CaseStudyPage")
        case_studies = (
            case_study_model.objects.descendant_of(self)
            .live()
            .public()
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-pk")
        )
        filterset = CaseStudyFilter(
            request.GET, case_studies, locale=self.locale, scope=self.pk, request=request
        )
        context = super().get_context(request)
        context.update(listing_context(request, filterset, self.per_page))
        return TemplateResponse(request, "programme/case_study_listing.html", context)


class MunicipalityPage(BasePage):
    class Status(models.TextChoices):
        PILOT = "pilot", _("Pilot")
        PARTICIPATING = "participating", _("Participating")
        CONTINUED = "continued", _("Continued on its own")
        FINISHED = "finished", _("Finished")

    cbs_code = models.CharField(
        _("CBS code"),
        max_length=6,
        validators=[cbs_code_validator],
        help_text=_("The municipality's code at Statistics Netherlands (CBS): GM plus four digits."),
    )
    province = models.ForeignKey(
        "programme.Province",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        related_name="municipalities",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PARTICIPATING
    )
    participating_since = models.PositiveSmallIntegerField(
        _("participating since"),
        null=True,
        blank=True,
        validators=[MinValueValidator(2010), not_in_future],
        help_text=_("The year the municipality joined Aan de Slag."),
    )
    summary = models.TextField(
        _("summary"), max_length=500, blank=True, help_text=_("How the municipality works, in short.")
    )
    activities = ParentalManyToManyField(
        "programme.ActivityType",
        blank=True,
        related_name="municipalities",
        verbose_name=_("activities on offer"),
    )
    success_factors_applied = ParentalManyToManyField(
        "programme.SuccessFactorPage",
        blank=True,
        related_name="municipalities",
        verbose_name=_("success factors applied"),
    )
    support_contact = models.ForeignKey(
        "programme.Person",
        verbose_name=_("contact for support requests"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    latitude = models.DecimalField(_("latitude"), max_digits=8, decimal_places=5, null=True, blank=True)
    longitude = models.DecimalField(_("longitude"), max_digits=8, decimal_places=5, null=True, blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldRowPanel([FieldPanel("cbs_code"), FieldPanel("province")]),
        FieldRowPanel([FieldPanel("status"), FieldPanel("participating_since")]),
        FieldPanel("summary"),
        InlinePanel("azc_locations", label=_("AZC locations"), heading=_("AZC locations")),
    ]
    work_panels = [
        InlinePanel(
            "opportunities",
            label=_("volunteering opportunity"),
            heading=_("Volunteering opportunities"),
            help_text=_(
                "What newcomers can do, where, when and whom to ask: shown to newcomers in every language."
            ),
        ),
        InlinePanel("team_members", label=_("project team member"), heading=_("Local project team")),
        FieldPanel("activities"),
        FieldPanel("success_factors_applied"),
        FieldPanel("support_contact"),
    ]
    figure_panels = [
        InlinePanel("yearly_figures", label=_("year"), heading=_("Yearly figures")),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Position on the map"),
        ),
    ]
    edit_handler = page_tabs(
        content_panels, (_("Team and offer"), work_panels), (_("Figures and map"), figure_panels)
    )
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("opportunity_text"),
        index.FilterField("cbs_code"),
        index.FilterField("status"),
    ]

    # The CBS code is the same fact in every language: copied, never translated.
    override_translatable_fields = [*BasePage.override_translatable_fields, SynchronizedField("cbs_code")]

    api_fields = [
        APIField("cbs_code"),
        APIField("status"),
        APIField("participating_since"),
        APIField("summary"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("yearly_figures"),
        APIField("azc_locations"),
    ]

    parent_page_types = ["programme.MunicipalityIndexPage"]
    subpage_types = ["programme.CaseStudyPage"]
    template = "programme/municipality_page.html"

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")

    def clean(self):
        super().clean()
        if self.cbs_code:
            self.cbs_code = self.cbs_code.strip().upper()
            # Translations share the code; another municipality may not.
            taken = (
                MunicipalityPage.objects.filter(cbs_code=self.cbs_code)
                .exclude(translation_key=self.translation_key)
                .first()
            )
            if taken:
                raise ValidationError(
                    {
                        "cbs_code": _("%(code)s is already used by %(title)s.")
                        % {"code": self.cbs_code, "title": taken.title}
                    }
                )

    def structured_data(self, request):
        data = structured_data.base(self, request, "GovernmentOrganization")
        data["name"] = f"Gemeente {self.title}" if self.locale.language_code == "nl" else self.title
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "CBS gemeentecode",
            "value": self.cbs_code,
        }
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": self.title,
            "addressRegion": self.province.name,
            "addressCountry": "NL",
        }
        return data

    def case_study_pages(self):
        # Resolved lazily: case_studies.py builds on this module.
        case_study_model = apps.get_model("programme", "CaseStudyPage")
        return case_study_model.objects.child_of(self).live().public().order_by("-date")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(kept_for_page(request, self, "related", self.related_lists))
        return context

    def related_lists(self) -> dict:
        return {
            "case_studies": list(self.case_study_pages()),
            "factors": list(related_in_locale(self.success_factors_applied, self.locale).order_by("number")),
            "activities": list(related_in_locale(self.activities, self.locale)),
            "figures": list(self.yearly_figures.order_by("year")),
            "opportunities": self.opportunities_in(self.locale),
        }

    def opportunity_text(self, locale=None) -> str:
        """What search finds this municipality by besides its text: the kinds of its
        volunteering opportunities in `locale` (the page's own by default) with their
        examples, their places and addresses, and its name ("sport Utrecht", "tuin Nijmegen")."""
        parts = [self.title]
        for opportunity in self.opportunities_in(locale or self.locale):
            activity = opportunity.activity_shown
            parts += [activity.name, activity.description, opportunity.place, opportunity.address]
        return " ".join(part for part in parts if part)

    def opportunities_in(self, locale) -> list:
        """The opportunities with their activity type in `locale` (Dutch where untranslated)."""
        opportunities = list(self.opportunities.select_related("activity"))
        if not opportunities:
            return []
        activities = {
            a.translation_key: a for a in related_in_locale([o.activity for o in opportunities], locale)
        }
        for opportunity in opportunities:
            opportunity.activity_shown = activities.get(
                opportunity.activity.translation_key, opportunity.activity
            )
        return opportunities


class AZCLocation(Orderable):
    page = ParentalKey(MunicipalityPage, on_delete=models.CASCADE, related_name="azc_locations")
    name = models.CharField(
        _("name"), max_length=120, help_text=_("As residents know it, e.g. 'azc Heumensoord'.")
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("address"), FieldPanel("capacity")]
    api_fields = [APIField("name"), APIField("address")]

    def __str__(self):
        return self.name


class ProjectTeamMember(Orderable):
    """A member of the local team, by role. Roles and "ask at the reception" are choices,
    so every language shows them in its own words; the organisation and contact are
    names, numbers and addresses, the same in every language."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Project lead")
        AZC_CONTACT = "azc_contact", _("Contact person at the AZC")
        AMBASSADOR = "ambassador", _("Ambassador")
        MATCHER = "matcher", _("Volunteer matcher")
        COORDINATOR = "coordinator", _("Volunteer coordinator")
        OTHER = "other", _("Other role")

    class Reach(models.TextChoices):
        DIRECT = "", _("Through the contact given")
        RECEPTION = "reception", _("Ask at the reception of the AZC")
        COA = "coa", _("Ask a COA staff member")

    page = ParentalKey(MunicipalityPage, on_delete=models.CASCADE, related_name="team_members")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.LEAD)
    other_role = models.CharField(
        _("other role"),
        max_length=120,
        blank=True,
        help_text=_("Only for 'Other role': the role in a few words. Shown as typed, in every language."),
    )
    organisation = models.CharField(_("organisation"), max_length=120)
    reach = models.CharField(_("how to reach"), max_length=20, choices=Reach.choices, default="", blank=True)
    contact = models.CharField(
        _("contact"), max_length=200, blank=True, help_text=_("A name, e-mail address or phone number.")
    )

    panels = [
        FieldRowPanel([FieldPanel("role"), FieldPanel("other_role")]),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("reach"), FieldPanel("contact")]),
    ]

    def clean(self):
        super().clean()
        if self.role == self.Role.OTHER and not self.other_role.strip():
            raise ValidationError({"other_role": _("Say which role, in a few words.")})

    @property
    def role_label(self) -> str:
        return self.other_role if self.role == self.Role.OTHER else self.get_role_display()


class YearlyFigure(Orderable):
    page = ParentalKey(MunicipalityPage, on_delete=models.CASCADE, related_name="yearly_figures")
    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2010), not_in_future])
    participants = models.PositiveIntegerField(_("participants"), validators=[MaxValueValidator(100_000)])
    volunteer_organisations = models.PositiveIntegerField(
        _("volunteer organisations"), validators=[MaxValueValidator(10_000)]
    )

    panels = [
        FieldRowPanel([FieldPanel("year"), FieldPanel("participants"), FieldPanel("volunteer_organisations")])
    ]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["page", "year"], name="one_figure_per_year")]
