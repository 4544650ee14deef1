"""Anonymous pages are cacheable and cached, never with anything personal, and go stale
the moment what they show changes."""

import io

from django.conf import settings
from django.core.files.images import ImageFile

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

import pytest
from PIL import Image as PILImage

from home.models import SiteSettings
from programme.models import Organisation

pytestmark = pytest.mark.django_db

PAGE = "/nl/over-aan-de-slag/"


def hit(client, path, **extra) -> bool:
    return client.get(path, **extra).get("X-Page-Cache") == "hit"


# --- What a response says about itself ----------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/nl/", PAGE, "/ti/nieuwkomers/", "/ar/nieuwkomers/", "/nl/zoeken/?q=groen"]
)
def test_a_first_visit_gets_no_cookie_and_a_shareable_response(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=0", f"s-maxage={settings.PAGE_CACHE_SECONDS}"} <= directives
    assert b"csrfmiddlewaretoken" not in response.content


def test_the_second_visit_is_served_from_the_page_cache(client, django_assert_num_queries):
    client.get(PAGE)
    # One primary-key read: the content version every app server shares.
    with django_assert_num_queries(1) as queries:
        response = client.get(PAGE)
    assert "caching_contentversion" in queries.captured_queries[0]["sql"]
    assert response["X-Page-Cache"] == "hit"
    # Headers from inside the cache are kept with the page.
    assert "Content-Security-Policy" in response
    assert response["Content-Type"].startswith("text/html")


def test_a_gzip_client_gets_the_kept_page_compressed(client):
    first = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip")
    second = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert first["Content-Encoding"] == second["Content-Encoding"] == "gzip"
    assert second["X-Page-Cache"] == "hit"
    assert client.get(PAGE).get("Content-Encoding") is None  # a client without gzip


def test_consent_is_part_of_the_key_and_its_answers_are_private(client, demo_page):
    story = demo_page("verhalen/helffer-kootkar-prijs")
    story.body.append(
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Film", "transcript": ""})
    )
    story.save_revision().publish()
    player = b"youtube-nocookie.com/embed"
    assert player not in client.get(story.url).content
    assert hit(client, story.url)
    client.cookies["consent"] = "media"
    response = client.get(story.url)
    assert player in response.content  # not the placeholder kept for visitors without consent
    assert response.get("X-Page-Cache") == "miss"
    assert "private" in response["Cache-Control"]
    assert hit(client, story.url)
    client.cookies["consent"] = "none"
    assert client.get(story.url).get("X-Page-Cache") == "miss"  # another choice, another entry


def test_logged_in_and_admin_answers_are_never_kept(admin_client):
    for path in (PAGE, "/admin/"):
        response = admin_client.get(path)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
        assert "X-Page-Cache" not in response


def test_a_preview_is_never_kept(admin_client, demo_page):
    page = demo_page("over-aan-de-slag")
    response = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/")
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert "X-Page-Cache" not in response


def test_a_restricted_page_is_never_kept(client, demo_page):
    page = demo_page("over-aan-de-slag")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="geheim"
    )
    for _ in range(2):
        response = client.get(PAGE)
        assert b"geheim" not in response.content
        assert response.get("X-Page-Cache") != "hit"
        assert "public" not in response.get("Cache-Control", "")


