from .axe import assert_accessible
from .conftest import screenshot


def test_home_page_is_accessible_in_a_phone_browser(page, live_server, demo_site):
    response = page.goto(f"{live_server.url}/nl/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.locator("h1").inner_text() == "Aan de Slag"
    assert_accessible(page)
    assert screenshot(page, "home-nl").stat().st_size > 0


def test_skip_link_is_first_in_tab_order_and_moves_focus_to_main(page, live_server, demo_site):
    page.goto(f"{live_server.url}/nl/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_axe_helper_catches_a_violation(page, live_server, demo_site):
    page.goto(f"{live_server.url}/nl/")
    page.evaluate("document.querySelector('.site-brand img').removeAttribute('alt')")
    page.evaluate("document.querySelector('.site-brand__name').remove()")
    try:
        assert_accessible(page)
    except AssertionError as error:
        assert "link-name" in str(error) or "image-alt" in str(error)
    else:
        raise AssertionError("axe did not report a link without a name")
