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


# --- Wagtail internals routed through the shared memos (home.caching.state) ----------------


def test_wagtails_public_filter_still_goes_through_private_q_which_is_ours():
    import inspect

    from wagtail.query import PageQuerySet

    from home.caching.state import private_q

    assert PageQuerySet.private_q is private_q
    # public() and not_public() must still build on private_q, or ours would be bypassed.
    assert "self.private_q()" in inspect.getsource(PageQuerySet.public)
    assert "self.private_q()" in inspect.getsource(PageQuerySet.not_public)


def test_a_restricted_page_leaves_public_listings_through_our_private_q(demo_page):
    from wagtail.models import PageViewRestriction

    from home.caching.state import new_version

    page = demo_page("nieuwkomers/mag-ik-meedoen")
    assert Page.objects.public().filter(pk=page.pk).exists()
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="geheim")
    new_version()
    assert not Page.objects.public().filter(pk=page.pk).exists()


def test_locale_get_active_is_ours_and_answers_without_a_query(django_assert_num_queries):
    from home.caching import state
    from home.caching.state import get_active_locale

    assert Locale.get_active.__func__ is get_active_locale
    token = state._request_version.set(state.content_version())  # as inside a request
    try:
        with translation.override("ti"):
            Locale.get_active()  # the memo is filled once
            with django_assert_num_queries(0):
                assert Locale.get_active().language_code == "ti"
    finally:
        state._request_version.reset(token)


def test_wagtail_still_reads_the_site_we_put_on_the_request(rf):
    import inspect

    from wagtail.models import Site

    from home.caching.state import site_for_request

    source = inspect.getsource(Site.find_for_request)
    assert "_wagtail_site" in source and "_find_for_request" in source
    request = rf.get("/nl/")
    request._wagtail_site = site_for_request(request)
    assert Site.find_for_request(request) is request._wagtail_site is not None


def test_wagtail_still_takes_the_route_we_put_on_the_request(rf, django_assert_num_queries):
    from home.serving.routing import route_for_request

    request = rf.get("/nl/nieuwkomers/mag-ik-meedoen/")
    with translation.override("nl"):
        route_for_request(request, "nieuwkomers/mag-ik-meedoen/")
        assert request._wagtail_route_for_request is not None
        with django_assert_num_queries(0):
            page, _args, _kwargs = Page.route_for_request(request, "nieuwkomers/mag-ik-meedoen/")
    assert page.slug == "mag-ik-meedoen"


def test_the_admin_script_catalog_address_reaches_ours_not_wagtail_localizes():
    match = resolve("/admin/localize/jsi18n/")
    assert match.func.__module__ == "home.editorial.admin_language"


def test_django_redis_still_swallows_errors_only_where_ignore_exceptions_says():
    import inspect

    from django_redis import cache as django_redis_cache

    from home.caching.backends import CircuitBreakerRedisCache

    # The breaker needs the errors: it turns django-redis's own swallowing off.
    assert "self._ignore_exceptions" in inspect.getsource(django_redis_cache)
    backend = CircuitBreakerRedisCache("redis://127.0.0.1:1/0", {})
    assert backend._ignore_exceptions is False


def test_wagtails_csv_export_still_builds_each_cell_with_preprocess_field_value():
    import inspect

    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    # Ours wraps it; an upgrade that builds CSV cells elsewhere would bypass it.
    assert getattr(SpreadsheetExportMixin.preprocess_field_value, "neutralises_formulas", False)
    assert "self.preprocess_field_value(field, value, self.FORMAT_CSV)" in inspect.getsource(
        SpreadsheetExportMixin.write_csv_row
    )


def test_the_translation_comment_names_the_tool_in_the_admins_language():
    """wagtail-localize shows the stored tool name as it is ("Vertaald met PO File");
    home.editorial.admin_language wraps `StringTranslation.get_comment` to translate it."""
    assert hasattr(StringTranslation.get_comment, "wrapped")
    string = StringTranslation.objects.exclude(tool_name="").first()
    string.tool_name = "PO File"
    with translation.override("nl"):
        assert string.get_comment().startswith("Vertaald met een PO-bestand op ")
    assert string.tool_name == "PO File"  # the stored value is left as it is
    string.tool_name = "DeepL"  # a machine translator's own name stays a name
    with translation.override("nl"):
        assert string.get_comment().startswith("Vertaald met DeepL op ")


def test_the_dashboards_image_count_keeps_its_space_in_dutch():
    from django.utils.translation import ngettext

    with translation.override("nl"):
        text = ngettext(
            '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
            3,
        ) % {"total": 3, "site_name": "Aan de Slag"}
    assert text == '3 Afbeeldingen <span class="w-sr-only">aangemaakt in Aan de Slag</span>'