def test_the_consent_form_works_without_a_csrf_cookie_from_this_site_only(client):
    response = client.post("/consent/", {"choice": "all", "next": PAGE}, HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 302 and response.cookies["consent"].value == "analytics,media"
    assert "no-store" in response["Cache-Control"]
    forged = client.post("/consent/", {"choice": "none"}, HTTP_SEC_FETCH_SITE="cross-site")
    assert forged.status_code == 403 and "consent" not in forged.cookies
    forged = client.post("/consent/", {"choice": "none"}, HTTP_ORIGIN="https://evil.example")
    assert forged.status_code == 403


# --- Invalidation: one test per kind of change --------------------------------------------


@pytest.fixture
def cached(client):
    """Fill the page cache with a page, the home page and a listing."""

    def fill(*paths):
        for path in paths:
            client.get(path)
            assert hit(client, path), path

    return fill


def test_publishing_a_page_refreshes_it_and_the_pages_listing_it(client, cached, demo_page):
    cached(PAGE, "/nl/")
    page = demo_page("over-aan-de-slag")
    page.title = "Nieuwe titel over Aan de Slag"
    page.save_revision().publish()
    assert b"Nieuwe titel over Aan de Slag" in client.get(PAGE).content
    assert b"Nieuwe titel over Aan de Slag" in client.get("/nl/").content  # the navigation


def test_unpublishing_removes_the_page(client, cached, demo_page):
    cached(PAGE)
    demo_page("over-aan-de-slag").unpublish()
    assert client.get(PAGE).status_code == 404


def test_moving_a_page_changes_its_address(client, cached, demo_page):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    old = story.url
    cached(old)
    story.move(demo_page("handreikingen"), pos="last-child")
    response = client.get(old)  # Wagtail made a redirect to the new address
    assert (
        response.status_code == 301
        and response["Location"] == "/nl/handreikingen/koning-bezoekt-aan-de-slag/"
    )
    assert client.get(response["Location"]).status_code == 200


def test_deleting_a_page_removes_it(client, cached, demo_page):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    path = story.url
    cached(path, "/nl/verhalen/")
    story.delete()
    assert client.get(path).status_code == 404
    assert b"koning-bezoekt" not in client.get("/nl/verhalen/").content


def test_a_new_translation_appears_in_the_switcher_of_the_source(
    client, cached, demo_page, django_capture_on_commit_callbacks
):
    from wagtail.models import Locale

    page = demo_page("over-aan-de-slag")
    locale = Locale.objects.get(language_code="so")
    cached(PAGE)
    assert b'hreflang="so"' not in client.get(PAGE).content
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    assert b'hreflang="so"' in client.get(PAGE).content


def test_saving_a_snippet_refreshes_the_footer(client, cached):
    cached(PAGE)
    organisation = Organisation.objects.filter(show_in_footer=True, locale__language_code="nl").first()
    organisation.name = "Een nieuwe partner"
    organisation.save()
    assert "Een nieuwe partner" in client.get(PAGE).content.decode()


def test_saving_a_setting_refreshes_the_footer(client, cached):
    cached(PAGE)
    site_settings = SiteSettings.objects.get()
    site_settings.contact_email = "nieuw@example.org"
    site_settings.save()
    assert "nieuw@example.org" in client.get(PAGE).content.decode()


def test_saving_an_image_makes_kept_pages_stale(client, cached):
    cached(PAGE)
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "green").save(buffer, "PNG")
    get_image_model().objects.create(title="Groen", file=ImageFile(buffer, name="groen.png"))
    assert client.get(PAGE)["X-Page-Cache"] == "miss"


class RecordingBackend(BaseBackend):
    purged: list[str] = []

    def purge(self, url):
        RecordingBackend.purged.append(url)


@pytest.fixture
def cdn(settings):
    settings.WAGTAILFRONTENDCACHE = {"cdn": {"BACKEND": "tests.test_page_cache.RecordingBackend"}}
    RecordingBackend.purged = []
    return RecordingBackend.purged


def test_publishing_purges_the_cdn_in_every_language(cdn, demo_page, django_capture_on_commit_callbacks):
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in cdn}
    for code, _name in settings.LANGUAGES:
        assert f"{code}/" in paths, code  # every language's home page
        assert f"{code}/nieuwkomers/wat-is-vrijwilligerswerk/" in paths, code  # the page's translations
    assert "nl/nieuwkomers/" in paths  # the listing that shows it


def test_saving_a_setting_purges_every_home_page_from_the_cdn(cdn, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.objects.get().save()
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in cdn}
    assert {f"{code}/" for code, _name in settings.LANGUAGES} <= paths


def test_a_page_not_live_is_not_served_from_an_older_route(client, cached):
    cached(PAGE)
    Page.objects.filter(url_path__endswith="/over-aan-de-slag/").update(live=False)  # no signal
    # Kept pages may lag a change made behind Wagtail's back, but routing re-checks `live`.
    from home.caching.state import new_version

    new_version()
    assert client.get(PAGE).status_code == 404


