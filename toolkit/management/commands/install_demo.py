"""Set up the local database with the demo content, as fast as the database allows.

A new SQLite database is a copy of the prepared demo (`toolkit.demo.prepared`), built once
per fingerprint of the code and data. An existing database, or PostgreSQL, is migrated and
loaded in place, which never overwrites an editor's changes.
"""

import io
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

from toolkit.demo import prepared


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
        call_command("migrate", "--no-input", verbosity=0)
        call_command("load_demo", stdout=self.stdout if options["verbosity"] else io.StringIO())
        call_command("setup_roles", verbosity=0, stdout=io.StringIO())
