from django.contrib import messages
from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.readability import measure
from home.readability.signal_handlers import record
from home.readability.views import EditorsPageViewSet, draft_readability


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("readability/<int:page_id>/", draft_readability, name="draft_readability"),
        path(
            "readability/new/<slug:app_label>/<slug:model_name>/<int:parent_page_id>/",
            draft_readability,
            name="new_page_readability",
        ),
    ]


@hooks.register("register_admin_viewset")
def editors_page_viewset():
    # After Wagtail's own (order -1), so the page listing gets the readability and
    # schedule columns (home.readability.views).
    return EditorsPageViewSet()


@hooks.register("insert_editor_js")
def readability_js():
    return format_html('<script src="{}" defer></script>', static("js/readability.js"))


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_hard_text(request, page):
    """After saving a Dutch or English page, keep its readability for the page listing and
    say when its text reads above B1 and which sentences are hardest. A warning only: the
    page is saved and can be published."""
    specific = page.specific if hasattr(page, "specific") else page
    result = record(specific)
    if result is None or not result.too_hard:
        return
    text = _(
        "Readability: %(average).0f words per sentence on average (B1: at most %(max_words)s) and "
        "%(share).0f%% long words (B1: at most %(max_share).0f%%)."
    ) % {
        "average": result.average_words,
        "max_words": measure.MAX_AVERAGE_WORDS,
        "share": result.long_word_share * 100,
        "max_share": measure.MAX_LONG_WORD_SHARE * 100,
    }
    if result.hardest:
        text += " " + _("Hardest sentence: “%(sentence)s”") % {"sentence": result.hardest[0][:300]}
    messages.warning(request, text)
