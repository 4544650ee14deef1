"""The national-scale content that `make bench` measures."""

import io

from django.core.management import CommandError, call_command

from wagtail.models import Page

import pytest

from programme.models import CaseStudyPage, MunicipalityPage, StoryPage
from toolkit.models import GuidePage

pytestmark = pytest.mark.django_db

SMALL = {"municipalities": 4, "case_studies": 6, "guides": 3, "stories": 4}


def test_grow_national_adds_each_kind_half_in_english_with_relations(client):
    before = {
        model: model.objects.count() for model in (MunicipalityPage, CaseStudyPage, GuidePage, StoryPage)
    }
    progress = io.StringIO()
    call_command("grow_national", stdout=io.StringIO(), stderr=progress, **SMALL)
    added = {model: model.objects.count() - count for model, count in before.items()}
    assert added == {MunicipalityPage: 4 + 2, CaseStudyPage: 6 + 3, GuidePage: 3 + 2, StoryPage: 4 + 2}
    assert "[" in progress.getvalue() and "/" in progress.getvalue()  # the progress bar
    english = CaseStudyPage.objects.filter(slug="praktijkvoorbeeld-0000", locale__language_code="en").get()
    dutch = CaseStudyPage.objects.get(slug="praktijkvoorbeeld-0000", locale__language_code="nl")
    assert english.translation_key == dutch.translation_key
    assert {f.locale.language_code for f in english.success_factors.all()} == {"en"}
    assert dutch.success_factors.count() == 2
    municipality = MunicipalityPage.objects.get(slug="gemeente-000", locale__language_code="nl")
    assert municipality.yearly_figures.count() == 3 and municipality.is_example
    assert client.get(municipality.url).status_code == 200
    assert client.get(english.url).status_code == 200


def test_grow_national_refuses_to_run_twice():
    call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **SMALL)
    with pytest.raises(CommandError):
        call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **SMALL)


def test_grow_national_needs_the_demo():
    Page.objects.filter(depth=3, slug="gemeenten").delete()
    with pytest.raises(CommandError):
        call_command("grow_national", stdout=io.StringIO(), stderr=io.StringIO(), **SMALL)