def test_related_lists_are_kept_per_version_but_never_for_a_preview(rf):
    from home.caching.state import kept_for_page, new_version

    page = Page.objects.filter(depth=2).first()
    built = []

    def build():
        built.append(1)
        return len(built)

    request = rf.get("/")
    assert kept_for_page(request, page, "test", build) == kept_for_page(request, page, "test", build) == 1
    new_version()
    assert kept_for_page(request, page, "test", build) == 2  # a publish anywhere rebuilds
    request.is_preview = True
    assert kept_for_page(request, page, "test", build) == 3
    assert kept_for_page(request, page, "test", build) == 4


def test_a_municipality_preview_shows_its_unsaved_figures(admin_client, demo_page):
    page = demo_page("gemeenten/nijmegen")
    admin_client.get(page.url)  # keeps the published lists
    from programme.models import YearlyFigure

    page.yearly_figures.add(YearlyFigure(year=2011, participants=4321, volunteer_organisations=12))
    page.save_revision()  # a draft: not published
    preview = admin_client.get(f"/admin/pages/{page.pk}/view_draft/")
    assert preview.status_code == 200
    assert "4321" in preview.content.decode()
    assert "4321" not in admin_client.get(page.url).content.decode()


def test_saving_a_draft_or_a_form_submission_keeps_pages(client, cached, demo_page):
    cached(PAGE, "/nl/")
    page = demo_page("over-aan-de-slag")
    page.title = "Nog niet gepubliceerd"
    page.save_revision()  # a draft: readers still see the published page
    from django.contrib.sessions.backends.db import SessionStore

    SessionStore().create()  # any other write, such as a session
    assert hit(client, PAGE) and hit(client, "/nl/")


def test_scheduled_publishing_and_expiry_reach_the_kept_listings(client, cached, demo_page):
    """A story with a go-live appears on the kept story index once `publish_scheduled` has
    run (the host's scheduler runs it every few minutes); an expired one leaves it."""
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    stories = demo_page("verhalen")
    planned = (
        stories.get_children()
        .live()
        .first()
        .specific.copy(
            update_attrs={"title": "Gepland verhaal over de moestuin", "slug": "gepland-verhaal"},
            keep_live=False,
        )
    )
    planned.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    planned.save_revision().publish()
    leaving = stories.get_children().live().exclude(pk=planned.pk).first().specific
    leaving.expire_at = timezone.now() + datetime.timedelta(hours=1)
    leaving.save_revision().publish()
    cached("/nl/verhalen/")
    index = client.get("/nl/verhalen/").content.decode()
    assert "Gepland verhaal over de moestuin" not in index and leaving.title in index

    later = timezone.now() + datetime.timedelta(hours=2)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: later)
        call_command("publish_scheduled", stdout=io.StringIO())
    index = client.get("/nl/verhalen/").content.decode()
    assert "Gepland verhaal over de moestuin" in index
    assert leaving.title not in index


