"""Support on request ("ondersteuning op maat"): a form local project teams send to Pharos.

Built on Wagtail's form builder, so editors choose the questions and see, filter and
export the submissions in the admin (Forms). What the builder does not do, this adds:

- the municipality is chosen from the municipality pages (in the reader's language);
- a submission is stored before any e-mail is sent, and a failing mail server only
  costs the e-mail (logged), never the request;
- robots are stopped by a honeypot field (refused with a message) and by a limit of
  requests per address per hour (kept as a keyed hash in the cache, never stored).
"""

import logging
import re

from django import forms
from django.db import models
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.caching import limits
from home.models import BasePage
from home.operations.tasks import send_mail

from .factors import SuccessFactorPage
from .municipalities import MunicipalityPage

logger = logging.getLogger(__name__)

HONEYPOT = "website"
SCAN_RESULT = re.compile(r"(\d{1,2}:\d{1,3},){0,11}\d{1,2}:\d{1,3}")
REQUESTS_PER_HOUR = 5


class SupportFormField(TranslatableMixin, AbstractFormField):
    """Translatable, so an English form asks its questions in English; the field's name
    (`clean_name`) stays the Dutch one, so every language's submissions line up."""

    page = ParentalKey("programme.SupportRequestPage", on_delete=models.CASCADE, related_name="form_fields")
    override_translatable_fields = [SynchronizedField("clean_name"), SynchronizedField("field_type")]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


class SupportFormBuilder(FormBuilder):
    """The editor's fields, after a choice of municipality and before a hidden honeypot."""

    def __init__(self, fields, *, locale=None):
        super().__init__(fields)
        self.locale = locale

    @property
    def formfields(self):
        municipalities = MunicipalityPage.objects.live().public().filter(locale=self.locale).order_by("title")
        fields = {
            "municipality": forms.ChoiceField(
                label=_("Municipality"),
                choices=[("", "—")] + [(m.title, m.title) for m in municipalities],
            )
        }
        fields.update(super().formfields)
        fields["quick_scan"] = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200)
        # Hidden from people (and screen readers); robots fill in every field they find.
        fields[HONEYPOT] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        return fields


class SupportRequestPage(AbstractEmailForm, BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])
    thank_you_text = RichTextField(
        _("confirmation"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after sending."),
    )

    form_builder = SupportFormBuilder
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("to_address"),
        SynchronizedField("from_address"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Questions")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("E-mail to Pharos"),
        ),
    ]
    parent_page_types = ["home.HomePage", "programme.ProgrammePage"]
    subpage_types: list[str] = []
    template = "programme/support_request_page.html"
    landing_page_template = "programme/support_request_page_landing.html"
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("support request form")

    def get_form_class(self):
        builder = self.form_builder(self.get_form_fields(), locale=self.locale)
        return builder.get_form_class()

    def get_form(self, *args, **kwargs):
        form = super().get_form(*args, **kwargs)
        # A quick-scan result arrives in the address (`?scan=1:75,2:50`) from the scan page.
        scan = getattr(self, "_scan_result", "")
        if not form.is_bound and SCAN_RESULT.fullmatch(scan):
            form.initial["quick_scan"] = scan
        return form

    def get_data_fields(self):
        return [
            ("municipality", _("Municipality")),
            *super().get_data_fields(),
            ("quick_scan", _("Quick scan")),
        ]

    def serve(self, request, *args, **kwargs):
        self._scan_result = request.GET.get("scan", "")[:100]
        if request.method == "POST":
            if request.POST.get(HONEYPOT):
                return self._refuse(
                    request, _("This form seems to have been filled in automatically. Nothing was sent.")
                )
            limited = over_limit(request)
            if limited is None:
                return self._refuse(
                    request,
                    _("Requests cannot be accepted at the moment. Please try again in a few minutes."),
                    status=503,
                )
            if limited:
                return self._refuse(
                    request,
                    _("Many requests came from your address this hour. Please try again later."),
                    status=429,
                )
        return super().serve(request, *args, **kwargs)

    def _refuse(self, request, message, status=400):
        context = self.get_context(request)
        context["refusal"] = message
        # What the visitor typed stays in the form, to send again later.
        context["form"] = self.get_form(request.POST, page=self, user=request.user)
        return render(request, self.template, context, status=status)

    def scan_scores(self, scan: str) -> list[dict]:
        """A quick-scan result ("1:75,2:50") as the factors' names and scores, in order."""
        if not scan or not SCAN_RESULT.fullmatch(scan):
            return []
        scores = {int(number): int(score) for number, score in (part.split(":") for part in scan.split(","))}
        factors = SuccessFactorPage.objects.live().filter(locale=self.locale, number__in=scores)
        titles = dict(factors.values_list("number", "title"))
        return [
            {"number": number, "title": titles.get(number, ""), "score": score}
            for number, score in sorted(scores.items())
        ]

    def render_email(self, form):
        # The quick scan as its factors and scores, not Wagtail's raw "1:75,2:50".
        scan = form.cleaned_data.get("quick_scan", "")
        with translation.override(self.locale.language_code):
            lines = [
                line
                for line in super().render_email(form).splitlines()
                if not line.startswith(f"{form['quick_scan'].label}:")
            ]
            scores = self.scan_scores(scan)
            if scores:
                lines += ["", gettext("Quick scan")]
                lines += [f"{item['number']}. {item['title']}: {item['score']}%" for item in scores]
        return "\n".join(lines)

    def send_mail(self, form):
        """Pharos answers the requester straight from the e-mail: Reply-To is the address
        they gave (the form's first e-mail question), when they gave one."""
        reply_to = [
            value
            for name, field in form.fields.items()
            if isinstance(field, forms.EmailField) and (value := form.cleaned_data.get(name))
        ][:1]
        # Through the worker (home.operations.tasks): the request is stored already.
        send_mail.enqueue(
            subject=self.subject,
            body=self.render_email(form),
            from_email=self.from_address or None,
            to=[address.strip() for address in self.to_address.split(",") if address.strip()],
            reply_to=reply_to,
        )

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        response = super().render_landing_page(request, form_submission, *args, **kwargs)
        if form_submission is not None:
            response.context_data["scan_scores"] = self.scan_scores(
                form_submission.form_data.get("quick_scan", "")
            )
        return response

    def process_form_submission(self, form):
        # Stored first (Wagtail's FormSubmission), then mailed: a failing mail server
        # loses the e-mail, never the request, which editors find under Forms.
        form.cleaned_data.pop(HONEYPOT, None)
        submission = AbstractForm.process_form_submission(self, form)
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:
                logger.exception("Support request %s stored, but the e-mail could not be sent", submission.pk)
        return submission


def over_limit(request) -> bool | None:
    """This address's support requests in the last hour over the limit (home.caching.limits)."""
    return limits.over_limit(request, "support-requests", REQUESTS_PER_HOUR)
