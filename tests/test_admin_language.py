"""A fully Dutch admin for Dutch-speaking editors (home/admin_language.py)."""

import json
import re

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db
ENGLISH = ["Editor Guide", "More actions", " translation", "November"]


def visible_text(html: str) -> str:
    """The page's text as a reader sees it before scripts run: no markup, no scripts."""
    html = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<svg\b.*?</svg>", " ", html, flags=re.S)
    return re.sub(r"<[^>]+>", " ", html)


def test_the_dashboard_page_editor_and_translation_status_speak_dutch(admin_client, demo_page):
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    for url in ("/admin/", f"/admin/pages/{page.pk}/edit/", "/admin/translation-status/?language=ti"):
        html = admin_client.get(url).content.decode()
        assert 'lang="nl"' in html[:300]
        assert "Handleiding voor redacteuren" in html and '"label": "Editor Guide"' not in html, url
        text = visible_text(html)
        assert not [word for word in ENGLISH if word in text], url


def test_what_wagtail_localize_hard_codes_is_given_in_dutch_to_the_admin_script(admin_client, demo_page):
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    tigrinya = Page.objects.get(translation_key=page.translation_key, locale__language_code="ti")
    html = admin_client.get(f"/admin/pages/{tigrinya.pk}/edit/").content.decode()
    fixes = json.loads(
        re.search(r'<script id="admin-language" type="application/json">(.*?)</script>', html).group(1)
    )
    assert fixes["exact"]["More actions"] == "Meer acties"
    assert fixes["editorTitle"] == "Vertaling van %(source)s naar %(target)s"
    assert fixes["months"]["November"] == "november"
    assert "admin-language.js" in html and "css/admin.css" in html
    catalog = admin_client.get("/admin/localize/jsi18n/").content.decode()
    assert '"Publish in ": "Publiceer in "' in catalog  # with the space before the language


def test_a_translation_keeps_its_source_slug_and_never_asks_for_one(demo_page):
    from wagtail_localize.models import StringSegment, TranslationSource

    page = demo_page("succesfactoren/laagdrempelig")
    source, _created = TranslationSource.update_or_create_from_instance(page)
    contexts = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert "title" in contexts and "slug" not in contexts
    english = Page.objects.get(translation_key=page.translation_key, locale__language_code="en")
    assert english.slug == page.slug


# Words of Wagtail's and wagtail-localize's interface that are English only (not Dutch too).
INTERFACE_ENGLISH = [
    "Editor Guide", "More actions", " translation", "Translate", "Edit", "Delete", "Search",
    "Settings", "Save draft", "Publish", "Cancel", "Choose", "Preview", "History", "Comments",
    "Previous", "Next", "Upload", "Owner", "Title", "Updated", "Created", "Unpublish",
    "Revisions", "Just now", "minutes ago", "Readability", "Scheduled", "Harder than",
    "November", "Sort by", "Add child page", "Actions",
]  # fmt: skip


def test_the_admin_views_an_editor_meets_have_no_english_left(admin_client):
    """A sweep over the admin as a Dutch editor meets it, on Dutch content, so any English
    found is the interface's: listing, editors of every page type, reports, media, users."""
    from django.contrib.contenttypes.models import ContentType

    home = Page.objects.get(depth=2, locale__language_code="nl")
    urls = [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/add/home/contentpage/{home.pk}/",
        "/admin/reports/stale-pages/",
        "/admin/reports/reading/",
        "/admin/reports/locked/",
        "/admin/reports/site-history/",
        "/admin/reports/workflow/",
        "/admin/translation-status/?language=ti",
        "/admin/images/",
        "/admin/documents/",
        "/admin/forms/",
        "/admin/users/",
        "/admin/groups/",
        "/admin/snippets/",
    ]
    dutch = Page.objects.filter(locale__language_code="nl", depth__gt=2)
    for content_type in ContentType.objects.filter(pk__in=dutch.values("content_type")):
        page = dutch.filter(content_type=content_type).first()
        urls += [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"]
    for url in urls:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        text = visible_text(response.content.decode())
        found = [word for word in INTERFACE_ENGLISH if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
        assert not found, (url, found)
        assert not re.search(r"\d+van \d+|\d+- van", text), url  # Wagtail's Dutch counts, corrected


def test_every_block_of_every_page_body_is_labelled_through_gettext():
    """Unlabelled, Wagtail names a block after its Python name ("Heading", "Image") in
    English, between the Dutch labels of the block menu."""
    from django.apps import apps
    from django.utils.functional import Promise

    from wagtail.fields import StreamField

    unlabelled = []

    def walk(block, where):
        for name, child in getattr(block, "child_blocks", {}).items():
            if not isinstance(child.meta.label, Promise):
                unlabelled.append(f"{where}.{name}")
            walk(child, f"{where}.{name}")
        if hasattr(block, "child_block"):
            walk(block.child_block, where)

    for model in apps.get_models():
        if model._meta.app_label not in ("home", "programme", "toolkit"):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.stream_block, f"{model.__name__}.{field.name}")
    assert unlabelled == []
