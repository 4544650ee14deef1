"""Every page type in a real browser: axe-core WCAG 2.2 AA in Dutch and right-to-left Arabic,
newcomer pages in Tigrinya, Arabic and Persian on a 360 px phone, the poster on one A4 page."""

from wagtail.models import Locale, Page

import pytest

from .axe import assert_accessible
from .conftest import screenshot

# One page of every type (parents before children), by its path below the home page.
PAGE_TYPES = [
    "over-aan-de-slag",
    "succesfactoren",
    "succesfactoren/laagdrempelig",
    "gemeenten",
    "gemeenten/nijmegen",
    "gemeenten/nijmegen/samen-in-het-groen-nijmegen",
    "verhalen",
    "verhalen/koning-bezoekt-aan-de-slag",
    "handreikingen",
    "handreikingen/matchen",
    "contact",
    "ondersteuning-op-maat",
]
# Views below a page: filtered listings and the quick scan with a result.
SUB_VIEWS = [
    "gemeenten/praktijkvoorbeelden/?succesfactor=laagdrempelig",
    "handreikingen/?fase=match",
    "succesfactoren/quickscan/?f6-1=1&f6-2=2&f6-3=1",
]
NEWCOMER = "nieuwkomers/wat-is-vrijwilligerswerk"


@pytest.fixture
def arabic_copies(demo_site):
    """Arabic versions of the professional page types, so each is seen right to left."""
    arabic = Locale.objects.get(language_code="ar")
    for path in PAGE_TYPES:
        page = Page.objects.get(url_path=f"/home/{path}/").specific
        if not page.has_translation(arabic):
            page.copy_for_translation(arabic).save_revision().publish()


def visit(page, url):
    response = page.goto(url)
    assert response.status in (200, 404), (url, response.status)
    return response


def test_every_page_type_passes_axe_in_dutch_and_arabic(page, live_server, arabic_copies):
    paths = ["", *PAGE_TYPES, "nieuwkomers", NEWCOMER, *SUB_VIEWS]
    for code in ("nl", "ar"):
        for path in paths:
            url = f"{live_server.url}/{code}/{path}{'/' if path else ''}"
            if "?" in path:
                url = f"{live_server.url}/{code}/{path}"
            assert visit(page, url).status == 200, url
            direction = "rtl" if code == "ar" else "ltr"
            assert page.locator("html").get_attribute("lang") == code
            assert page.locator("html").get_attribute("dir") == direction
            # Nothing wider than the phone: a wide table scrolls in its own region.
            width = page.viewport_size["width"]
            assert page.evaluate("document.documentElement.scrollWidth") <= width, url
            assert_accessible(page)
            screenshot(page, f"{code}-{path.split('?')[0].replace('/', '-') or 'home'}")


@pytest.mark.parametrize("code", ["ti", "ar", "fa"])
def test_newcomer_pages_on_a_phone_in_their_own_script(page, live_server, demo_site, code):
    for path in ("", "nieuwkomers/", f"{NEWCOMER}/"):
        assert visit(page, f"{live_server.url}/{code}/{path}").status == 200
        html = page.locator("html")
        assert html.get_attribute("lang") == code
        assert html.get_attribute("dir") == ("ltr" if code == "ti" else "rtl")
        # Nothing wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        assert_accessible(page)
        screenshot(page, f"phone-{code}-{path.strip('/').replace('/', '-') or 'home'}")
    skip_link = page.locator(".skip-link").inner_text()
    assert skip_link and skip_link != "Skip to content"


def test_missing_translation_search_and_error_pages_pass_axe(page, live_server, demo_site):
    assert visit(page, f"{live_server.url}/ti/gemeenten/nijmegen/").status == 404
    assert page.locator("html").get_attribute("lang") == "ti"
    assert page.locator(".available-languages a[hreflang=nl]").count() == 1
    assert_accessible(page)
    screenshot(page, "ti-not-available")
    assert visit(page, f"{live_server.url}/nl/bestaat-niet/").status == 404
    assert_accessible(page)
    # Search typed into the header form, as a visitor would, in Arabic.
    visit(page, f"{live_server.url}/ar/")
    page.click(".disclosure--search summary")  # search sits behind one button in the header
    page.fill("#search-q", "التطوع")
    page.press("#search-q", "Enter")
    page.wait_for_load_state()
    assert "/ar/zoeken/" in page.url
    assert page.locator(".cards .card").count() >= 1
    assert_accessible(page)
    screenshot(page, "ar-search")


def test_poster_prints_on_one_a4_page_right_to_left(page, live_server, demo_site, tmp_path):
    for code in ("ar", "ti"):
        assert visit(page, f"{live_server.url}/{code}/{NEWCOMER}/poster/").status == 200
        assert_accessible(page)
        screenshot(page, f"poster-{code}")
        pdf = page.pdf(format="A4", print_background=True, prefer_css_page_size=True)
        # Each PDF page object carries "/Type /Page" (and the tree root "/Type /Pages").
        assert pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type /Page>") == 1, (
            code
        )


def test_keyboard_focus_is_visible_and_header_controls_work_without_javascript(
    browser, live_server, demo_site
):
    context = browser.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/nl/nieuwkomers/")
    # Tab to the first link after the skip link: the focus ring must be drawn.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    ring = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [document.activeElement.tagName, s.outlineStyle, s.outlineWidth, s.boxShadow]; })()"
    )
    assert ring[0] in ("A", "BUTTON", "INPUT"), ring
    assert ring[1] != "none" and ring[2] != "0px" and ring[3] != "none", ring
    assert page.locator(".cookie-banner").count() == 0  # consent is asked only at a video
    # The language control opens without JavaScript and lists every language in its script.
    assert not page.locator(".language-list").is_visible()
    page.click(".disclosure--languages summary")
    assert page.locator(".language-list a").count() == 8
    page.click('.language-list a[lang="ti"]')
    page.wait_for_load_state()
    assert page.url.endswith("/ti/nieuwkomers/")
    assert page.locator("html").get_attribute("lang") == "ti"
    context.close()


