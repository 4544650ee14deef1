"""The admin's "Wat wordt gelezen" report and the dashboard panel (home.reading.views counts)."""

import datetime

from django import forms
from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import AdminDateInput

from home import spreadsheets
from home.i18n import language_name
from home.reading.views import figures

DEFAULT_DAYS = 30
NEWCOMER_MODELS = {"newcomerindexpage", "newcomerpage"}


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=AdminDateInput)
    end = forms.DateField(label=_("Until"), required=False, widget=AdminDateInput)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages"))] + [
            (code, language_name(code)) for code, _name in settings.LANGUAGES
        ]

    def period(self) -> tuple[datetime.date, datetime.date, str]:
        data = self.cleaned_data if self.is_valid() else {}
        end = data.get("end") or timezone.localdate()
        start = data.get("start") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        return min(start, end), end, data.get("language") or ""


def reading_report(request):
    form = PeriodForm(request.GET or None)
    start, end, language = form.period()
    data = figures(start, end, language)
    if request.GET.get("export") == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="gelezen-{start}-{end}.csv"'
        writer = spreadsheets.writer(response)
        writer.writerow(["page_id", "title", "section", "language", "views", "from", "until"])
        for row in data["pages"]:
            writer.writerow(
                [
                    row["page_id"],
                    row["page__title"],
                    row["section"],
                    row["language"],
                    row["total"],
                    start,
                    end,
                ]
            )
        return response
    top = max((row["total"] for row in data["languages"]), default=0) or 1
    languages = [
        {**row, "name": language_name(row["language"]), "percent": round(row["total"] * 100 / top)}
        for row in data["languages"]
    ]
    context = {
        "page_title": _("What is read"),
        "form": form,
        "start": start,
        "end": end,
        "data": data,
        "languages": languages,
        "export_query": request.GET.urlencode(),
    }
    return render(request, "home/admin/reading_report.html", context)


class MostReadNewcomerPanel(Component):
    """The dashboard panel: the week's most-read newcomer pages and their languages."""

    name = "most_read_newcomer_pages"
    template_name = "home/admin/most_read_panel.html"
    order = 150

    def get_context_data(self, parent_context):
        end = timezone.localdate()
        data = figures(end - datetime.timedelta(days=6), end)
        # Named by model, not imported: toolkit builds on home, not the other way round.
        newcomer = [row for row in data["pages"] if row["page__content_type__model"] in NEWCOMER_MODELS]
        return {"rows": newcomer[:8], "total": data["total"]}
