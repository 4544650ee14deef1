"""Enrolling an authenticator and signing in with it, in a real browser at 360 px."""

import base64

import pytest
from django_otp.oath import TOTP

from .axe import assert_accessible
from .conftest import screenshot

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "een-lang-en-sterk-wachtwoord"


@pytest.fixture
def required(settings):
    settings.TWO_FACTOR_FOR_SUPERUSERS = True


def code_for(key_text: str) -> str:
    """What the phone's app would show for the key typed off the page."""
    raw = key_text.replace(" ", "")
    key = base64.b32decode(raw + "=" * (-len(raw) % 8))
    return f"{TOTP(key).token():06d}"


def test_a_superuser_enrols_a_device_and_signs_in_with_a_recovery_code(
    page, browser, live_server, required, django_user_model
):
    django_user_model.objects.create_superuser("baas", "baas@example.org", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", "baas")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    # The password alone leads to the set-up page, not the dashboard.
    page.wait_for_url(f"{live_server.url}/admin/second-factor/")
    assert page.locator(".second-factor-qr svg").count() >= 1
    assert_accessible(page)
    screenshot(page, "second-factor-setup-360")
    page.fill("input[name=otp_token]", code_for(page.locator("code").first.inner_text()))
    page.click("form button[type=submit]")
    page.wait_for_selector(".second-factor-codes")
    assert_accessible(page)
    codes = page.locator(".second-factor-codes code").all_inner_texts()
    assert len(codes) == 10
    page.goto(f"{live_server.url}/admin/")
    assert page.url == f"{live_server.url}/admin/"

    # A new browser: password and a recovery code reach the dashboard.
    other = browser.new_context(viewport={"width": 360, "height": 780}, locale="nl-NL").new_page()
    other.goto(f"{live_server.url}/admin/login/")
    other.fill("input[name=username]", "baas")
    other.fill("input[name=password]", PASSWORD)
    other.fill("input[name=otp_token]", codes[0])
    other.click("button[type=submit]")
    other.wait_for_url(f"{live_server.url}/admin/")
    other.context.close()
