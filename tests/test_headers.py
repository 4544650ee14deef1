"""Security headers on every page type and on the admin; malformed input answers 400."""

import pytest

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "/nl/",
    "/ar/",
    "/nl/over-aan-de-slag/",
    "/nl/succesfactoren/",
    "/nl/succesfactoren/laagdrempelig/",
    "/nl/gemeenten/",
    "/nl/gemeenten/nijmegen/",
    "/nl/gemeenten/nijmegen/samen-in-het-groen-nijmegen/",
    "/nl/verhalen/",
    "/nl/verhalen/koning-bezoekt-aan-de-slag/",
    "/nl/handreikingen/",
    "/nl/handreikingen/matchen/",
    "/ar/nieuwkomers/",
    "/ar/nieuwkomers/wat-is-vrijwilligerswerk/",
    "/nl/contact/",
    "/nl/zoeken/?q=groen",
]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.strip() for part in policy.split(";") if part.strip()}


@pytest.mark.parametrize("path", PAGE_TYPES)
def test_every_public_page_type_sends_a_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["object-src"] == "object-src 'none'"
    assert policy["base-uri"] == "base-uri 'self'"
    assert policy["form-action"] == "form-action 'self'"
    assert policy["script-src"] == "script-src 'self'"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert (
        "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_gets_its_own_looser_policy_under_admin_only(admin_client):
    response = admin_client.get("/admin/")
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"
    assert "http" not in response["Content-Security-Policy"]  # no other host


def test_a_consented_video_allows_only_its_player_on_its_page(client, demo_page):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    story.body = [{"type": "video", "value": {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Bezoek", "transcript": ""}}]  # fmt: skip
    story.save_revision().publish()
    assert "frame-src 'none'" in client.get(story.url)["Content-Security-Policy"]
    client.cookies["consent"] = "media"
    with_video = client.get(story.url)
    assert "youtube-nocookie.com/embed/abcdefghijk" in with_video.content.decode()
    assert "frame-src https://www.youtube-nocookie.com" in with_video["Content-Security-Policy"]
    assert "frame-src 'none'" in client.get("/nl/handreikingen/")["Content-Security-Policy"]


def test_no_gravatar_in_the_admin(admin_client):
    assert "gravatar" not in admin_client.get("/admin/").content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/nl/zoeken/?q=%00",
        "/nl/zoeken/?q=%ff%fe",
        "/nl/gemeenten/?provincie=%00",
        "/api/v2/pages/?search=%00",
        "/api/v2/pages/?locale=%00",
        "/api/v2/pages/find/?html_path=%00",
        "/nl/%00/",
        "/nl/%C0%AF/",
    ],
)
def test_nul_bytes_and_invalid_utf8_answer_400_before_any_view(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "not allowed" in response.content.decode()


@pytest.mark.parametrize("code", ["nl", "en", "ar", "fa", "ti", "so", "tr", "uk"])
def test_every_footer_links_privacy_accessibility_and_cookie_statements_in_its_language(client, code):
    content = client.get(f"/{code}/").content.decode()
    footer = content.split('class="site-footer"')[1]
    links = [
        part.split('"')[0]
        for part in footer.split('class="statements"')[1].split("</ul>")[0].split('href="')[1:]
    ]
    assert len(links) == 3, links
    for href in links:
        assert href.startswith(f"/{code}/")
        assert client.get(href).status_code == 200


def test_the_accessibility_statement_follows_the_digitoegankelijk_model(client):
    content = client.get("/nl/toegankelijkheid/").content.decode()
    for part in (
        "EN 301 549",
        "WCAG 2.2",
        "gedeeltelijk",
        "Bekende problemen",
        "aandeslag@pharos.nl",
        "2026",
    ):
        assert part in content, part


def test_the_video_consent_form_links_the_cookie_statement(client, demo_page):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    story.body = [{"type": "video", "value": {"url": "https://vimeo.com/123456", "title": "Bezoek", "transcript": ""}}]  # fmt: skip
    story.save_revision().publish()
    placeholder = client.get(story.url).content.decode().split("video-block__placeholder")[1]
    assert 'href="/nl/cookies/"' in placeholder.split("</figure>")[0]
