"""Building blocks for the demo content loader: idempotent, never overwriting edits.

Every helper looks a thing up by a stable key (slug, code, name) and creates it only when
it is missing, so `make run` may call the loader any number of times.
"""

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_SLUG = "home"


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _name in settings.LANGUAGES}


def ensure_root(locale: Locale) -> Page:
    root = Page.get_first_root_node()
    if root is None:
        # A flushed test database has no tree at all.
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
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Aan de Slag"},
    )
    return home
