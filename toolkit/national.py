"""Content at national scale on top of the demo, to measure the site as it will be used.

342 municipalities in the twelve provinces with three years of figures, 2,000 case
studies, 300 guides and 1,000 stories, English versions of every second one; the newcomer
section exists in all eight languages already (the demo). Every page is marked as an
example. Names and numbers are made up and repeatable (a fixed random seed).

Pages are added live without revisions (what a site that grew over years serves, made in
a few minutes), and indexed for search in bulk at the end.
"""

import datetime
import random
import sys
from decimal import Decimal

from django.conf import settings
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backends
from wagtail.search.models import IndexEntry

from home.caching.state import new_version
from programme.models import (
    ActivityType,
    CaseStudyPage,
    MunicipalityPage,
    Province,
    StoryPage,
    SuccessFactorPage,
    YearlyFigure,
)

from .models import GuidePage

SIZES = {"municipalities": 342, "case_studies": 2000, "guides": 300, "stories": 1000}
SYLLABLES = ["berg", "dam", "veen", "hoven", "wijk", "dijk", "broek", "horst", "lo", "zand", "meer", "rade"]
PREFIXES = [
    "Oost",
    "West",
    "Noord",
    "Zuid",
    "Nieuw",
    "Oud",
    "Groot",
    "Klein",
    "Hoog",
    "Laag",
    "Sint ",
    "Ter ",
]
RICH = "<p>{}</p>"


class Progress:
    """A one-line progress bar on stderr: what a few minutes of work is doing."""

    def __init__(self, total: int, out=sys.stderr):
        self.total, self.done, self.out = total, 0, out

    def step(self, label: str, n: int = 1) -> None:
        self.done += n
        if self.done % 50 and self.done != self.total:
            return
        filled = int(30 * self.done / self.total)
        self.out.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {self.done}/{self.total} {label:<16}")
        if self.done >= self.total:
            self.out.write("\n")
        self.out.flush()


def municipality_names(count: int) -> list[str]:
    names = [f"{prefix}{syllable}" for syllable in SYLLABLES for prefix in PREFIXES]
    names = [name[0].upper() + name[1:] for name in names]
    return [
        f"{names[i % len(names)]}{'' if i < len(names) else f' {i // len(names) + 1}'}" for i in range(count)
    ]


