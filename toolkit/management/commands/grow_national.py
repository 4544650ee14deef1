"""`manage.py grow_national`: national-scale content on top of the demo (toolkit.national)."""

import time

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Page

from toolkit.national import SIZES, NationalContent


class Command(BaseCommand):
    help = "Add 342 municipalities, 2,000 case studies, 300 guides and 1,000 stories (half also in English)."

    def add_arguments(self, parser):
        for name, size in SIZES.items():
            parser.add_argument(f"--{name.replace('_', '-')}", type=int, default=size, dest=name)

    def handle(self, *args, **options):
        if not Page.objects.filter(depth=3, slug="gemeenten").exists():
            raise CommandError("Load the demo content first: manage.py load_demo")
        if Page.objects.filter(slug="gemeente-000").exists():
            raise CommandError("The national content is already there.")
        started = time.monotonic()
        result = NationalContent({name: options[name] for name in SIZES}).run(out=self.stderr._out)
        self.stdout.write(f"Added {result['pages']} pages in {time.monotonic() - started:.0f} s.")
