"""Each page type renders its key content; relations cost a constant number of queries."""

import gzip
import html
import re
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
import yaml

from programme.models import CaseStudyPage, MunicipalityPage, Organisation, SuccessFactorPage
from tests.measure import count_queries
from toolkit.models import GuidePage

from .factories import CaseStudyPageFactory, GuidePageFactory, YearlyFigureFactory

pytestmark = pytest.mark.django_db


def demo_pages(spec=None, path=""):
    """(URL, page data) for every page in the demo data, read from demo/pages.yaml."""
    if spec is None:
        spec = yaml.safe_load((Path(settings.BASE_DIR) / "demo" / "pages.yaml").read_text(encoding="utf-8"))
        yield "/nl/", spec
    else:
        yield f"/nl/{path}/", spec
    for child in spec.get("children", []):
        yield from demo_pages(child, f"{path}/{child['slug']}".strip("/"))


# Each page type shows these fields of its own; the expectations come from the data, so
# rewording the demo copy changes what is checked, not whether the test passes.
SHOWN_FIELDS = ("title", "summary", "mission", "intro")


@pytest.mark.parametrize(
    ("path", "spec"), list(demo_pages()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_every_demo_page_renders_its_own_content(client, path, spec):
    response = client.get(path)
    assert response.status_code == 200
    content = html.unescape(response.content.decode())
    for field in SHOWN_FIELDS:
        text = spec.get(field)
        if text and "<" not in text:  # rich text is rendered, not echoed
            assert " ".join(text.split())[:60] in " ".join(content.split()), f"{field} missing on {path}"


def test_example_pages_carry_a_visible_voorbeeld_label(client):
    content = client.get("/nl/gemeenten/zwolle/").content.decode()
    main = content.split('<main id="main"')[1].split("</main>")[0]
    assert 'class="container example-flag"' in main  # a small badge, inside the main landmark
    assert 'id="example-note"' in main and "voorbeeld" in main
    assert "example-flag" not in client.get("/nl/succesfactoren/").content.decode()


def test_admin_listing_names_example_pages(admin_client, demo_page):
    municipalities = demo_page("gemeenten")
    response = admin_client.get(f"/admin/pages/{municipalities.pk}/")
    assert "Zwolle [voorbeeld]" in response.content.decode()


def test_every_navigation_and_footer_link_answers_200(client):
    content = client.get("/nl/").content.decode()
    header = content.split('class="site-nav"')[1].split("</nav>")[0]
    footer = content.split('class="site-footer"')[1]
    links = set(re.findall(r'href="(/[^"]*)"', header + footer))
    assert len(links) >= 7
    for link in links:
        assert client.get(link).status_code == 200, link


def test_footer_lists_partners_and_funders(client):
    footer = client.get("/nl/").content.decode().split('class="site-footer"')[1]
    for name in ["Pharos", "VluchtelingenWerk Nederland", "Oranje Fonds", "Kansfonds", "Sociale Zaken"]:
        assert name in footer


def test_success_factor_page_lists_cost_no_query_per_item(client, demo_page):
    factor = demo_page("succesfactoren/laagdrempelig")
    nijmegen = demo_page("gemeenten/nijmegen")
    guides = demo_page("handreikingen")
    path = "/nl/succesfactoren/laagdrempelig/"
    count_queries(client, path)  # warm caches (site root paths, settings)
    before = count_queries(client, path)
    for _ in range(4):
        CaseStudyPageFactory(parent=nijmegen, success_factors=[factor])
        GuidePageFactory(parent=guides, success_factors=[factor])
    after = count_queries(client, path)
    assert after == before, (before, after)


def test_municipality_page_lists_cost_no_query_per_item(client, demo_page):
    nijmegen = demo_page("gemeenten/nijmegen")
    factor = SuccessFactorPage.objects.first()
    path = "/nl/gemeenten/nijmegen/"
    count_queries(client, path)
    before = count_queries(client, path)
    for _ in range(4):
        CaseStudyPageFactory(parent=nijmegen, success_factors=[factor])
        YearlyFigureFactory(page=nijmegen)
    after = count_queries(client, path)
    assert after == before, (before, after)


def test_guide_page_lists_its_success_factors_and_downloads(client, demo_page):
    guide = demo_page("handreikingen/werven-met-ambassadeurs")
    content = client.get(guide.url).content.decode()
    assert "Nieuwkomers werven nieuwkomers" in content
    download = guide.downloads.first().document
    assert download.url in content
    response = client.get(download.url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert body.startswith(b"%PDF-")
    # Made by WeasyPrint as the guides are: tagged, in Dutch, with its title and lines.
    import io

    import pypdf

    pdf = pypdf.PdfReader(io.BytesIO(body))
    assert pdf.trailer["/Root"]["/Lang"] == "nl" and "/StructTreeRoot" in pdf.trailer["/Root"]
    assert pdf.metadata.title == download.title and len(pdf.pages) == 1


def test_municipality_filter_ignores_odd_values(client):
    for query in [
        "?status=pilot",
        "?provincie=<script>",
        "?status=pilot&status=x",
        "?provincie=" + "x" * 5000,
    ]:
        response = client.get("/nl/gemeenten/" + query)
        assert response.status_code == 200, query
        assert "<script>" not in response.content.decode().split("<main")[1]
    # A NUL byte or bytes that are not UTF-8 never reach the view (home.operations.security).
    assert client.get("/nl/gemeenten/?status=%00%ff").status_code == 400
    assert (
        "Zwolle"
        not in client.get("/nl/gemeenten/?status=pilot")
        .content.decode()
        .split("<main")[1]
        .split("<figure")[0]
    )


def test_guide_filter_by_phase_and_audience(client):
    content = client.get("/nl/handreikingen/?fase=sustain").content.decode()
    assert "Aan de Slag voortzetten" in content
    assert "Een lokaal projectteam opzetten" not in content
    assert client.get("/nl/handreikingen/?fase=%ZZ&voor[]=1").status_code == 200


def test_story_feed_is_atom_in_the_page_language(client):
    response = client.get("/nl/verhalen/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert 'xml:lang="nl"' in body
    assert "Helffer Kootkar" in body


def test_video_shows_a_placeholder_until_media_consent(client, demo_page):
    story = demo_page("verhalen/helffer-kootkar-prijs")
    story.body.append(
        ("video", {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Film", "transcript": ""})
    )
    story.save_revision().publish()
    content = client.get(story.url).content.decode()
    assert "youtube-nocookie.com" not in content
    assert "Film" in content
    response = client.post("/consent/", {"media": "yes", "next": story.url})
    assert response.status_code == 302 and response["Location"] == story.url
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in client.get(story.url).content.decode()


def test_consent_refuses_to_redirect_elsewhere(client):
    response = client.post("/consent/", {"choice": "all", "next": "https://evil.example.com/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert client.get("/consent/").status_code == 405


def test_no_page_asks_for_cookie_consent_up_front(client):
    # Consent is asked only at an embedded video; nothing else on the site needs it.
    for path in ("/nl/", "/ar/nieuwkomers/", "/ti/nieuwkomers/wat-is-vrijwilligerswerk/"):
        content = client.get(path).content.decode()
        assert "cookie-banner" not in content and 'action="/consent/"' not in content, path


def test_api_serves_pages_images_and_documents_read_only(client):
    response = client.get("/api/v2/pages/?type=programme.MunicipalityPage&fields=cbs_code")
    assert response.status_code == 200
    items = response.json()["items"]
    assert {"GM0268", "GM0344"} <= {item["cbs_code"] for item in items}
    # Uploads are not listed: an upload is not public until a live page uses it.
    assert client.get("/api/v2/documents/").status_code == 404
    assert client.get("/api/v2/images/").status_code == 404
    assert client.post("/api/v2/pages/", {}).status_code == 405
    assert client.get("/api/v2/pages/?type=nope.Nope").status_code == 400


def test_page_without_images_weighs_under_50_kb_compressed(client):
    html = client.get("/nl/gemeenten/nijmegen/").content
    css = b"".join(Path(f"static/css/{name}").read_bytes() for name in ("site.css", "print.css"))
    assert b"<script" not in html.replace(b'<script type="application/ld+json">', b"")
    assert len(gzip.compress(html)) + len(gzip.compress(css)) < 50 * 1024


def test_loader_twice_creates_nothing_new():
    counts = lambda: (Page.objects.count(), Organisation.objects.count(), Site.objects.count())  # noqa: E731
    before = counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before


def test_demo_has_the_programme_facts():
    dutch = {"locale__language_code": "nl"}
    assert SuccessFactorPage.objects.filter(**dutch).count() == 6
    assert GuidePage.objects.filter(**dutch).count() >= 6
    assert set(GuidePage.objects.filter(**dutch).values_list("phase", flat=True)) == {
        "prepare",
        "recruit",
        "match",
        "guide",
        "sustain",
    }
    assert set(MunicipalityPage.objects.values_list("cbs_code", flat=True)) >= {"GM0268", "GM0344"}
    assert CaseStudyPage.objects.filter(is_example=False).count() == 0
    assert all(guide.downloads.exists() for guide in GuidePage.objects.all())


def test_a_downloads_block_names_the_documents_language_when_it_is_not_the_pages():
    from django.utils import translation

    from wagtail.documents import get_document_model

    from home.blocks import DownloadsBlock

    block = DownloadsBlock()
    document = get_document_model().objects.first()
    value = block.to_python({"title": "", "documents": [document.pk], "language": "nl"})
    with translation.override("en"):
        html = block.render(value)
    assert 'hreflang="nl"' in html
    assert f'<span lang="nl">{document.title}</span>' in html
    assert 'language: <span lang="nl">Nederlands</span>' in html
    with translation.override("nl"):
        assert "Nederlands" not in block.render(value)  # the page's own language goes unsaid
    # Blocks saved before the field existed read as Dutch.
    assert block.to_python({"title": "", "documents": [document.pk]}).language_autonym() == "Nederlands"
