"""Images are sent as responsive WebP renditions with their size and text alternative."""

import io
import re

from django.core.files.images import ImageFile

from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo():
    buffer = io.BytesIO()
    PILImage.new("RGB", (1600, 900), "green").save(buffer, "JPEG")
    return get_image_model().objects.create(title="Tuin", file=ImageFile(buffer, name="tuin.jpg"))


@pytest.mark.parametrize("decorative", [False, True])
def test_an_image_block_is_a_webp_srcset_with_width_height_and_alt(client, demo_page, photo, decorative):
    story = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    block = {
        "image": photo.pk,
        "alt_text": "Bewoners werken in de moestuin",
        "decorative": decorative,
        "caption": "",
    }
    story.body = [*story.body.raw_data, {"type": "image", "value": block}]
    story.save_revision().publish()
    html = client.get(story.url).content.decode()
    tag = re.search(r"<img[^>]*srcset=[^>]*>", html).group(0)
    widths = re.findall(r"\.webp (\d+)w", tag)
    assert widths == ["400", "800", "1200"], tag
    assert re.search(r'width="\d+"', tag) and re.search(r'height="\d+"', tag)
    assert 'sizes="' in tag and 'loading="lazy"' in tag
    assert ('alt=""' in tag) if decorative else ('alt="Bewoners werken in de moestuin"' in tag)
    rendition = re.search(r'src="([^"]+\.webp)"', tag).group(1)
    assert rendition.startswith("/media/")
