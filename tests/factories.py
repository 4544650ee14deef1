"""Factories for pages and snippets the tests create on top of the demo content."""

import datetime

import factory
import wagtail_factories

from programme.models import CaseStudyPage, MunicipalityPage, Province, SuccessFactorPage, YearlyFigure
from toolkit.models import GuidePage


class SuccessFactorPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Factor {n}")
    number = 7
    summary = "Een extra factor."
    explanation = "<p>Uitleg.</p>"

    class Meta:
        model = SuccessFactorPage


class MunicipalityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{9000 + n:04d}")
    province = factory.LazyFunction(lambda: Province.objects.get(code="GE"))

    class Meta:
        model = MunicipalityPage


class CaseStudyPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Praktijkvoorbeeld {n}")
    summary = "Samenvatting."
    situation = "<p>Situatie.</p>"
    approach = "<p>Aanpak.</p>"
    result = "<p>Resultaat.</p>"
    date = datetime.date(2020, 1, 1)

    class Meta:
        model = CaseStudyPage
        skip_postgeneration_save = True  # the hook below saves when it changes something

    @factory.post_generation
    def success_factors(self, create, factors, **kwargs):
        if factors:
            self.success_factors.set(factors)
            self.save()


class GuidePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handreiking {n}")
    phase = "match"
    summary = "Samenvatting."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Tekst.</p>"}])

    class Meta:
        model = GuidePage
        skip_postgeneration_save = True  # the hook below saves when it changes something

    @factory.post_generation
    def success_factors(self, create, factors, **kwargs):
        if factors:
            self.success_factors.set(factors)
            self.save()


class YearlyFigureFactory(factory.django.DjangoModelFactory):
    # Far from the demo years (2017-2019), so the unique (page, year) pair never collides.
    year = factory.Sequence(lambda n: 1900 + n)
    participants = 10
    volunteer_organisations = 3

    class Meta:
        model = YearlyFigure
