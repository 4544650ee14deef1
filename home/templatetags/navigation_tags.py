"""Header navigation, read in the active locale."""

from django import template

from wagtail.models import Locale, Page, Site

from ..i18n import in_locale
from ..pagination import page_url

register = template.Library()


def localized_home(request) -> Page | None:
    """The site's root page in the request's language, or the Dutch one if it has none."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    home = localized_home(request)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    return {
        "home": home,
        "items": items,
        "current_path": current.path if current else "",
        "request": request,
    }


@register.filter
def menu_position(page) -> str:
    """What of the page the main navigation depends on: which item is current (the home
    page or a section), so the navigation is kept once per language and section."""
    if page is None or not hasattr(page, "depth") or page.depth > 3:
        return ""
    return page.path


@register.simple_tag
def page_in_reader_language(page):
    """A page chosen in the settings (contact page, cookie statement), in the reader's
    language, or None: linking the Dutch one from a Tigrinya page would switch silently."""
    return in_locale([page], Locale.get_active()).first() if page else None


@register.inclusion_tag("components/statement_links.html")
def statement_links(site_settings):
    """The privacy, accessibility and cookie statements in the reader's language (one query)."""
    chosen = [site_settings.privacy_page, site_settings.accessibility_page, site_settings.cookie_page]
    chosen = [page for page in chosen if page is not None]
    found = {page.translation_key: page for page in in_locale(chosen, Locale.get_active())} if chosen else {}
    return {"statements": [found[page.translation_key] for page in chosen if page.translation_key in found]}


@register.inclusion_tag("components/pagination.html", takes_context=True)
def pagination(context, page_obj):
    """Previous and next links for a paginated listing, keeping its filters."""
    request = context["request"]
    return {
        "page_obj": page_obj,
        "previous_url": page_url(request, page_obj.previous_page_number()) if page_obj.has_previous() else "",
        "next_url": page_url(request, page_obj.next_page_number()) if page_obj.has_next() else "",
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    # Ancestors below the tree root, in one query; the home page itself is the first crumb.
    ancestors = page.get_ancestors().filter(depth__gte=2) if page and page.depth > 2 else []
    return {"ancestors": ancestors, "page": page, "request": context["request"]}