def test_a_kept_body_follows_publishing_and_consent_and_still_allows_its_video(client, demo_page):
    """Rendered StreamFields are kept (home/templatetags/fragment_tags.py) per page,
    language, consent answer and content version; tracking parameters miss the page cache
    but not the kept body, which must still allow its video's frame."""
    from django.core.cache import caches

    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    story.body = [{"type": "video", "value": {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Bezoek", "transcript": ""}}]  # fmt: skip
    story.save_revision().publish()
    client.cookies["consent"] = "media"
    for n in range(2):  # the second is a kept body: the page cache is missed by the query
        response = client.get(f"{story.url}?utm_source=nieuwsbrief-{n}")
        assert "youtube-nocookie.com/embed/abcdefghijk" in response.content.decode()
        assert "frame-src https://www.youtube-nocookie.com" in response["Content-Security-Policy"]
    assert any(key.startswith(":1:fragment:") for key in caches["fragments"]._cache)
    client.cookies["consent"] = ""
    del client.cookies["consent"]
    refused = client.get(f"{story.url}?utm_source=x").content.decode()
    assert "youtube-nocookie.com/embed" not in refused and 'name="next"' in refused

    story.body = [{"type": "paragraph", "value": "<p>Een nieuwe alinea na het bezoek.</p>"}]
    story.save_revision().publish()
    assert "Een nieuwe alinea na het bezoek." in client.get(f"{story.url}?utm_source=y").content.decode()


def test_a_kept_page_part_never_takes_a_preview_and_follows_publishing(client, admin_client, demo_page):
    """`{% kept "content" %}` keeps a detail page's content per page, language, consent
    answer and content version; a preview of unsaved text renders afresh and is not kept
    for readers."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    page = demo_page("privacy")
    # The host Wagtail gives a preview's request, so both would share a kept part's key.
    host = page.get_site().root_url.split("://")[1]
    client.defaults["HTTP_HOST"] = host

    def body(html):
        return html.split("<main")[1].split("</main>")[0]

    assert "Ongepubliceerde alinea" not in body(client.get(f"{page.url}?a=1").content.decode())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": page.intro,
            "body": streamfield(
                [("paragraph", rich_text("<p>Ongepubliceerde alinea in een voorbeeld.</p>"))]
            ),
            "comments": inline_formset([]),
        }
    )
    admin_client.post(f"/admin/pages/{page.pk}/edit/preview/", data)
    preview = admin_client.get(f"/admin/pages/{page.pk}/edit/preview/").content.decode()
    assert "Ongepubliceerde alinea in een voorbeeld." in body(preview)
    assert "Ongepubliceerde alinea" not in body(client.get(f"{page.url}?a=2").content.decode())

    page.body = [{"type": "paragraph", "value": "<p>Nu gepubliceerde alinea.</p>"}]
    page.save_revision().publish()
    assert "Nu gepubliceerde alinea." in body(client.get(f"{page.url}?a=3").content.decode())


def test_tracking_parameters_share_the_pages_copy_and_never_reach_its_links(client):
    assert not hit(client, "/nl/verhalen/?utm_source=nieuwsbrief&utm_campaign=december")
    assert hit(client, "/nl/verhalen/?utm_source=facebook&fbclid=abc123")
    assert hit(client, "/nl/verhalen/")
    html = client.get("/nl/verhalen/?gclid=xyz&utm_medium=mail").content.decode()
    assert "utm_" not in html and "gclid" not in html and "fbclid" not in html
    assert not hit(client, "/nl/verhalen/?pagina=1&utm_source=x")  # a real parameter keeps its own copy


def _paths(purged) -> set[str]:
    return {url.split("://", 1)[1].split("/", 1)[1] for url in purged}


def test_a_new_view_restriction_purges_the_page_and_all_below_it(
    cdn, demo_page, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    section = demo_page("nieuwkomers")
    below = {page.url.lstrip("/") for page in section.get_descendants().live()}
    assert below
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type="password", password="x"
        )
    assert {"nl/nieuwkomers/", *below} <= _paths(cdn)
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()  # freed again: the restricted answers go too
    assert {"nl/nieuwkomers/", *below} <= _paths(cdn)


def test_a_new_slug_purges_the_old_address(cdn, demo_page, django_capture_on_commit_callbacks):
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    page.slug = "vrijwilligerswerk-uitgelegd"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    paths = _paths(cdn)
    assert "nl/nieuwkomers/wat-is-vrijwilligerswerk/" in paths
    assert "nl/nieuwkomers/vrijwilligerswerk-uitgelegd/" in paths
    assert "en/nieuwkomers/vrijwilligerswerk-uitgelegd/" not in paths  # no copy per language


def test_a_move_purges_the_old_addresses_of_the_page_and_below(
    cdn, demo_page, django_capture_on_commit_callbacks
):
    section = demo_page("verhalen")
    story = section.get_children().live().first()
    target = demo_page("over-aan-de-slag")
    old_section_path = section.url.lstrip("/")
    old_story_path = story.url.lstrip("/")
    with django_capture_on_commit_callbacks(execute=True):
        section.move(target, pos="last-child")
    paths = _paths(cdn)
    assert {old_section_path, old_story_path} <= paths
    section.refresh_from_db()
    assert section.url.lstrip("/") in paths


def test_deleting_a_live_page_purges_it(cdn, demo_page, django_capture_on_commit_callbacks):
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    with django_capture_on_commit_callbacks(execute=True):
        page.delete()
    assert "nl/nieuwkomers/wat-is-vrijwilligerswerk/" in _paths(cdn)
