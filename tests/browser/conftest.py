"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

No browser is downloaded: Playwright starts /usr/bin/chromium (or $CHROMIUM) with the flags
this project's machines need. Every request to another host is aborted and recorded, so a
page that reaches the internet fails its test.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"
PHONE = {"width": 360, "height": 780}


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is missing at {CHROMIUM}: apt-get install chromium fonts-noto-core")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the main thread; the ORM calls that the
    # fixtures make there are still synchronous, so Django's async guard does not apply.
    # Set only while the browser runs, so no subprocess of another test inherits it.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


@pytest.fixture
def demo_site(transactional_db):
    """The demo content in the database that live_server serves: copied back from the
    prepared demo, since the previous browser test's commits were flushed."""
    from toolkit.demo import prepared

    prepared.restore_test_database()


@pytest.fixture
def external_requests():
    return []


@pytest.fixture
def csp_violations():
    return []


def watch_csp(page, violations: list) -> None:
    """Record every Content-Security-Policy violation Chromium reports on the console."""
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )


@pytest.fixture
def page(browser, live_server, external_requests, csp_violations):
    context = browser.new_context(viewport=PHONE, locale="nl-NL")
    own_host = urlsplit(live_server.url).netloc

    def only_our_host(route):
        if urlsplit(route.request.url).netloc == own_host or route.request.url.startswith("data:"):
            route.continue_()
        else:
            external_requests.append(route.request.url)
            route.abort()

    context.route("**/*", only_our_host)
    page = context.new_page()
    watch_csp(page, csp_violations)
    yield page
    context.close()
    assert not external_requests, f"The page tried to reach other hosts: {external_requests}"
    assert not csp_violations, f"Content-Security-Policy violations: {csp_violations}"


def screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
