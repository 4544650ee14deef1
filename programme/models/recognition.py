"""Recognition in the Dutch recognition system for interventions ("erkenningstraject"),
as Movisie's and Loket Gezond Leven's intervention databases show it: a level, the date
it was given and the record at the database. Optional: most pages have none, and a page
only shows a level someone can check at its source.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

# Where a recognition can be looked up; a link elsewhere is no source for it.
RECOGNITION_HOSTS = ("movisie.nl", "loketgezondleven.nl")


class Recognition(models.TextChoices):
    NONE = "", _("Not assessed")
    DESCRIBED = "described", _("Well described")
    FOUNDED = "founded", _("Well founded")
    EFFECTIVE_FIRST = "effective_first", _("Effective: first indications")
    EFFECTIVE_GOOD = "effective_good", _("Effective: good indications")
    EFFECTIVE_STRONG = "effective_strong", _("Effective: strong indications")


class RecognitionMixin(models.Model):
    recognition = models.CharField(
        _("recognition"),
        max_length=20,
        choices=Recognition.choices,
        blank=True,
        default="",
        help_text=_("Its level in the Dutch recognition system, as the intervention database states it."),
    )
    recognition_date = models.DateField(_("recognised on"), null=True, blank=True)
    recognition_url = models.URLField(
        _("record"),
        blank=True,
        help_text=_("The intervention's record at Movisie or Loket Gezond Leven."),
    )

    recognition_panels = [
        MultiFieldPanel(
            [
                FieldPanel("recognition"),
                FieldRowPanel([FieldPanel("recognition_date"), FieldPanel("recognition_url")]),
            ],
            heading=_("Recognition"),
        )
    ]

    # A fact about the intervention, the same in every language: copied, never translated.
    recognition_synchronized = [
        SynchronizedField("recognition"),
        SynchronizedField("recognition_date"),
        SynchronizedField("recognition_url"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.recognition:
            return
        errors = {}
        host = (urlsplit(self.recognition_url).hostname or "").lower()
        if not any(host == allowed or host.endswith("." + allowed) for allowed in RECOGNITION_HOSTS):
            errors["recognition_url"] = _(
                "Link to the record at Movisie or Loket Gezond Leven, where it can be checked."
            )
        if not self.recognition_date:
            errors["recognition_date"] = _("Give the date the recognition was given.")
        if errors:
            raise ValidationError(errors)
