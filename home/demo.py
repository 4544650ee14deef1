"""Building blocks for the demo content loader: idempotent, never overwriting edits.

Every helper looks a thing up by a stable key (slug, code, name) and creates it only when
it is missing, so `make run` may call the loader any number of times.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction

from wagtail.models import Collection, Locale, Page, Site

from .models import ContentPage, HomePage, SiteSettings

HOME_SLUG = "home"


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def ensure_root(locale: Locale) -> Page:
    # A flushed test database has lost what Wagtail's migrations create: the page tree's
    # root and the root collection that documents go into.
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale, live=True))
    return root


def ensure_child(parent: Page, model: type[Page], slug: str, **fields) -> Page:
    """Return the child page with this slug, creating and publishing it if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@transaction.atomic
def ensure_home(**fields) -> HomePage:
    locales = ensure_locales()
    dutch = locales[settings.LANGUAGE_CODE]
    root = ensure_root(dutch)
    home = HomePage.objects.filter(depth=2, locale=dutch).first()
    if home is None:
        # Wagtail's own migration leaves a "Welcome" page; the site's home replaces it.
        Page.objects.filter(depth=2, content_type__model="page", slug="home").delete()
        home = ensure_child(root, HomePage, HOME_SLUG, **fields)
    # The site's address comes from the configured base URL, so absolute links (hreflang,
    # sitemap, feeds, poster QR codes) point where the site really is.
    base = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    port = base.port or (443 if base.scheme == "https" else 80)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": base.hostname, "port": port, "root_page": home, "site_name": "Aan de Slag"},
    )
    return home


def ensure_contact_page(home: Page, email: str, people: list[str]) -> Page:
    page = ensure_child(
        home,
        ContentPage,
        "contact",
        title="Contact",
        show_in_menus=True,
        intro="Vragen over Aan de Slag, of ondersteuning nodig voor jouw gemeente? Neem contact op met het programmateam van Pharos.",
        body=[
            paragraph(f'<p>E-mail: <a href="mailto:{email}">{email}</a></p>'),
            heading("Het programmateam"),
            paragraph("<ul>" + "".join(f"<li>{person}</li>" for person in people) + "</ul>"),
        ],
    )
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    if site_settings.contact_page_id is None:
        site_settings.contact_email = email
        site_settings.contact_page = page
        site_settings.save()
    return page


def paragraph(html: str) -> dict:
    return {"type": "paragraph", "value": html}


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def list_items(values) -> list[dict]:
    """ListBlock content in Wagtail's block format, with ids.

    wagtail-localize only extracts list items stored this way; a plain list would leave
    them out of translations.
    """
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]
