"""The report of stale pages for editors: a year without an update, or a translation
behind its Dutch source, with the owner, the language and a link to edit."""

import datetime

from django.utils import timezone

from wagtail.models import Page

import pytest

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/stale-pages/"


def test_a_page_back_dated_thirteen_months_is_listed_and_one_edited_yesterday_is_not(admin_client, demo_page):
    old = demo_page("verhalen/koning-bezoekt-aan-de-slag")
    fresh = demo_page("verhalen/helffer-kootkar-prijs")
    now = timezone.now()
    Page.objects.filter(translation_key=old.translation_key).update(
        last_published_at=now - datetime.timedelta(days=396)
    )
    Page.objects.filter(pk=fresh.pk).update(last_published_at=now - datetime.timedelta(days=1))
    Page.objects.exclude(pk=old.pk).exclude(translation_key=old.translation_key).update(last_published_at=now)
    content = admin_client.get(REPORT).content.decode()
    assert old.title in content and f"/admin/pages/{old.pk}/edit/" in content
    assert fresh.title not in content
    assert "13" in content  # months without an update
    csv = b"".join(admin_client.get(f"{REPORT}?export=csv").streaming_content).decode()
    assert old.title in csv and fresh.title not in csv


def test_a_translation_behind_its_dutch_source_is_listed_with_how_long(admin_client, demo_page):
    now = timezone.now()
    Page.objects.update(last_published_at=now)
    dutch = demo_page("succesfactoren/laagdrempelig")
    english = Page.objects.get(translation_key=dutch.translation_key, locale__language_code="en")
    Page.objects.filter(pk=english.pk).update(last_published_at=now - datetime.timedelta(days=40))
    Page.objects.filter(pk=dutch.pk).update(last_published_at=now - datetime.timedelta(days=10))
    content = admin_client.get(f"{REPORT}?reason=translation").content.decode()
    assert english.title in content and f"/admin/pages/{english.pk}/edit/" in content
    assert "10" in content  # the Dutch version changed ten days ago
    assert f"/admin/pages/{dutch.pk}/edit/" not in content


def test_the_report_lists_only_pages_the_editor_may_change(client, django_user_model, demo_page):
    Page.objects.update(last_published_at=timezone.now() - datetime.timedelta(days=400))
    from django.contrib.auth.models import Group

    utrecht_editor = django_user_model.objects.create_user("u-editor", password="x")
    utrecht_editor.groups.add(Group.objects.get(name__icontains="Utrecht"))
    client.force_login(utrecht_editor)
    content = client.get(REPORT).content.decode()
    nijmegen = demo_page("gemeenten/nijmegen")
    utrecht = demo_page("gemeenten/utrecht")
    assert f"/admin/pages/{utrecht.pk}/edit/" in content
    assert f"/admin/pages/{nijmegen.pk}/edit/" not in content
