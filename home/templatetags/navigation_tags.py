"""Header navigation, read in the active locale."""

from functools import cache

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.template.base import render_value_in_context
from django.template.loader import render_to_string
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import pgettext

from wagtail.models import Locale, Page, Site

from home.caching.state import kept_for_page
from home.i18n import in_locale
from home.models import SiteSettings
from home.pagination import page_url

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
    items = list(home.get_children().live().public().in_menu()) if home else []
    current = context.get("page")
    # Where the language has no contact page of its own in the menu (the newcomer
    # languages), Contact leads to the newcomer section's contact details.
    contact = SiteSettings.for_request(request).contact_page if home else None
    newcomer_contact = ""
    if not any(contact and item.translation_key == contact.translation_key for item in items):
        newcomer_index = next(
            (item for item in items if item.specific_class.__name__ == "NewcomerIndexPage"), None
        )
        if newcomer_index is not None:
            newcomer_contact = f"{newcomer_index.get_url(request)}#contact"
    return {
        "home": home,
        "items": items,
        "newcomer_contact": newcomer_contact,
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
    request = context["request"]
    if not page or page.depth <= 2:
        return {"ancestors": [], "page": page}
    return {
        "ancestors": kept_for_page(request, page, "breadcrumbs", lambda: _ancestors(page, request)),
        "page": page,
    }


def _ancestors(page, request) -> list[dict]:
    # Ancestors below the tree root, in one query; the home page itself is the first crumb.
    return [
        {"url": ancestor.get_url(request), "title": ancestor.title, "home": ancestor.depth == 2}
        for ancestor in page.get_ancestors().filter(depth__gte=2)
    ]


@register.simple_tag(takes_context=True)
def card(context, item, summary="", meta=None, level=2):
    """One card of a listing (a page's title as a link, a line of meta, a summary, the
    example badge). Written here rather than included from a template: a listing shows up
    to 24, and each included template costs more than the rest of the card."""
    url = item.get_url(context.get("request"))
    parts = [
        format_html(
            '<li class="card">\n  <h{0} class="card__title"><a href="{1}">{2}</a></h{0}>',
            level,
            url,
            item.title,
        )
    ]
    if meta:
        parts.append(format_html('<p class="card__meta">{}</p>', render_value_in_context(meta, context)))
    if summary:
        parts.append(format_html("<p>{}</p>", Truncator(summary).words(40, truncate=" …")))
    elif getattr(item, "listing_summary", ""):
        parts.append(format_html("<p>{}</p>", item.listing_summary))
    if getattr(item, "is_example", False):
        label = pgettext("example content label", "example")
        parts.append(format_html('<p><span class="badge badge--example">{}</span></p>', label))
    parts.append("</li>")
    return mark_safe("\n  ".join(parts))  # noqa: S308 - every part above is escaped by format_html


@register.filter(needs_autoescape=True)
def contact_link(value, autoescape=True):
    """An e-mail address as a mailto link, a phone number as a tel link, anything else as
    text. The address may break after its @ and before its dots, never inside a word: a
    narrow table cell otherwise splits it anywhere ("voorbe/eld@e/xampl/e.org")."""
    text = str(value or "").strip()
    if not text:
        return ""
    try:
        validate_email(text)
    except ValidationError:
        return conditional_escape(text) if autoescape else text
    user, domain = text.rsplit("@", 1)
    domain_parts = "<wbr>.".join(conditional_escape(part) for part in domain.split("."))
    shown = mark_safe(f"{conditional_escape(user)}@<wbr>{domain_parts}")  # noqa: S308 - every part escaped
    return format_html('<a href="mailto:{}">{}</a>', text, shown)


@register.simple_tag
def pictogram(name):
    """A newcomer pictogram (components/pictogram.html): the same few SVGs on many cards,
    rendered once per process instead of one included template each."""
    return _pictogram(name or "")


@cache
def _pictogram(name: str) -> str:
    return mark_safe(render_to_string("components/pictogram.html", {"name": name}))  # noqa: S308 - our own SVG
