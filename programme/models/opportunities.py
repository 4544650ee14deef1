"""Volunteering opportunities per municipality: what, where, when, whom to ask.

Kept by the municipality's own editors on its page (page permissions apply). Everything a
newcomer must understand is a choice or a fact, not free text: the kind of activity (a
translated snippet), days and times, the kind of contact person, languages, what to
bring. So the newcomer pages show each opportunity in all eight languages without anyone
translating it; names of places and people, addresses and numbers are the same in every
language.
"""

import re

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from home.i18n import language_name

from .municipalities import MunicipalityPage

WEEKDAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
BRING = [
    ("id", _("Proof of identity (W-document or residence permit)")),
    ("clothes", _("Clothes that may get dirty")),
    ("sport", _("Sports clothes and shoes")),
    ("nothing", _("Nothing, only yourself")),
]
PHONE = re.compile(r"^\+?[0-9][0-9 ()-]{5,19}$")


class ChoiceListField(models.CharField):
    """Several of a fixed list of choices, stored as "mon,wed", a list in Python, ticked
    in the admin as checkboxes."""

    def __init__(self, *args, options=(), **kwargs):
        self.options = list(options)
        kwargs.setdefault("max_length", 100)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["options"] = self.options
        return name, path, args, kwargs

    @staticmethod
    def _split(value) -> list[str]:
        if isinstance(value, (list, tuple)):
            return list(value)
        return [part for part in (value or "").split(",") if part]

    def from_db_value(self, value, expression, connection):
        return self._split(value)

    def to_python(self, value):
        return self._split(value)

    def get_prep_value(self, value):
        return ",".join(self._split(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def validate(self, value, model_instance):
        known = {key for key, _label in self.options}
        unknown = [part for part in self._split(value) if part not in known]
        if unknown:
            raise ValidationError(_("Unknown choice: %(value)s") % {"value": ", ".join(unknown)})
        if not self.blank and not value:
            raise ValidationError(self.error_messages["blank"], code="blank")

    def formfield(self, **kwargs):
        return forms.MultipleChoiceField(
            choices=self.options,
            required=not self.blank,
            widget=forms.CheckboxSelectMultiple,
            label=capfirst(self.verbose_name),
            help_text=self.help_text,
        )

    def labels(self, value) -> list[str]:
        names = dict(self.options)
        return [str(names[key]) for key in self._split(value) if key in names]


class VolunteeringOpportunity(Orderable):
    class Contact(models.TextChoices):
        RECEPTION = "reception", _("The reception of the AZC")
        COA = "coa", _("A COA staff member")
        COORDINATOR = "coordinator", _("The volunteer coordinator")
        AMBASSADOR = "ambassador", _("An ambassador of Aan de Slag")
        ORGANISATION = "organisation", _("The organisation itself")

    page = ParentalKey(MunicipalityPage, on_delete=models.CASCADE, related_name="opportunities")
    activity = models.ForeignKey(
        "programme.ActivityType",
        verbose_name=_("what you do"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The kind of activity; its name and pictogram appear in the reader's language."),
    )
    place = models.CharField(
        _("place"),
        max_length=120,
        help_text=_("Where it happens, as people know it, e.g. 'Buurttuin De Griftsteede'."),
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    at_azc = models.BooleanField(
        _("at the AZC"), default=False, help_text=_("Tick when it happens at the AZC.")
    )
    days = ChoiceListField(_("days"), options=WEEKDAYS)
    start_time = models.TimeField(_("from"), null=True, blank=True)
    end_time = models.TimeField(_("until"), null=True, blank=True)
    on_request = models.BooleanField(
        _("on request"), default=False, help_text=_("No fixed days: a time is agreed with each person.")
    )
    contact = models.CharField(
        _("whom to ask"), max_length=20, choices=Contact.choices, default=Contact.RECEPTION
    )
    contact_name = models.CharField(_("name of the contact"), max_length=120, blank=True)
    phone = models.CharField(_("phone"), max_length=20, blank=True, help_text=_("e.g. +31 30 123 45 67"))
    whatsapp = models.CharField(
        _("WhatsApp"), max_length=20, blank=True, help_text=_("A number with country code.")
    )
    email = models.EmailField(_("e-mail"), blank=True)
    languages = ChoiceListField(
        _("help available in"),
        options=settings.LANGUAGES,
        help_text=_("Languages the contact or a buddy speaks."),
    )
    bring = ChoiceListField(_("what to bring"), options=BRING)
    without_dutch = models.BooleanField(
        _("suitable without Dutch"),
        default=False,
        help_text=_("Tick when someone can join without speaking Dutch."),
    )

    panels = [
        FieldPanel("activity"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("address"), FieldPanel("at_azc")], heading=_("Where")
        ),
        MultiFieldPanel(
            [
                FieldPanel("days"),
                FieldRowPanel([FieldPanel("start_time"), FieldPanel("end_time")]),
                FieldPanel("on_request"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact"),
                FieldPanel("contact_name"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("whatsapp"), FieldPanel("email")]),
            ],
            heading=_("Whom to ask"),
        ),
        FieldPanel("languages"),
        FieldPanel("bring"),
        FieldPanel("without_dutch"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("volunteering opportunity")
        verbose_name_plural = _("volunteering opportunities")

    def __str__(self):
        return f"{self.activity} · {self.place}"

    def clean(self):
        super().clean()
        errors = {}
        for name in ("phone", "whatsapp"):
            value = getattr(self, name).strip()
            if value and not PHONE.match(value):
                errors[name] = _("Give a phone number of digits, e.g. +31 6 12345678.")
        if not self.days and not self.on_request:
            errors["days"] = _("Choose the days, or tick 'on request'.")
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            errors["end_time"] = _("The end comes after the start.")
        if errors:
            raise ValidationError(errors)

    # What the templates show, in the reader's language.
    def day_names(self) -> list[str]:
        return self._meta.get_field("days").labels(self.days)

    def bring_labels(self) -> list[str]:
        return self._meta.get_field("bring").labels(self.bring)

    def help_languages(self) -> list[tuple[str, str]]:
        """(code, the language's name in its own script), e.g. ("ti", "ትግርኛ")."""
        return [(code, language_name(code)) for code in self.languages]

    @property
    def phone_link(self) -> str:
        return "tel:" + re.sub(r"[^0-9+]", "", self.phone) if self.phone else ""

    @property
    def whatsapp_link(self) -> str:
        # wa.me wants the number in international form without "+", spaces or a leading 0.
        return "https://wa.me/" + re.sub(r"\D", "", self.whatsapp) if self.whatsapp else ""
