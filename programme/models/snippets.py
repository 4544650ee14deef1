"""Controlled vocabularies and the people and organisations pages refer to."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.forms import LocalizedSnippetForm

PICTOGRAMS = [
    ("nature", _("Nature and green spaces")),
    ("care", _("Care and company")),
    ("sport", _("Sport")),
    ("events", _("Events")),
    ("cooking", _("Cooking")),
    ("other", _("Other")),
]


class Province(models.Model):
    """The twelve provinces: a fixed list, loaded by a migration, never free text."""

    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("Two letters, e.g. GE."))
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name


class ActivityType(TranslatableMixin, index.Indexed, models.Model):
    key = models.SlugField(
        _("key"), max_length=40, help_text=_("A short fixed name used in filters, e.g. 'nature'.")
    )
    name = models.CharField(_("name"), max_length=80)
    description = models.TextField(_("description"), blank=True, help_text=_("Examples, in plain words."))
    pictogram = models.CharField(_("pictogram"), max_length=20, choices=PICTOGRAMS, default="other")

    panels = [FieldPanel("name"), FieldPanel("key"), FieldPanel("description"), FieldPanel("pictogram")]
    # The key names the type in filters and code in every language.
    override_translatable_fields = [SynchronizedField("key")]
    search_fields = [index.SearchField("name"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("activity type")
        verbose_name_plural = _("activity types")
        constraints = [
            models.UniqueConstraint(fields=["key", "locale"], name="unique_activity_key_per_locale")
        ]

    def __str__(self):
        return self.name


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")
        LOCAL = "local", _("Local partner")

    name = models.CharField(_("name"), max_length=120)
    abbreviation = models.CharField(_("abbreviation"), max_length=20, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PARTNER)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    show_in_footer = models.BooleanField(
        _("show in footer"),
        default=False,
        help_text=_("National partners and funders appear in every page's footer."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("url"),
        FieldPanel("logo"),
        FieldPanel("show_in_footer"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("abbreviation"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class Person(TranslatableMixin, index.Indexed, models.Model):
    # The organisation chooser offers only organisations in the person's language.
    base_form_class = LocalizedSnippetForm

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(_("role"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="people",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("organisation"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role"), index.FilterField("locale_id")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.name} ({self.role})"
