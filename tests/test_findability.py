"""Search engines and link previews: canonical links, descriptions, Open Graph, a robots.txt
naming the sitemap, and schema.org JSON-LD with every property its type requires here."""

import json
import re

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest

from home.structured_data import REQUIRED, missing_properties
from tests.bench import PAGES

pytestmark = pytest.mark.django_db

EXPECTED_TYPES = {
    "/nl/": "Organization",
    "/nl/over-aan-de-slag/": "Organization",
    "/nl/gemeenten/nijmegen/": "GovernmentOrganization",
    "/nl/gemeenten/nijmegen/samen-in-het-groen-nijmegen/": "Article",
    "/nl/verhalen/koning-bezoekt-aan-de-slag/": "Article",
    "/nl/handreikingen/matchen/": "HowTo",
    "/ar/nieuwkomers/wat-is-vrijwilligerswerk/": "WebPage",
    "/en/handreikingen/matchen/": "HowTo",
}


def json_ld(html: str) -> list[dict]:
    return [
        json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html)
    ]


@pytest.mark.parametrize(("path", "schema_type"), EXPECTED_TYPES.items())
def test_each_page_type_describes_itself_with_its_required_properties(client, path, schema_type):
    html = client.get(path).content.decode()
    (data,) = json_ld(html)
    assert data["@type"] == schema_type
    assert missing_properties(data) == []
    assert data["url"].endswith(path)
    assert data["inLanguage"] == path.split("/")[1]
    if schema_type == "HowTo":
        assert len(data["step"]) >= 2 and all(step["@type"] == "HowToStep" for step in data["step"])


def test_the_validator_knows_what_is_missing():
    assert missing_properties({"@type": "Article", "headline": "x"}) == [
        f"Article.{name}" for name in REQUIRED["Article"] if name != "headline"
    ]
    assert missing_properties(
        {"@type": "HowTo", "name": "n", "url": "u", "inLanguage": "nl", "step": [{"@type": "HowToStep"}]}
    )


@pytest.mark.parametrize(("name", "path", "kind"), PAGES)
def test_every_page_has_canonical_description_and_open_graph(client, name, path, kind):
    if kind in ("sitemap", "search"):
        return
    html = client.get(path).content.decode()
    if path.endswith("/poster/"):  # a print view of a page: kept out of search engines
        assert '<meta name="robots" content="noindex">' in html
        return
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
    assert canonical.startswith("http") and "?" not in canonical
    for prop in ("og:title", "og:url", "og:type", "og:locale", "og:site_name"):
        assert f'property="{prop}"' in html, (name, prop)
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html), name


def test_a_social_image_becomes_the_open_graph_image(client, demo_page):
    import io

    from PIL import Image as PILImage

    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 1000), "blue").save(buffer, "JPEG")
    image = get_image_model().objects.create(title="Deel", file=ImageFile(buffer, name="deel.jpg"))
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    story.social_image = image
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    assert re.search(r'<meta property="og:image" content="http[^"]+\.jpg">', html)
    assert '<meta property="og:image:width" content="1200">' in html
    assert 'name="twitter:card" content="summary_large_image"' in html


def test_json_ld_cannot_be_broken_out_of(client, demo_page):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    story.title = "Verhaal </script><script>alert(1)</script>"
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html).group(1)
    assert "<" not in block
    assert json.loads(block)["headline"].startswith("Verhaal </script>")


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert "Disallow: /teller/" in response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()
