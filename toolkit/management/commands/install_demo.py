"""Set up the local database with the demo content, as fast as the database allows.

A new SQLite database is a copy of the prepared demo (`toolkit.demo.prepared`), built once
per fingerprint of the code and data. An existing database, or PostgreSQL, is migrated and
loaded in place, which never overwrites an editor's changes.
"""

import io
import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from toolkit.demo import DemoLoader, prepared
from toolkit.demo.pdf import checklist_documents

from .load_demo import Command as LoadDemo


class Command(BaseCommand):
    help = "Create the database with the demo content (a copy of the prepared demo when new), or update it."

    def add_arguments(self, parser):
        parser.add_argument(
            "--in-place",
            action="store_true",
            help="Migrate and load here, never from the prepared demo (how the prepared demo is built).",
        )

    def handle(self, *args, **options):
        if connection.vendor == "sqlite" and not options["in_place"]:
            name = Path(connection.settings_dict["NAME"])
            connection.close()
            if prepared.install_sqlite_database(name, Path(settings.MEDIA_ROOT)):
                self.stdout.write(f"Demo database copied into {name.name}")
                return
        loader = DemoLoader()
        # The migrations keep one core busy for most of the build; WeasyPrint lays out the
        # checklist PDFs on the other meanwhile. A forked worker: it touches no database.
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            rendering = pool.submit(checklist_documents, loader.checklists())
            call_command("migrate", "--no-input", verbosity=0)
            titles = [title for title, _lines in loader.checklists()]
            rendered = dict(zip(titles, rendering.result(), strict=True))
        loader.render_checklists = lambda checklists: [rendered[title] for title, _lines in checklists]
        LoadDemo(stdout=self.stdout if options["verbosity"] else io.StringIO()).load(loader)
        call_command("setup_roles", verbosity=0, stdout=io.StringIO())
