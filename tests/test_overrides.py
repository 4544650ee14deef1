"""Guards for the places where the project overrides package internals.

Each test fails when an upgrade of Wagtail, wagtail-localize or Django moves the ground
under an override (docs/architecture.md lists them with the upgrade checklist).
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve
from django.utils import translation

from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html
from wagtail_localize.models import StringTranslation, Translation

import pytest

from home.editorial import po_upload

pytestmark = pytest.mark.django_db


def test_the_po_upload_address_reaches_the_guard_not_wagtail_localize():
    translation_obj = Translation.objects.first()
    match = resolve(f"/admin/localize/translate/{translation_obj.id}/pofile/upload/")
    # Wagtail wraps admin views in its access check, which keeps the wrapped name.
    assert (match.func.__module__, match.func.__name__) == ("home.editorial.po_upload", "upload_pofile")


def test_a_valid_po_file_over_the_size_limit_is_refused_before_import(admin_client):
    translation_obj = Translation.objects.filter(target_locale__language_code="so").first()
    po = translation_obj.export_po()
    for entry in po:
        entry.msgstr = "Wax la beddelay"
    # A real export of this translation, padded past the limit with a comment only.
    po.header = "x" * (po_upload.MAX_PO_BYTES + 1024)
    before = StringTranslation.objects.count()
    upload = SimpleUploadedFile("so.po", str(po).encode())
    response = admin_client.post(
        f"/admin/localize/translate/{translation_obj.id}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 400
    assert "2 MB" in response.content.decode()
    assert StringTranslation.objects.count() == before


@pytest.mark.parametrize(("code", "expected_prefix", "marked"), [("en", "/en/", False), ("ti", "/nl/", True)])
def test_page_links_in_rich_text_follow_the_readers_language(code, expected_prefix, marked):
    dutch = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    html = f'<p><a linktype="page" id="{dutch.id}">lees meer</a></p>'
    with translation.override(code):
        assert Locale.get_active().language_code == code
        rendered = expand_db_html(html)
    assert f'href="{expected_prefix}' in rendered
    assert ('hreflang="nl"' in rendered and 'lang="nl"' in rendered) == marked
