"""Wagtail hooks shared by every page type."""

from django.contrib import messages
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt

from . import po_upload, readability
from .admin_language import LocalizeJavaScriptCatalog, admin_head_html
from .readability_admin import EditorsPageViewSet, draft_readability
from .reading_report import MostReadNewcomerPanel, reading_report
from .rich_text import LocalizedPageLinkHandler
from .stale_report import StalePagesView
from .translation_status import translation_status_view
from .users import LockoutViewSet, NoAddOrChangePolicy
from .views import not_available


@hooks.register("before_serve_page")
def refuse_silent_language_switch(page, request, serve_args, serve_kwargs):
    """Wagtail serves the Dutch page when a language has no tree of its own; say so instead."""
    if page.locale.language_code != translation.get_language():
        return not_available(request, page)
    return None


@hooks.register("register_rich_text_features", order=1)
def localized_page_links(features):
    # After Wagtail's own registration (order 0), so this handler replaces its page links.
    features.register_link_type(LocalizedPageLinkHandler)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path("translation-status/", translation_status_view, name="translation_status"),
        path("reports/stale-pages/", StalePagesView.as_view(), name="stale_pages"),
        # Before wagtail-localize's own catalog at the same address: with our corrections.
        path("localize/jsi18n/", LocalizeJavaScriptCatalog.as_view(), name="localize_javascript_catalog"),
        path("reports/reading/", reading_report, name="reading_report"),
        path("readability/<int:page_id>/", draft_readability, name="draft_readability"),
        path(
            "readability/new/<slug:app_label>/<slug:model_name>/<int:parent_page_id>/",
            draft_readability,
            name="new_page_readability",
        ),
        path(
            "reports/stale-pages/results/",
            StalePagesView.as_view(results_only=True),
            name="stale_pages_results",
        ),
        # Same address as wagtail-localize's upload, registered first, so it is checked here.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="safe_upload_pofile",
        ),
    ]


@hooks.register("register_admin_viewset")
def lockout_viewset():
    register_permission_policy(AccessAttempt, NoAddOrChangePolicy(AccessAttempt))
    return LockoutViewSet("lockouts")


@hooks.register("register_admin_viewset")
def editors_page_viewset():
    # After Wagtail's own (order -1), so the page listing gets the readability and
    # schedule columns (home.readability_admin).
    return EditorsPageViewSet()


@hooks.register("insert_editor_js")
def readability_js():
    return format_html('<script src="{}" defer></script>', static("js/readability.js"))


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=850)


@hooks.register("insert_global_admin_css")
def admin_language_fixes():
    return admin_head_html(static("js/admin-language.js"), static("css/admin.css"))


@hooks.register("register_reports_menu_item")
def reading_report_menu_item():
    return MenuItem(_("What is read"), reverse("reading_report"), icon_name="view", order=1040)


@hooks.register("construct_homepage_panels")
def most_read_panel(request, panels):
    panels.append(MostReadNewcomerPanel())


@hooks.register("register_reports_menu_item")
def stale_pages_menu_item():
    return MenuItem(_("Stale pages"), reverse("stale_pages"), icon_name="time", order=1050)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_hard_text(request, page):
    """After saving a Dutch or English page, keep its readability for the page listing and
    say when its text reads above B1 and which sentences are hardest. A warning only: the
    page is saved and can be published."""
    specific = page.specific if hasattr(page, "specific") else page
    result = readability.record(specific)
    if result is None or not result.too_hard:
        return
    text = _(
        "Readability: %(average).0f words per sentence on average (B1: at most %(max_words)s) and "
        "%(share).0f%% long words (B1: at most %(max_share).0f%%)."
    ) % {
        "average": result.average_words,
        "max_words": readability.MAX_AVERAGE_WORDS,
        "share": result.long_word_share * 100,
        "max_share": readability.MAX_LONG_WORD_SHARE * 100,
    }
    if result.hardest:
        text += " " + _("Hardest sentence: “%(sentence)s”") % {"sentence": result.hardest[0][:300]}
    messages.warning(request, text)
