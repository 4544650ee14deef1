"""Valid markup: the W3C Nu HTML checker (vnu.jar from npm's vnu-jar, pinned in
package-lock.json, run on the machine's Java) finds no error on any live page in any language, nor on the views below
pages (filtered listings, the quick scan, search, posters, the offline page, a 404)."""

import json
import os
import shutil
import subprocess
from pathlib import Path

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db

VIEWS = [
    "/nl/gemeenten/praktijkvoorbeelden/?succesfactor=laagdrempelig",
    "/nl/handreikingen/?fase=match",
    "/nl/succesfactoren/quickscan/?f6-1=1&f6-2=2&f6-3=1",
    "/nl/zoeken/?q=vrijwilligers",
    "/ar/zoeken/?q=التطوع",
    "/ti/nieuwkomers/wat-is-vrijwilligerswerk/poster/",
    "/ar/nieuwkomers/in-utrecht/poster/",
    "/ti/offline/",
    "/ti/gemeenten/nijmegen/",  # a page not in Tigrinya: 404 in Tigrinya
]


VNU_JAR = Path(__file__).resolve().parent.parent / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_in_every_language_is_valid_html(client, tmp_path):
    java = shutil.which("java")
    missing = "Java is not installed" if java is None else None
    if not VNU_JAR.exists():
        missing = "vnu.jar is missing: make test installs it with npm"
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI runs the HTML checker: {missing}")
        pytest.skip(missing)
    paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific() if page.url]
    files = {}
    for number, path in enumerate([*paths, *VIEWS]):
        response = client.get(path)
        assert response.status_code in (200, 404), path
        file = tmp_path / f"{number}.html"
        file.write_bytes(response.content)
        files[file.name] = path
    result = subprocess.run(  # noqa: S603 - our own arguments
        [
            java,
            "-Xss1024k",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            *map(str, files and tmp_path.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [
        f"{files[Path(m['url']).name]}:{m.get('lastLine')}: {m['message']} [{m.get('extract', '').strip()[:80]}]"
        for m in messages
        if m.get("type") == "error"
    ]
    assert len(files) > 40
    assert not errors, "\n".join(errors)


def test_headings_never_skip_a_level_on_any_live_page(client):
    """axe's heading-order, for every live page of every language (a guide once put a
    step's h3 straight after its h1), search results and the not-available page."""
    import re

    from wagtail.models import Page

    urls = [page.url for page in Page.objects.live().public().filter(depth__gte=2) if page.url]
    urls += ["/nl/zoeken/?q=ambassadeur", "/ar/zoeken/?q=تطوع", "/uk/over-aan-de-slag/"]
    skipped = []
    for url in urls:
        response = client.get(url)
        levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", response.content.decode())]
        for before, after in zip([0, *levels], levels, strict=False):
            if after > before + 1:
                skipped.append((url, levels))
                break
    assert skipped == []
