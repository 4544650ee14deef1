"""Two editors on one page: the save made from the older form is refused, nothing is lost."""

import re

from django.test import Client
from django.urls import reverse

from wagtail.models import Page

import pytest

from programme.models import MunicipalityPage

from .test_access import municipality_form

pytestmark = pytest.mark.django_db


def editor(django_user_model, username, first_name):
    user = django_user_model.objects.create_superuser(username, f"{username}@example.org", "x" * 16)
    user.first_name = first_name
    user.save()
    client = Client()
    client.force_login(user)
    return client


def loaded_revision(client, edit_url) -> str:
    html = client.get(edit_url).content.decode()
    return re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1)


def test_the_older_forms_save_is_refused_naming_the_other_editor_and_the_change(django_user_model):
    anna = editor(django_user_model, "anna", "Anna")
    bram = editor(django_user_model, "bram", "Bram")
    index = Page.objects.get(url_path="/home/gemeenten/")
    add = reverse("wagtailadmin_pages:add", args=["programme", "municipalitypage", index.pk])
    assert anna.post(add, municipality_form("Haarlem", "GM0392")).status_code == 302
    page = MunicipalityPage.objects.get(cbs_code="GM0392", locale__language_code="nl")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = {
        key: value for key, value in municipality_form("Haarlem", "GM0392").items() if key != "action-publish"
    }

    # Both open the page; Anna saves her summary first.
    seen_by_anna, seen_by_bram = loaded_revision(anna, edit), loaded_revision(bram, edit)
    saved = anna.post(edit, {**draft, "summary": "Samenvatting van Anna", "loaded_revision_id": seen_by_anna})
    assert saved.status_code == 302

    # Bram saves from the form he loaded before: refused, with who, what and his own text kept.
    refused = bram.post(edit, {**draft, "title": "Haarlem (Bram)", "loaded_revision_id": seen_by_bram})
    assert refused.status_code == 200
    html = refused.content.decode()
    assert "Anna" in html and "Samenvatting" in html, html[:3000]
    assert 'value="Haarlem (Bram)"' in html
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().summary == "Samenvatting van Anna"  # Anna's change stands

    # The form Bram got back carries Anna's revision: saving again is his confirmation.
    again = re.search(r'name="loaded_revision_id" value="(\d+)"', html).group(1)
    assert again != seen_by_bram
    confirmed = bram.post(edit, {**draft, "title": "Haarlem (Bram)", "loaded_revision_id": again})
    assert confirmed.status_code == 302
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Haarlem (Bram)"


def test_an_editor_saving_twice_from_their_own_form_is_not_refused(django_user_model):
    anna = editor(django_user_model, "anna", "Anna")
    index = Page.objects.get(url_path="/home/gemeenten/")
    add = reverse("wagtailadmin_pages:add", args=["programme", "municipalitypage", index.pk])
    assert anna.post(add, municipality_form("Haarlem", "GM0392")).status_code == 302
    page = MunicipalityPage.objects.get(cbs_code="GM0392", locale__language_code="nl")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    draft = {
        key: value for key, value in municipality_form("Haarlem", "GM0392").items() if key != "action-publish"
    }
    first = anna.post(edit, {**draft, "summary": "Een", "loaded_revision_id": loaded_revision(anna, edit)})
    assert first.status_code == 302
    second = anna.post(edit, {**draft, "summary": "Twee", "loaded_revision_id": loaded_revision(anna, edit)})
    assert second.status_code == 302
