"""The readability panel of the page editor (home.readability.measure): the measure of the page's
text, followed while the editor types by static/js/readability.js, which posts the form
to `draft_readability` (home.readability.views)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

from home.readability import measure

TEMPLATE = "home/admin/readability.html"


def render_result(result, request=None) -> str:
    return render_to_string(
        TEMPLATE,
        {
            "result": result,
            "enough": result is not None and result.words >= measure.MIN_WORDS,
            "share": round(result.long_word_share * 100) if result else 0,
            "max_words": measure.MAX_AVERAGE_WORDS,
            "max_share": round(measure.MAX_LONG_WORD_SHARE * 100),
        },
        request=request,
    )


class ReadabilityPanel(Panel):
    """Shown on Dutch and English pages only; the figures follow the text while the editor
    types (static/js/readability.js posts the form to `draft_readability`)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Readability"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/readability_panel.html"

        def is_shown(self):
            locale = getattr(self.instance, "locale", None)
            return locale is not None and locale.language_code in measure.LANGUAGES

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            if page.pk:
                url = reverse("draft_readability", args=[page.pk])
            else:
                kwargs = self.request.resolver_match.kwargs
                url = reverse(
                    "new_page_readability",
                    args=[
                        kwargs["content_type_app_name"],
                        kwargs["content_type_model_name"],
                        kwargs["parent_page_id"],
                    ],
                )
            context["url"] = url
            context["summary"] = render_result(
                measure.assess(measure.page_text(page), page.locale.language_code)
            )
            return context
