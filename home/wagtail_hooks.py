"""Wagtail hooks shared by every page type."""

from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt

from . import po_upload
from .rich_text import LocalizedPageLinkHandler
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


@hooks.register("register_admin_menu_item")
def translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="globe", order=850)
