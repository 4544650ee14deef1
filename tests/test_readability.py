"""The readability hint for Dutch and English pages: flags long-winded text, passes B1,
and warns on save without ever blocking it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.readability.measure import assess, page_text
from home.readability.models import PageReadability

pytestmark = pytest.mark.django_db

LONG_WINDED = (
    "Het is van groot belang dat de gemeentelijke organisatie, in nauwe samenwerking met de "
    "maatschappelijke partners en de vrijwilligersorganisaties in de regio, zorgdraagt voor een "
    "laagdrempelige en cultuursensitieve benadering van statushouders, teneinde de maatschappelijke "
    "participatie en zelfredzaamheid van deze doelgroep structureel te bevorderen. Hierbij dient "
    "nadrukkelijk rekening te worden gehouden met de uiteenlopende achtergronden, verwachtingen en "
    "mogelijkheden van de betrokken bewoners van het asielzoekerscentrum."
)
B1 = (
    "Vrijwilligerswerk is werk dat je doet zonder loon. Je helpt anderen. Je leert nieuwe mensen "
    "kennen. Je oefent ook je Nederlands. Vraag bij de receptie van het azc wat je kunt doen. "
    "Daar helpen ze je op weg."
)


def test_a_long_winded_dutch_paragraph_is_flagged_and_a_b1_one_passes():
    hard = assess(f"<p>{LONG_WINDED}</p>")
    assert hard.too_hard
    assert hard.average_words > 15 and hard.long_word_share > 0.1
    assert hard.hardest[0].startswith("Het is van groot belang")
    easy = assess(f"<p>{B1}</p>")
    assert not easy.too_hard and easy.hardest == []
    assert easy.average_words < 10


def test_the_text_of_a_page_includes_its_rich_text_and_streamfields(demo_page):
    page = demo_page("handreikingen/matchen").specific
    text = page_text(page)
    assert page.summary in text
    assert len(text) > 200  # the steps' text, from the StreamField


def test_saving_a_hard_dutch_page_warns_but_saves(admin_client, demo_page):
    page = demo_page("over-aan-de-slag").specific
    parent = page.get_parent()
    data = nested_form_data(
        {
            "title": "Moeilijk",
            "slug": "moeilijk",
            "intro": rich_text(f"<p>{LONG_WINDED}</p>"),
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = admin_client.post(f"/admin/pages/add/home/contentpage/{parent.pk}/", data, follow=True)
    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert any("Het is van groot belang" in message for message in shown), shown
    assert parent.get_children().filter(slug="moeilijk").exists()  # saved all the same
    assert PageReadability.objects.get(page__slug="moeilijk").result().too_hard


def content_form(text: str) -> dict:
    return nested_form_data(
        {
            "title": "Concept",
            "slug": "concept",
            "intro": text,
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )


def test_the_editor_measures_the_unsaved_text_as_it_is_typed(admin_client, demo_page):
    page = demo_page("privacy").specific
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    url = f"/admin/readability/{page.pk}/"
    assert f'data-readability-url="{url}"' in edit and "js/readability.js" in edit
    hard = admin_client.post(url, content_form(LONG_WINDED)).json()
    assert hard["too_hard"] and hard["hardest"][0].startswith("Het is van groot belang")
    assert "Het is van groot belang" in hard["html"]
    easy = admin_client.post(url, content_form(B1)).json()
    assert not easy["too_hard"] and easy["average_words"] < 10
    # Nothing was saved: the page keeps its own text.
    page.refresh_from_db()
    assert LONG_WINDED not in page.intro and page.get_latest_revision().content["intro"] != content_form(B1)
    # A page being created is measured too, under its future parent.
    parent = page.get_parent()
    new = admin_client.get(f"/admin/pages/add/home/contentpage/{parent.pk}/").content.decode()
    new_url = f"/admin/readability/new/home/contentpage/{parent.pk}/"
    assert f'data-readability-url="{new_url}"' in new
    assert admin_client.post(new_url, content_form(LONG_WINDED)).json()["too_hard"]


def test_only_editors_of_the_page_and_only_dutch_or_english_pages_are_measured(
    client, demo_page, django_user_model
):
    from wagtail.models import Page

    page = demo_page("privacy").specific
    assert client.post(f"/admin/readability/{page.pk}/", content_form(B1)).status_code == 302  # to sign in
    tigrinya = Page.objects.get(translation_key=page.translation_key, locale__language_code="ti")
    user = django_user_model.objects.create_superuser("root2", "root2@example.org", "correct-horse-12")
    client.force_login(user)
    assert client.post(f"/admin/readability/{tigrinya.pk}/", content_form(B1)).status_code == 404
    assert client.get(f"/admin/readability/{page.pk}/").status_code == 405
    assert client.post("/admin/readability/new/home/nosuchmodel/3/", {}).status_code == 404
    assert client.post("/admin/readability/new/auth/user/3/", {}).status_code == 404
    # A form posted without its StreamField's counts, or with nonsense, is refused, not a 500.
    assert (
        client.post(f"/admin/readability/{page.pk}/", {"title": "x", "body-count": "x\x00"}).status_code
        == 400
    )


def test_the_page_listing_shows_readability_and_what_is_scheduled(admin_client, demo_page):
    import datetime

    from django.utils import timezone

    page = demo_page("privacy").specific
    page.intro = LONG_WINDED
    page.save_revision().publish()  # measured on publish, as the demo loader's pages are
    assert PageReadability.objects.get(page=page).result().too_hard
    story = demo_page("verhalen").get_children().first().specific
    when = timezone.now() + datetime.timedelta(days=3)
    story.go_live_at, story.expire_at = when, when + datetime.timedelta(days=30)
    story.save_revision().publish()  # with a go-live in the future: scheduled, not published yet
    listing = admin_client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert "Leesbaarheid" in listing and "Moeilijker dan B1" in listing
    stories = admin_client.get(f"/admin/pages/{story.get_parent().pk}/").content.decode()
    assert "Gepland" in stories
    assert f'datetime="{timezone.localtime(when).isoformat()}"' in stories
    # The expiry the scheduled version brings, though the live version has none.
    expire = timezone.localtime(when + datetime.timedelta(days=30))
    assert f'datetime="{expire:%Y-%m-%dT%H:%M}' in stories  # stored to the millisecond


def test_a_municipal_editor_cannot_measure_another_municipalitys_page(
    client, roles, demo_page, django_user_model
):
    """The endpoint checks the page's own permissions: Utrecht's editor may measure a draft
    of Utrecht's page, not of Nijmegen's, nor add a page under it."""
    from tests.conftest import member

    client.force_login(member(django_user_model, "Gemeente Utrecht", "utrecht-redacteur"))
    utrecht, nijmegen = demo_page("gemeenten/utrecht"), demo_page("gemeenten/nijmegen")
    data = {"title": "Concept", "slug": "concept", "comments-TOTAL_FORMS": "0"}
    assert client.post(f"/admin/readability/{nijmegen.pk}/", data).status_code == 403
    assert (
        client.post(f"/admin/readability/new/programme/casestudypage/{nijmegen.pk}/", data).status_code == 403
    )
    assert client.post(f"/admin/readability/{utrecht.pk}/", data).status_code in (200, 400)


def test_the_panel_while_typing_and_the_warning_after_saving_give_the_same_figures(admin_client, demo_page):
    """One measure: the draft endpoint (the panel as the editor types) and the figures kept
    when the page is saved agree on the same text, StreamField and rich text included."""
    parent = demo_page("over-aan-de-slag").get_parent()
    data = nested_form_data(
        {
            "title": "Gemengd",
            "slug": "gemengd",
            "intro": f"{LONG_WINDED} {B1}",
            "body": streamfield([("paragraph", rich_text(f"<p>{B1} {LONG_WINDED}</p>"))]),
            "listing_summary": B1,
            "comments": inline_formset([]),
        }
    )
    typed = admin_client.post(f"/admin/readability/new/home/contentpage/{parent.pk}/", data).json()
    admin_client.post(f"/admin/pages/add/home/contentpage/{parent.pk}/", data)
    saved = PageReadability.objects.get(page__slug="gemengd").result()
    assert typed["average_words"] == round(saved.average_words, 1)
    assert typed["long_word_share"] == round(saved.long_word_share, 3)
