"""Load the demo content from `demo/`. Idempotent: `make run` calls it on every start."""

from django.core.management.base import BaseCommand, CommandError

from toolkit.demo import DemoLoader


class Command(BaseCommand):
    help = "Create the demo site from the data and PO files in demo/."

    def handle(self, *args, **options):
        self.load(DemoLoader())

    def load(self, loader: DemoLoader) -> None:
        missing = loader.load()
        untranslated = [f"  {code}: {text}" for code, strings in missing.items() for text in strings]
        if untranslated:
            # A missing string would leave Dutch text under another language's label.
            raise CommandError("The demo translations lack these strings:\n" + "\n".join(untranslated))
        self.stdout.write(f"Demo content ready: {loader.home.url_path}")
