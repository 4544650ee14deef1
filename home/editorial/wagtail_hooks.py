from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from home.editorial import po_upload, review
from home.editorial.admin_language import LocalizeJavaScriptCatalog, admin_head_html
from home.editorial.stale_report import StalePagesView
from home.editorial.translation_status import translation_status_view


@hooks.register("register_admin_urls")
def admin_urls():
    # This app is listed before wagtail_localize, so these come first in the admin's URLs.
    return [
        path("translation-status/", translation_status_view, name="translation_status"),
        path("reports/stale-pages/", StalePagesView.as_view(), name="stale_pages"),
        path(
            "reports/stale-pages/results/",
            StalePagesView.as_view(results_only=True),
            name="stale_pages_results",
        ),
        # Before wagtail-localize's own catalog at the same address: with our corrections.
        path("localize/jsi18n/", LocalizeJavaScriptCatalog.as_view(), name="localize_javascript_catalog"),
        # Same address as wagtail-localize's upload, registered first, so it is checked here.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="safe_upload_pofile",
        ),
        # Translators submit for review; the tree-changing actions wagtail-localize offers at
        # these same addresses are for those who may publish (home.editorial.review).
        path(
            "localize/translate/<int:translation_id>/submit-for-review/",
            review.submit_translation,
            name="submit_translation_for_review",
        ),
        path(
            "localize/translate/<int:translation_id>/disable/", review.stop_translation, name="guarded_stop"
        ),
        path("localize/page/<int:page_id>/convert_to_alias/", review.convert_to_alias, name="guarded_alias"),
    ]


hooks.register("before_delete_page", review.refuse_unless_publisher)
hooks.register("before_move_page", review.refuse_unless_publisher)


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=850)


@hooks.register("insert_global_admin_css")
def admin_language_fixes():
    return admin_head_html(static("js/admin-language.js"), static("css/admin.css"))


@hooks.register("register_reports_menu_item")
def stale_pages_menu_item():
    return MenuItem(_("Stale pages"), reverse("stale_pages"), icon_name="time", order=1050)
