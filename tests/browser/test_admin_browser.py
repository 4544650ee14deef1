"""The admin in a real browser: no request to another host (no Gravatar), no CSP violation."""

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db(transaction=True)
PASSWORD = "een-lang-en-sterk-wachtwoord"


def sign_in(page, live_server, django_user_model, username: str) -> None:
    """A new superuser signs in through the admin's own form."""
    django_user_model.objects.create_superuser(username, f"{username}@example.org", PASSWORD)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")


def test_the_admin_reaches_no_other_host_and_keeps_to_its_policy(
    page, live_server, demo_site, django_user_model
):
    sign_in(page, live_server, django_user_model, "beheerder")
    factor = Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/")
    # The dashboard, the page editor and the user list (where avatars would come from Gravatar).
    for path in ("/admin/", f"/admin/pages/{factor.pk}/edit/", "/admin/users/"):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        assert page.locator("main, #main").count() >= 1, path
    # The page fixture fails the test on any request to another host or CSP violation.


def test_the_translation_editor_speaks_dutch_and_draws_tigrinya_upright(
    page, live_server, demo_site, django_user_model
):
    sign_in(page, live_server, django_user_model, "redacteur")
    source = Page.objects.get(url_path="/home/nieuwkomers/wat-is-vrijwilligerswerk/")
    tigrinya = Page.objects.get(translation_key=source.translation_key, locale__language_code="ti")
    page.goto(f"{live_server.url}/admin/pages/{tigrinya.pk}/edit/")
    page.wait_for_selector(".js-translation-editor p")
    page.wait_for_load_state("networkidle")
    text = page.locator("body").inner_text()
    for english in ("Editor Guide", "More actions", " translation", "November"):
        assert english not in text, english
    assert "Vertaling van Nederlands naar" in text
    styles = page.evaluate(
        "[...document.querySelectorAll('.js-translation-editor p')].map((p) => getComputedStyle(p).fontStyle)"
    )
    assert styles and set(styles) == {"normal"}, styles
