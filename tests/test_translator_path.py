"""A translator's whole path: translation editor, submit for review, approval, live page.

And what a translator may not do: delete, move, stop the synchronisation, convert to an
alias (each changes the tree for every language).
"""

from urllib.parse import urlencode

from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation

import pytest

from programme.roles import MODERATORS, translator_group_name

from .conftest import member

pytestmark = pytest.mark.django_db
SOURCE = "/home/nieuwkomers/wat-is-vrijwilligerswerk/"


@pytest.fixture
def tigrinya():
    dutch = Page.objects.get(url_path=SOURCE)
    page = dutch.get_translation(Locale.objects.get(language_code="ti")).specific
    translation = Translation.objects.get(source__object_id=dutch.translation_key, target_locale=page.locale)
    return page, translation


@pytest.fixture
def translator(client, roles, django_user_model):
    client.force_login(member(django_user_model, translator_group_name("ti"), "vertaler-ti"))
    return client


def test_a_tigrinya_translation_goes_live_through_review(translator, tigrinya, roles, django_user_model):
    page, translation = tigrinya
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    submit = reverse("submit_translation_for_review", args=[translation.pk])
    assert editor.status_code == 200 and submit in editor.content.decode()

    # The translation editor saves a string as it is typed (wagtail-localize's own API).
    segment = StringSegment.objects.get(
        context__object_id=translation.source.object_id, context__path="title"
    )
    new_title = "እንታይ እዩ ወለንታዊ ስራሕ፧ (ሓድሽ)"
    saved = translator.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        data=urlencode({"value": new_title}),
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code in (200, 201), saved.content[:500]

    # Submitted: a draft waiting for a moderator; the live page is unchanged.
    assert translator.post(submit).status_code == 302
    page.refresh_from_db()
    assert page.workflow_in_progress
    assert page.get_latest_revision_as_object().title == new_title
    assert new_title not in Client().get(page.url).content.decode()

    # The moderator approves it: live at /ti/...
    moderator = Client()
    moderator.force_login(member(django_user_model, MODERATORS, "moderator"))
    task_state = page.current_workflow_task_state
    approved = moderator.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    assert approved.status_code in (200, 302), approved.content[:500]
    page.refresh_from_db()
    assert page.live and not page.workflow_in_progress and page.title == new_title
    live = Client().get(page.url)
    assert live.status_code == 200 and new_title in live.content.decode() and page.url.startswith("/ti/")


def test_a_translator_may_not_delete_move_unsync_or_alias(translator, tigrinya):
    page, translation = tigrinya
    delete = reverse("wagtailadmin_pages:delete", args=[page.pk])
    move = reverse("wagtailadmin_pages:move", args=[page.pk])
    for url in (delete, move):
        assert translator.post(url).status_code in (302, 403)
    stop = translator.post(f"/admin/localize/translate/{translation.pk}/disable/")
    alias = translator.post(f"/admin/localize/page/{page.pk}/convert_to_alias/")
    assert stop.status_code in (302, 403) and alias.status_code in (302, 403)
    for response in (stop, alias):
        assert response.status_code == 403 or response["Location"] == "/admin/"
    page.refresh_from_db()
    assert Page.objects.filter(pk=page.pk).exists() and page.alias_of_id is None
    assert Translation.objects.get(pk=translation.pk).enabled


def test_the_translator_sees_their_languages_pages_with_their_true_state(
    translator, tigrinya, django_user_model
):
    from wagtail_localize.models import StringTranslation

    from home.editorial.translation_status import IN_PROGRESS, translation_report

    page, translation = tigrinya
    user = django_user_model.objects.get(username="vertaler-ti")
    # One string of the page untranslated again: the translation is in progress.
    segment = StringSegment.objects.filter(context__object_id=translation.source.object_id).first()
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=page.locale, context_id=segment.context_id
    ).delete()
    report = translation_report(user)
    assert [entry["code"] for entry in report] == ["ti"]
    tigrinya_pages = report[0]["pages"]
    assert tigrinya_pages and report[0]["counts"]["current"] > 0
    mine = next(p for p in tigrinya_pages if p["source"].translation_key == page.translation_key)
    assert mine["status"] == IN_PROGRESS and mine["percent"] < 100
    html = translator.get("/admin/translation-status/?language=ti").content.decode()
    assert mine["source"].title in html  # the listing shows the translator their pages
