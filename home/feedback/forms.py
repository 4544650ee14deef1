from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Feedback

HONEYPOT = "website"


class FeedbackForm(forms.Form):
    missing = forms.ChoiceField(
        label=_("What were you missing? (you may skip this)"),
        choices=Feedback.Missing.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    answer = forms.CharField(
        label=_("Tell us in your own words"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Do not write your name, address or phone number."),
    )
    page = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)
    section = forms.ChoiceField(choices=Feedback.Section.choices, widget=forms.HiddenInput)
    # Hidden from people and screen readers; robots fill in every field they find.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_answer(self):
        answer = self.cleaned_data["answer"].replace("\x00", "").strip()
        if not answer:
            raise forms.ValidationError(_("Write what you were missing."))
        return answer
