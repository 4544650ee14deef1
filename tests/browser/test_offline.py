"""Readable offline: after one visit, the newcomer section of the reader's language comes
from a service worker served by the site itself, with a notice in that language."""

from urllib.parse import urlsplit

from .axe import assert_accessible
from .conftest import PHONE, screenshot

PAGES = ["nieuwkomers/", "nieuwkomers/wat-is-vrijwilligerswerk/", "nieuwkomers/in-utrecht/"]
NOTICE_TI = "ኢንተርነት የብልካን"


def test_the_tigrinya_newcomer_section_reads_without_a_connection(browser, live_server, demo_site):
    # No request routing here: Playwright's routing would keep the worker from answering.
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    own_host = urlsplit(live_server.url).netloc
    elsewhere = []
    context.on(
        "request",
        lambda request: urlsplit(request.url).netloc not in (own_host, "") and elsewhere.append(request.url),
    )
    page = context.new_page()
    page.goto(f"{live_server.url}/ti/nieuwkomers/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # The worker has kept the section once its cache holds every page of it.
    page.wait_for_function(
        """async (pages) => {
            const names = await caches.keys();
            if (!names.length) return false;
            const cache = await caches.open(names[0]);
            const paths = (await cache.keys()).map((r) => new URL(r.url).pathname);
            return pages.every((p) => paths.includes('/ti/' + p));
        }""",
        arg=PAGES,
        timeout=20_000,
    )
    context.set_offline(True)
    for path in PAGES:
        page.goto(f"{live_server.url}/ti/{path}")
        assert page.locator("html").get_attribute("lang") == "ti"
        assert page.locator("main h1").count() == 1
        assert NOTICE_TI in page.locator("main .offline-notice").inner_text(), path
    screenshot(page, "offline-ti-in-utrecht")
    # A page that was never kept: the offline page, in Tigrinya, listing what can be read.
    page.goto(f"{live_server.url}/ti/gemeenten/")
    assert page.locator("main h1").inner_text() == "ኢንተርነት የለን"
    assert page.locator('main a[href="/ti/nieuwkomers/in-utrecht/"]').count() == 1
    assert_accessible(page)
    context.set_offline(False)
    context.close()
    assert not elsewhere, elsewhere