class NationalContent:
    def __init__(self, sizes: dict[str, int] | None = None, seed: int = 342):
        self.sizes = {**SIZES, **(sizes or {})}
        self.random = random.Random(seed)  # noqa: S311 - made-up content, not secrets
        self.nl = Locale.objects.get(language_code="nl")
        self.en = Locale.objects.get(language_code="en")
        self.today = datetime.date.today()
        self.now = timezone.now()

    def index(self, locale, model_slug: str) -> Page:
        return Page.objects.get(locale=locale, depth=3, slug=model_slug)

    def run(self, out=sys.stderr) -> dict[str, int]:
        sizes = self.sizes
        total = sum(sizes.values()) + sum(n // 2 for n in sizes.values())
        progress = Progress(total, out)
        created: list[Page] = []
        # Indexed in bulk below, not one page at a time as each is saved.
        backends = {
            name: {**params, "AUTO_UPDATE": False} for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
        }
        with override_settings(WAGTAILSEARCH_BACKENDS=backends), transaction.atomic():
            factors = {
                locale: list(SuccessFactorPage.objects.filter(locale=locale)) for locale in (self.nl, self.en)
            }
            activities = {
                locale: list(ActivityType.objects.filter(locale=locale)) for locale in (self.nl, self.en)
            }
            provinces = list(Province.objects.order_by("code"))
            municipalities = self._municipalities(provinces, factors, activities, progress, created)
            self._case_studies(municipalities, factors, activities, progress, created)
            self._guides(factors, progress, created)
            self._stories(progress, created)
        self._index(created)
        self._analyze(created)
        new_version()
        return {"pages": len(created)}

    # Each kind: the Dutch page, and for every second one an English page with the same
    # translation key under the English parent.

    def _add(self, parent: Page, page: Page, created: list, **relations) -> Page:
        # Many-to-many values of an unsaved page are kept by modelcluster and saved with it.
        for name, targets in relations.items():
            getattr(page, name).set(targets)
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = self.now
        page.is_example = True
        parent.add_child(instance=page)
        created.append(page)
        return page

    def _translation(self, parent: Page, source: Page, page: Page, created: list, **relations) -> Page:
        page.translation_key = source.translation_key
        page.locale = self.en
        return self._add(parent, page, created, **relations)

    def _municipalities(self, provinces, factors, activities, progress, created):
        parents = {locale: self.index(locale, "gemeenten") for locale in (self.nl, self.en)}
        result = []
        statuses = list(MunicipalityPage.Status.values)
        for n, name in enumerate(municipality_names(self.sizes["municipalities"])):
            fields = {
                "cbs_code": f"GM{7000 + n:04d}",
                "province": provinces[n % len(provinces)],
                "status": statuses[n % len(statuses)],
                "participating_since": 2017 + n % 8,
                "latitude": Decimal(f"{50.8 + self.random.random() * 2.6:.5f}"),
                "longitude": Decimal(f"{3.4 + self.random.random() * 3.6:.5f}"),
            }
            picked = self.random.sample(range(len(factors[self.nl])), 2)
            done = self.random.sample(range(len(activities[self.nl])), min(2, len(activities[self.nl])))
            dutch = self._add(
                parents[self.nl],
                MunicipalityPage(
                    title=name,
                    slug=f"gemeente-{n:03d}",
                    summary=f"{name} doet mee met Aan de Slag.",
                    **fields,
                ),
                created,
                **self._relations(self.nl, factors, activities, picked, done),
            )
            YearlyFigure.objects.bulk_create(
                YearlyFigure(page=dutch, year=year, participants=self.random.randint(5, 120),
                             volunteer_organisations=self.random.randint(1, 30))
                for year in (2022, 2023, 2024)
            )  # fmt: skip
            progress.step("municipalities")
            english = None
            if n % 2 == 0:
                english = self._translation(
                    parents[self.en],
                    dutch,
                    MunicipalityPage(
                        title=name, slug=dutch.slug, summary=f"{name} takes part in Aan de Slag.", **fields
                    ),
                    created,
                    **self._relations(self.en, factors, activities, picked, done),
                )
                progress.step("municipalities")
            result.append((dutch, english))
        return result

    @staticmethod
    def _relations(locale, factors, activities, picked, done) -> dict:
        return {
            "success_factors_applied": [factors[locale][i] for i in picked if i < len(factors[locale])],
            "activities": [activities[locale][i] for i in done if i < len(activities[locale])],
        }

    def _case_studies(self, municipalities, factors, activities, progress, created):
        for n in range(self.sizes["case_studies"]):
            dutch_parent, english_parent = municipalities[n % len(municipalities)]
            fields = {
                "date": self.today - datetime.timedelta(days=self.random.randint(30, 2500)),
                "activity_type": None,
            }
            title = f"Praktijkvoorbeeld {n + 1}: vrijwilligers bij {dutch_parent.title}"
            picked = self.random.sample(range(len(factors[self.nl])), 2)
            dutch = self._add(
                dutch_parent,
                self._case_study(title, f"praktijkvoorbeeld-{n:04d}", "nl", fields),
                created,
                success_factors=[factors[self.nl][i] for i in picked],
            )
            progress.step("case studies")
            if n % 2 == 0 and english_parent is not None:
                title = f"Case study {n + 1}: volunteers in {dutch_parent.title}"
                self._translation(
                    english_parent,
                    dutch,
                    self._case_study(title, dutch.slug, "en", fields),
                    created,
                    success_factors=[factors[self.en][i] for i in picked if i < len(factors[self.en])],
                )
            if n % 2 == 0:
                progress.step("case studies")

    @staticmethod
    def _case_study(title, slug, language, fields) -> CaseStudyPage:
        text = {
            "nl": (
                "Bewoners van het azc zochten zinvol werk.",
                "Het team koppelde hen aan clubs.",
                "Twintig matches.",
            ),
            "en": (
                "Residents of the AZC looked for useful work.",
                "The team matched them with clubs.",
                "Twenty matches.",
            ),
        }[language]
        return CaseStudyPage(
            title=title, slug=slug, summary=text[0], situation=RICH.format(text[0]),
            approach=RICH.format(text[1]), result=RICH.format(text[2]), **fields,
        )  # fmt: skip

    def _guides(self, factors, progress, created):
        parents = {locale: self.index(locale, "handreikingen") for locale in (self.nl, self.en)}
        phases = list(GuidePage.Phase.values)
        audiences = list(GuidePage.Audience.values)
        for n in range(self.sizes["guides"]):
            fields = {"phase": phases[n % len(phases)], "audience": audiences[n % len(audiences)]}
            picked = self.random.sample(range(len(factors[self.nl])), 2)
            dutch = self._add(
                parents[self.nl],
                self._guide(f"Handreiking {n + 1}", f"handreiking-{n:03d}", "nl", fields),
                created,
                success_factors=[factors[self.nl][i] for i in picked],
            )
            progress.step("guides")
            if n % 2 == 0:
                self._translation(
                    parents[self.en],
                    dutch,
                    self._guide(f"Guide {n + 1}", dutch.slug, "en", fields),
                    created,
                    success_factors=[factors[self.en][i] for i in picked if i < len(factors[self.en])],
                )
                progress.step("guides")

    @staticmethod
    def _guide(title, slug, language, fields) -> GuidePage:
        summary = {"nl": "Stap voor stap naar een goede match.", "en": "Step by step to a good match."}[
            language
        ]
        body = [{"type": "paragraph", "value": RICH.format(summary)}]
        return GuidePage(title=title, slug=slug, summary=summary, body=body, **fields)

    def _stories(self, progress, created):
        parents = {locale: self.index(locale, "verhalen") for locale in (self.nl, self.en)}
        for n in range(self.sizes["stories"]):
            date = self.today - datetime.timedelta(days=n * 2 + 1)
            dutch = self._add(
                parents[self.nl], self._story(f"Verhaal {n + 1}", f"verhaal-{n:04d}", "nl", date), created
            )
            progress.step("stories")
            if n % 2 == 0:
                self._translation(
                    parents[self.en], dutch, self._story(f"Story {n + 1}", dutch.slug, "en", date), created
                )
                progress.step("stories")

    @staticmethod
    def _story(title, slug, language, date) -> StoryPage:
        intro = {"nl": "Een vrijwilliger vertelt.", "en": "A volunteer tells their story."}[language]
        body = [{"type": "paragraph", "value": RICH.format(intro)}]
        return StoryPage(title=title, slug=slug, date=date, intro=intro, body=body)

    @staticmethod
    def _analyze(pages: list[Page]) -> None:
        """Fresh planner statistics for the tables the growth filled, as after any bulk load.

        Without them PostgreSQL plans for the demo's few rows and picks nested loops over
        thousands. Only these tables: a bare ANALYZE also samples the cluster's shared
        catalogues, whose lock waits for every other database's open transaction.
        """
        models = {YearlyFigure} | {type(page) for page in pages}
        tables = set()
        for model in models:
            for concrete in [model, *model._meta.get_parent_list()]:
                tables.add(concrete._meta.db_table)
                tables.update(
                    field.remote_field.through._meta.db_table for field in concrete._meta.local_many_to_many
                )
        tables.add(IndexEntry._meta.db_table)
        if connection.vendor == "sqlite":
            return  # SQLite plans from its own sampled statistics when asked; nothing to keep fresh
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in sorted(tables)))

    @staticmethod
    def _index(pages: list[Page]) -> None:
        by_model: dict[type, list[Page]] = {}
        for page in pages:
            by_model.setdefault(type(page), []).append(page)
        for backend in get_search_backends():
            for model, objects in by_model.items():
                index = backend.get_index_for_model(model)
                for start in range(0, len(objects), 500):
                    index.add_items(model, objects[start : start + 500])
