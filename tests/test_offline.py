"""The service worker, offline page and manifest that make the newcomer section readable
without a connection and installable, per language, from the site itself."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def worker_config(client, code: str) -> dict:
    response = client.get(f"/{code}/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cache-Control"] == "no-cache"  # a cache never holds an old worker
    return json.loads(re.search(r"const CONFIG = (\{.*\});", response.content.decode()).group(1))


def test_the_worker_keeps_its_own_language_section_and_changes_with_a_publish(client, demo_page):
    config = worker_config(client, "ti")
    assert "/ti/nieuwkomers/" in config["keep"] and "/ti/nieuwkomers/in-utrecht/" in config["keep"]
    assert "/ti/offline/" in config["keep"]
    assert not [url for url in config["keep"] if url.startswith(("/ar/", "/nl/"))]
    assert "ኢንተርነት" in config["notice"]
    page = demo_page("nieuwkomers/wat-is-vrijwilligerswerk")
    page.save_revision().publish()
    assert worker_config(client, "ti")["cache"] != config["cache"]  # browsers fetch the section anew


def test_the_offline_page_lists_the_kept_pages_in_the_readers_language(client):
    content = client.get("/ar/offline/").content.decode()
    assert 'lang="ar"' in content and "لا يوجد اتصال بالإنترنت" in content
    assert 'href="/ar/nieuwkomers/in-utrecht/"' in content


def test_each_language_has_a_manifest_starting_at_its_newcomer_section(client):
    for code, direction in (("fa", "rtl"), ("ti", "ltr")):
        response = client.get(f"/{code}/manifest.webmanifest")
        assert response["Content-Type"] == "application/manifest+json"
        manifest = json.loads(response.content)
        assert manifest["lang"] == code and manifest["dir"] == direction
        assert manifest["start_url"] == f"/{code}/nieuwkomers/" and manifest["scope"] == f"/{code}/"
    page = client.get("/ti/nieuwkomers/").content.decode()
    assert '<link rel="manifest" href="/ti/manifest.webmanifest">' in page
    assert "js/offline" in page  # the worker is registered from the site's own script
