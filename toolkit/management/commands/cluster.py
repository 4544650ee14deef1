"""`make cluster`: two app servers, the worker, the media bucket and Varnish on this machine.

The demo is copied from the prepared bundle (SQLite), or with DATABASE_URL set to
PostgreSQL from the prepared template database; REDIS_URL (default: the machine's Redis,
database 2) is the shared cache. Ctrl-C stops every process.
"""

import contextlib
import os
import signal
import threading

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from home.operations.cluster import Cluster, varnish_available
from toolkit.demo import prepared


class Command(BaseCommand):
    help = "Start two app servers, the background worker, the S3 emulator and Varnish in front"

    def add_arguments(self, parser):
        parser.add_argument("--app-servers", type=int, default=2)

    def handle(self, *args, **options):
        if not varnish_available():
            raise CommandError("Varnish is missing: sudo apt-get install varnish")
        if connection.vendor == "postgresql":
            template, media = prepared.postgresql_template()
            database = prepared._url_for(template)
        else:
            bundle = prepared.sqlite_bundle()
            database, media = str(bundle / "db.sqlite3"), bundle / "media"
        redis_url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/2"
        cluster = Cluster(database, media, redis_url, app_servers=options["app_servers"], log_level="WARNING")
        stopped = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stopped.set())
        with cluster:
            self.stdout.write(f"Varnish (readers):  {cluster.proxy_url}/")
            for index in range(len(cluster.app_ports)):
                self.stdout.write(f"App server {index + 1}:       {cluster.app_url(index)}/")
            self.stdout.write(
                f"S3 emulator:        {cluster.s3_endpoint}/  database: {cluster.env['DATABASE_URL']}"
            )
            self.stdout.write("Logins as `make run` prints them (the same demo). Ctrl-C stops all.")
            with contextlib.suppress(KeyboardInterrupt):
                stopped.wait()
