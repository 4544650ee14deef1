"""Languages: registration, URL choice, switcher, hreflang, missing translations, PO round trip."""

import datetime
import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page

import polib
import pytest

from home.i18n import page_translations
from toolkit.models import NewcomerIndexPage, NewcomerPage

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent
NEWCOMER = "/nieuwkomers/wat-is-vrijwilligerswerk/"


def test_tigrinya_and_somali_are_registered_with_their_own_names_and_direction():
    info = get_language_info("ti")
    assert (info["code"], info["name"], info["name_local"], info["bidi"]) == ("ti", "Tigrinya", "ትግርኛ", False)
    assert get_language_info("so")["name_local"] == "Soomaali"
    assert get_language_info("ar")["bidi"] and get_language_info("fa")["bidi"]
    assert {code for code, _ in settings.LANGUAGES} == {"nl", "en", "ar", "fa", "ti", "so", "tr", "uk"}


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("ti,en;q=0.5", "/ti/"),
        ("fa-IR,fa;q=0.9", "/fa/"),
        ("de-DE,de;q=0.9", "/nl/"),
        ("", "/nl/"),
        ("%%%;q=x", "/nl/"),
        ("prs", "/fa/"),  # Dari
        ("prs-AF,en;q=0.5", "/fa/"),
        ("de,tir;q=0.8,en;q=0.5", "/ti/"),  # the preference order kept
        ("en,prs;q=0.5", "/en/"),
        ("ukr", "/uk/"),
    ],
)
def test_root_sends_the_visitor_to_the_best_language(client, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_the_language_a_visitor_chose_is_remembered(client):
    # Reading a page is no choice: pages set no cookie (they are cached whole).
    assert not client.get("/so/nieuwkomers/").cookies
    # The switcher's link is.
    response = client.get("/taal/", {"naar": "/so/nieuwkomers/"})
    assert response.status_code == 302 and response["Location"] == "/so/nieuwkomers/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "so"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="nl")["Location"] == "/so/"


def test_the_language_picked_for_slash_is_remembered(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ti")
    assert response["Location"] == "/ti/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "ti"
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "target", ["https://evil.example/nl/", "//evil.example/nl/", "/xx/", "", "javascript:1"]
)
def test_the_switcher_goes_only_to_this_sites_pages(client, target):
    response = client.get("/taal/", {"naar": target})
    assert response.status_code == 400
    assert not response.cookies


def test_the_switcher_links_go_through_the_choice(client):
    content = client.get("/nl/nieuwkomers/").content.decode()
    assert 'href="/taal/?naar=/ti/nieuwkomers/"' in content or "naar=%2Fti%2Fnieuwkomers%2F" in content


@pytest.mark.parametrize(("code", "direction"), [("ti", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("uk", "ltr")])
def test_pages_carry_lang_and_dir_and_chrome_in_their_language(client, code, direction):
    content = client.get(f"/{code}{NEWCOMER}").content.decode()
    assert f'<html lang="{code}" dir="{direction}">' in content
    with translation.override(code):
        for chrome in ["Skip to content", "How to join", "Who to ask", "Contact"]:
            translated = translation.gettext(chrome)
            assert translated != chrome
            assert translated in content, (code, chrome)
    for english in ["Skip to content", "How to join", "Made possible by"]:
        assert english not in content


def test_public_interface_strings_are_translated_in_every_language():
    for code in ["nl", "ar", "fa", "ti", "so", "tr", "uk"]:
        catalog = polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
        # Visitors' templates; the admin's own (templates/*/admin/) are for editors, in Dutch or English.
        public = [
            e
            for e in catalog
            if any(path.startswith("templates/") and "/admin/" not in path for path, _line in e.occurrences)
        ]
        assert public
        untranslated = [
            e.msgid for e in public if not (e.msgstr or (e.msgstr_plural and all(e.msgstr_plural.values())))
        ]
        assert not untranslated, (code, untranslated)
        assert (ROOT / "locale" / code / "LC_MESSAGES" / "django.mo").exists()


def test_unreviewed_catalogues_say_so_in_their_header():
    for code in ["ar", "fa", "ti", "so", "tr", "uk"]:
        catalog = polib.pofile(str(ROOT / "locale" / code / "LC_MESSAGES" / "django.po"))
        assert "NOT REVIEWED by a native speaker" in catalog.header
    # The README's review section names each unreviewed catalogue.
    review = (
        (ROOT / "README.md").read_text().split("**Review status of the catalogues.**")[1].split("\n\n")[0]
    )
    for code in ["ar", "fa", "ti", "so", "tr", "uk"]:
        assert f"`{code}`" in review, code


def test_dates_use_the_month_names_of_the_language():
    day = datetime.date(2016, 12, 16)
    with translation.override("ti"):
        assert date_format(day) == "16 ታሕሳስ 2016"
    with translation.override("so"):
        assert date_format(day) == "16 Diseembar 2016"
    with translation.override("nl"):
        assert "december" in date_format(day)


def test_switcher_lists_only_real_translations_each_in_its_own_language(client):
    content = client.get(f"/ti{NEWCOMER}").content.decode()
    switcher = content.split('class="language-list"')[1].split("</ul>")[0]
    assert 'lang="ar" hreflang="ar">العربيّة</a>' in switcher
    assert 'lang="ti" hreflang="ti" aria-current="true">ትግርኛ</a>' in switcher
    factor = client.get("/nl/succesfactoren/laagdrempelig/").content.decode()
    factor_switcher = factor.split('class="language-list"')[1].split("</ul>")[0]
    assert set(re.findall(r'hreflang="(\w+)"', factor_switcher)) == {"nl", "en"}


def test_an_alias_is_not_listed_as_a_translation(demo_page):
    factor = demo_page("succesfactoren/laagdrempelig")
    turkish_home = Page.objects.get(depth=2, locale__language_code="tr")
    # An alias mirrors the Dutch page in Turkish without translating it.
    factor.create_alias(parent=turkish_home, update_locale=Locale.objects.get(language_code="tr"))
    codes = {t["code"] for t in page_translations(factor)}
    assert codes == {"nl", "en"}


def test_switcher_costs_the_same_queries_for_two_languages_or_eight(client):
    def queries(path):
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            client.get(path)
        return len(captured)

    assert len(page_translations(Page.objects.get(url_path="/home/succesfactoren/laagdrempelig/"))) == 2
    two = queries("/nl/succesfactoren/laagdrempelig/")
    eight = queries(f"/nl{NEWCOMER}")
    # The newcomer page has eight languages; its own content adds a fixed few queries at most.
    assert eight - two <= 3, (two, eight)


def test_hreflang_alternates_are_reciprocal_on_every_translated_page(client):
    translated = Page.objects.live().exclude(locale__language_code="nl").filter(depth__gt=1)
    assert translated.count() > 50
    pattern = r'<link rel="alternate" hreflang="([\w-]+)" href="https?://[^/]+([^"]+)"'
    alternates_of = {}  # each page fetched once, however many pages name it

    def alternates(url):
        if url not in alternates_of:
            alternates_of[url] = dict(re.findall(pattern, client.get(url).content.decode()))
        return alternates_of[url]

    seen = 0
    for page in translated:
        found = alternates(page.url)
        assert found.get(page.locale.language_code) == page.url
        assert "x-default" in found
        for code, url in found.items():
            if code == "x-default":
                continue
            assert alternates(url).get(page.locale.language_code) == page.url, (url, page.url)
            seen += 1
    assert seen > 100


def test_sitemap_lists_every_language_with_alternates_and_x_default(client):
    index = client.get("/sitemap.xml").content.decode()
    assert "<sitemapindex" in index and "/sitemap-pages.xml" in index
    body = client.get("/sitemap-pages.xml").content.decode()
    assert "/ti/nieuwkomers/" in body
    assert 'hreflang="x-default"' in body
    assert re.search(r'hreflang="ar" href="[^"]+/ar/nieuwkomers/wat-is-vrijwilligerswerk/"', body)


def test_sitemap_files_hold_at_most_1000_addresses_and_cost_the_same(client, settings):
    from home.serving.sitemap import LocalizedSitemap
    from tests.measure import count_queries

    pages = Page.objects.live().filter(depth__gt=1).count()
    LocalizedSitemap.limit = 20
    try:
        index = client.get("/sitemap.xml").content.decode()
        files = (pages + 19) // 20
        assert index.count("<sitemap>") == files, (index.count("<sitemap>"), files)
        last = client.get(f"/sitemap-pages.xml?p={files}").content.decode()
        assert 0 < last.count("<url>") <= 20
        assert count_queries(client, "/sitemap-pages.xml?p=1") == count_queries(
            client, f"/sitemap-pages.xml?p={files}"
        )
        assert client.get(f"/sitemap-pages.xml?p={files + 1}").status_code == 404
    finally:
        LocalizedSitemap.limit = 1000
    assert LocalizedSitemap.limit <= 1000


@pytest.mark.parametrize(
    "path", ["/ti/gemeenten/nijmegen/", "/ar/succesfactoren/", "/so/handreikingen/matchen/"]
)
def test_a_page_missing_in_a_language_says_so_in_that_language_and_links_the_others(client, path):
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    code = path.split("/")[1]
    assert f'<html lang="{code}"' in content
    with translation.override(code):
        assert translation.gettext("This page is not available in your language yet") in content
    assert 'hreflang="nl"' in content.split("<main")[1]


def test_a_language_without_its_own_home_page_is_never_switched_silently(client):
    Page.objects.get(depth=2, locale__language_code="uk").delete()
    response = client.get("/uk/")
    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="uk"' in content
    assert 'href="/nl/"' in content.split("<main")[1]


@pytest.mark.parametrize("path", ["/xx/", "/ti/../../etc/passwd", "/ti/%00/", "/nl/" + "a/" * 300])
def test_odd_paths_get_a_clear_4xx(client, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500 or response.status_code == 302


def test_readers_of_an_outdated_translation_see_a_note_linking_the_dutch(client, demo_page):
    content = client.get(f"/fa{NEWCOMER}").content.decode()
    assert "translation-note" not in content
    dutch = demo_page(NEWCOMER)
    dutch.intro = "Vrijwilligerswerk doe je zonder loon."
    dutch.save_revision().publish()
    content = client.get(f"/fa{NEWCOMER}").content.decode()
    note = content.split('class="notice translation-note"')[1].split("</p>")[0]
    assert f'href="/nl{NEWCOMER}"' in note
    with translation.override("fa"):
        assert translation.gettext("Read the Dutch version") in note


def test_translation_status_shows_missing_outdated_and_current(admin_client, demo_page):
    dutch = demo_page(NEWCOMER)
    dutch.save_revision().publish()
    new = NewcomerPage(
        title="Nieuwe pagina", slug="nieuw", intro="Kort.", how_to_join="<p>Vraag.</p>", who_to_ask="COA"
    )
    demo_page("nieuwkomers").add_child(instance=new)
    new.save_revision().publish()
    from home.editorial.translation_status import translation_report

    report = {entry["code"]: entry for entry in translation_report()}
    ti = {row["source"].title: row["status"] for row in report["ti"]["pages"]}
    assert ti["Wat is vrijwilligerswerk?"] == "outdated"
    assert ti["Nieuwe pagina"] == "missing"
    assert ti["Mag ik vrijwilligerswerk doen?"] == "current"
    assert "Succesfactoren" not in ti  # professional guidance is only expected in Dutch and English
    assert {row["source"].title for row in report["en"]["pages"]} >= {"Succesfactoren", "Nieuwe pagina"}
    response = admin_client.get("/admin/translation-status/?language=ti")
    assert response.status_code == 200
    assert "Nieuwe pagina" in response.content.decode()


def test_a_live_translation_with_an_untranslated_segment_is_in_progress_not_current(demo_page):
    """Wagtail-localize publishes a translation whose missing segments keep the Dutch text:
    the page is live, and the status still says it is not done."""
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    from home.editorial.translation_status import translation_report

    def tigrinya_status(title):
        report = {entry["code"]: entry for entry in translation_report()}
        return next((r["status"], r["percent"]) for r in report["ti"]["pages"] if r["source"].title == title)

    dutch = demo_page("nieuwkomers/mag-ik-meedoen")
    assert tigrinya_status(dutch.title) == ("current", None)
    source = TranslationSource.objects.get(object_id=dutch.translation_key, locale__language_code="nl")
    segment = StringSegment.objects.filter(source=source).first()
    removed, _kinds = StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale__language_code="ti"
    ).delete()
    assert removed == 1
    tigrinya = Page.objects.get(translation_key=dutch.translation_key, locale__language_code="ti")
    assert tigrinya.live
    status, percent = tigrinya_status(dutch.title)
    assert status == "in_progress" and 0 < percent < 100, (status, percent)


def test_newcomer_page_round_trips_through_a_po_file(
    admin_client, demo_page, django_capture_on_commit_callbacks
):
    index = demo_page("nieuwkomers")
    page = NewcomerPage(
        title="Samen koken", slug="samen-koken", intro="Kook mee in de buurt.", how_to_join="<p>Vraag het bij de receptie.</p>",
        who_to_ask="Het COA.",
    )  # fmt: skip
    index.add_child(instance=page)
    page.save_revision().publish()
    somali = Locale.objects.get(language_code="so")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/localize/submit/page/{page.id}/", {"locales": [somali.id]})
    assert response.status_code == 302
    target = page.get_translation(somali)
    from wagtail_localize.models import Translation

    translation_obj = Translation.objects.get(source__object_id=page.translation_key, target_locale=somali)
    exported = admin_client.get(f"/admin/localize/translate/{translation_obj.id}/pofile/download/")
    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    somali_text = {
        "Samen koken": "Wada karin",
        "Kook mee in de buurt.": "Ku kari xaafadda.",
        "Het COA.": "COA.",
    }
    for entry in po:
        entry.msgstr = somali_text.get(entry.msgid, entry.msgstr)
    upload = _po_upload(str(po))
    response = admin_client.post(
        f"/admin/localize/translate/{translation_obj.id}/pofile/upload/", {"file": upload, "next": "/admin/"}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(f"/admin/pages/{target.id}/edit/", {"action": "publish"})
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.live and target.title == "Wada karin"
    assert "Ku kari xaafadda." in admin_client.get("/so/nieuwkomers/samen-koken/").content.decode()


def _po_upload(text: str, name: str = "vertaling.po"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode(), content_type="text/x-gettext-translation")


@pytest.mark.parametrize(
    "upload",
    [
        None,
        b"\xff\xfe not a po file \x00",
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Samen"\nmsgstr "Wada"\n',
        b"x" * (3 * 1024 * 1024),
    ],
    ids=["no-file", "garbage", "foreign-po", "oversized"],
)
def test_a_bad_po_upload_gets_a_message_and_a_400_and_changes_nothing(admin_client, upload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from wagtail_localize.models import StringTranslation, Translation

    translation_obj = Translation.objects.filter(target_locale__language_code="so").first()
    before = StringTranslation.objects.count()
    data = {"next": "/admin/"}
    if upload is not None:
        data["file"] = SimpleUploadedFile("x.po", upload)
    response = admin_client.post(f"/admin/localize/translate/{translation_obj.id}/pofile/upload/", data)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()
    assert StringTranslation.objects.count() == before
    assert (
        admin_client.get(f"/admin/localize/translate/{translation_obj.id}/pofile/upload/").status_code == 405
    )


def test_machine_translation_is_off_unless_a_key_is_configured():
    assert (
        not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")
        or not settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    )
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    code = "from django.conf import settings; print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'])"
    result = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEEPL_API_KEY": "test-key"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "DeepLTranslator" in result.stdout, result.stderr


def test_poster_is_one_server_rendered_page_with_a_qr_code_in_the_page_language(client):
    response = client.get(f"/ar{NEWCOMER}poster/")
    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in content
    assert "<svg" in content and "<path" in content
    assert f"/ar{NEWCOMER}" in content
    for code in [c for c, _ in settings.LANGUAGES]:
        assert client.get(f"/{code}{NEWCOMER}poster/").status_code == 200


def test_every_newcomer_page_exists_in_all_eight_languages():
    for page in NewcomerPage.objects.filter(locale__language_code="nl"):
        assert {t["code"] for t in page_translations(page)} == {c for c, _ in settings.LANGUAGES}, page.title
    assert NewcomerIndexPage.objects.filter(live=True).count() == 8


def test_kinds_of_volunteering_show_with_pictograms_in_the_readers_language(client):
    content = client.get("/ti/nieuwkomers/soorten-vrijwilligerswerk/").content.decode()
    kinds = content.split('class="activities activities--kinds"')[1].split("</ul>")[0]
    assert kinds.count('class="pictogram"') == 4
    assert "ተፈጥሮን ቀጠልያ ቦታታትን" in kinds  # nature and green spaces, in Tigrinya
    assert "Natuur en groen" not in kinds


def test_the_demo_leaves_no_expected_translation_missing():
    from home.editorial.translation_status import translation_report

    for entry in translation_report():
        assert entry["counts"]["missing"] == 0, (
            entry["code"],
            [r["source"].title for r in entry["pages"] if r["status"] == "missing"],
        )
    english = Page.objects.get(url_path__endswith="/gemeenten/nijmegen/", locale__language_code="en").specific
    assert english.cbs_code == "GM0268"  # synchronised, not translated


def test_home_map_links_only_municipality_pages_in_the_readers_language(client):
    english = client.get("/en/").content.decode()
    dots = english.split('class="map"')[1].split("</figure>")[0]
    assert 'href="/en/gemeenten/nijmegen/"' in dots and 'href="/nl/' not in dots
    tigrinya = client.get("/ti/").content.decode()
    assert 'class="map"' not in tigrinya  # no Tigrinya municipality pages: no map, no silent switch
    assert 'href="/nl/gemeenten/' not in tigrinya


@pytest.mark.parametrize(
    ("code", "month"),
    [("uk", "1 листопада 2026"), ("nl", "1 november 2026"), ("ti", "1 ሕዳር 2026"), ("ar", "1 نوفمبر")],
)
def test_dates_read_as_each_language_writes_them(code, month):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    with translation.override(code):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(
            Context({"day": datetime.date(2026, 11, 1)})
        )
    assert rendered.startswith(month), rendered
    assert "Листопад " not in rendered and not rendered.endswith(".")


def test_the_not_available_notice_names_no_language_inside_its_sentence(client):
    from wagtail.models import Page

    dutch_only = Page.objects.get(url_path="/home/over-aan-de-slag/")
    content = client.get(f"/uk{dutch_only.url_path.removeprefix('/home')}").content.decode()
    assert "Ви можете прочитати цю сторінку такими мовами:" in content
    assert "мовою Українська" not in content


def test_the_example_badge_is_in_the_pages_language(client):
    from wagtail.models import Page

    examples = [
        page
        for page in Page.objects.live().filter(locale__language_code="en").specific()
        if getattr(page, "is_example", False)
    ]
    assert examples
    content = client.get(examples[0].url).content.decode()
    assert 'class="badge badge--example">example<' in content
    assert ">voorbeeld<" not in content