PHONE_PAGES = ["", "nieuwkomers/", f"{NEWCOMER}/", "nieuwkomers/in-utrecht/"]


@pytest.mark.parametrize("code", ["ar", "fa", "ti", "so", "uk"])
def test_on_a_phone_the_heading_is_on_the_first_screen(page, live_server, demo_site, code):
    for path in PHONE_PAGES:
        assert visit(page, f"{live_server.url}/{code}/{path}").status == 200, path
        screenshot(page, f"phone-top-{code}-{path.strip('/').replace('/', '-') or 'home'}")
        top = page.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
        assert top <= 200, (code, path, top)
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, (code, path)
    assert visit(page, f"{live_server.url}/{code}/{NEWCOMER}/poster/").status == 200
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, (code, "poster")


NEWCOMER_TYPES = [
    "nieuwkomers/",
    f"{NEWCOMER}/",
    "nieuwkomers/in-utrecht/",
    f"{NEWCOMER}/poster/",
    "offline/",
]


@pytest.mark.parametrize("code", ["nl", "ar", "ti"])
def test_newcomer_page_types_pass_axe_with_best_practices(page, live_server, demo_site, code):
    for path in NEWCOMER_TYPES:
        assert visit(page, f"{live_server.url}/{code}/{path}").status == 200, path
        assert_accessible(page, best_practice=True)


@pytest.mark.parametrize("code", ["nl", "ar"])
def test_search_with_a_typing_error_and_with_a_suggestion_on_a_phone(page, live_server, demo_site, code):
    """Results for a misspelt word, then "did you mean" for words that find nothing, on a
    360 px phone: axe passes on both, and the suggestion leads to results."""
    typo, hopeless = {"nl": ("ambasadeur", "ambassadeur zwembadxqv"), "ar": ("تطوعع", "تطوع qqxzzv")}[code]
    visit(page, f"{live_server.url}/{code}/zoeken/?q={typo}")
    assert page.locator(".cards .card").count() > 0
    assert_accessible(page)
    screenshot(page, f"phone-{code}-search-typo")
    visit(page, f"{live_server.url}/{code}/zoeken/?q={hopeless}")
    suggestion = page.locator(".search-suggestion a")
    assert suggestion.count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, f"phone-{code}-search-suggestion")
    suggestion.click()
    assert page.locator(".cards .card").count() > 0


def test_the_support_form_sent_empty_lands_focus_on_its_error_summary(page, live_server, demo_site):
    """From the contact page in one click to the form; sent empty, the error summary has
    the focus, links each field, and axe passes in that state (360 px)."""
    visit(page, f"{live_server.url}/nl/contact/")
    page.get_by_role("link", name="Vraag ondersteuning op maat aan bij Pharos").first.click()
    assert page.url.endswith("/nl/ondersteuning-op-maat/")
    page.get_by_role("button", name="Aanvraag versturen").click()
    page.wait_for_selector(".error-summary")
    page.wait_for_load_state("load")  # focus moves when the page has opened
    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator(".error-summary a").count() >= 3
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, "phone-nl-support-errors")
    page.locator(".error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "id_municipality"


@pytest.mark.parametrize("code", ["ti", "ar"])
def test_missing_something_on_a_phone_from_box_to_thanks(page, live_server, demo_site, code):
    """The "Mis je hier iets?" box on a newcomer page at 360 px: opened, axe passes, an
    answer sent, the thank-you page in the reader's language passes axe too."""
    visit(page, f"{live_server.url}/{code}/nieuwkomers/wat-is-vrijwilligerswerk/")
    page.locator(".feedback-box summary").click()
    page.locator(".feedback-form .choice input").first.check()
    page.locator(".feedback-form textarea").fill(
        "ስፖርት ኣብ ቀዳመ-ሰንበት" if code == "ti" else "رياضة في عطلة نهاية الأسبوع"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, f"phone-{code}-feedback-open")
    page.locator(".feedback-form button").click()
    assert page.locator("html").get_attribute("lang") == code
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    screenshot(page, f"phone-{code}-feedback-sent")
    from home.feedback.models import Feedback

    assert Feedback.objects.filter(locale__language_code=code).count() == 1


@pytest.mark.parametrize(
    ("code", "notice", "date"),
    [
        ("uk", "Ви можете прочитати цю сторінку такими мовами:", "листопада"),
        ("ar", "يمكنك قراءة هذه الصفحة بهذه اللغات:", None),
        ("ti", "ነዛ ገጽ ብዞም ዝስዕቡ ቋንቋታት ከተንብብዋ ትኽእሉ ኢኹም:", None),
    ],
)
def test_the_not_available_notice_and_dates_read_right_on_a_phone(
    page, live_server, demo_site, code, notice, date
):
    """The notice as one whole sentence of the language, no language name glued in; the
    Ukrainian date in the genitive."""
    response = page.goto(f"{live_server.url}/{code}/over-aan-de-slag/")
    assert response.status == 404
    assert notice in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page)
    screenshot(page, f"phone-{code}-not-available")
    if date:
        # The home page's key figures name their source's date.
        visit(page, f"{live_server.url}/{code}/")
        text = page.locator("main").inner_text()
        assert f" {date} " in text and "Листопад " not in text and "р.." not in text
