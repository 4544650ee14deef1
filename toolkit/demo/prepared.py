"""The demo database, built once and copied wherever a demo site is needed.

Migrating (about 220 migrations) and loading the demo through wagtail-localize's PO path
take most of a minute. Both give the same result for the same code and data, so the
result is kept as a *bundle*: a database and its media files, named by a fingerprint of
everything that decides what they hold (the requirements, `demo/`, and the code of the
apps, migrations included). `make run` copies the bundle into a new `db.sqlite3`; the test
suite copies it into each worker's test database (SQLite's backup API, PostgreSQL's
`CREATE DATABASE ... TEMPLATE`), and the browser tests copy it back after each test
instead of loading the demo again. A change to any of those files builds a new bundle.

The bundles live in `.local/cache/` (or `$DEMO_CACHE_DIR`). PostgreSQL's copy is a
database of the server, `aandeslag_demo_<fingerprint>`.
"""

import contextlib
import fcntl
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection

# What decides the content of the demo database: the data, the pins, and the code that
# runs while it is built (models, migrations, signal handlers, the loader). Modules that
# only run on a request never touch it, so editing them keeps the prepared database.
FINGERPRINTED = ["requirements.txt", "demo/**/*", "home/**/*.py", "programme/**/*.py", "toolkit/**/*.py"]
REQUEST_ONLY = {"views.py", "middleware.py", "urls.py", "wagtail_hooks.py", "sitemap.py", "routing.py"}
REQUEST_ONLY_PACKAGES = {"templatetags"}
TEMPLATE_PREFIX = "aandeslag_demo_"
KEEP_BUNDLES = 3


def fingerprint() -> str:
    digest = hashlib.sha256()
    base = Path(settings.BASE_DIR)
    for pattern in FINGERPRINTED:
        for path in sorted(base.glob(pattern)):
            if not path.is_file() or "__pycache__" in path.parts:
                continue
            if path.name in REQUEST_ONLY or REQUEST_ONLY_PACKAGES & set(path.parts):
                continue
            digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def cache_dir() -> Path:
    return Path(os.environ.get("DEMO_CACHE_DIR") or Path(settings.BASE_DIR) / ".local" / "cache")


def bundle_dir(vendor: str) -> Path:
    return cache_dir() / f"demo-{vendor}-{fingerprint()}"


@contextlib.contextmanager
def _locked():
    """One builder at a time (two test runs, or the test workers, may ask at once)."""
    cache_dir().mkdir(parents=True, exist_ok=True)
    with open(cache_dir() / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(database_url: str, media: Path) -> None:
    """Migrate and load the demo in a process of its own, with development settings."""
    env = {key: value for key, value in os.environ.items() if key != "REDIS_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media),
        LOG_LEVEL="ERROR",
        # Index updates and the like run at once: nothing is left queued in the bundle.
        TASKS_BACKEND="immediate",
    )
    manage = str(Path(settings.BASE_DIR) / "manage.py")
    # One process for migrate, load_demo and setup_roles: one Django start instead of three.
    command = [sys.executable, manage, "install_demo", "--in-place"]
    subprocess.run(command, env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603


def sqlite_bundle() -> Path:
    """The directory holding `db.sqlite3` and `media/`, built first if it is missing."""
    bundle = bundle_dir("sqlite")
    with _locked():
        if not (bundle / "db.sqlite3").exists():
            building = bundle.with_name(bundle.name + ".building")
            shutil.rmtree(building, ignore_errors=True)
            building.mkdir(parents=True)
            _build(f"sqlite:///{building / 'db.sqlite3'}", building / "media")
            building.rename(bundle)
            # The few latest stay: switching a branch, or undoing an edit, finds its own.
            kept = sorted(cache_dir().glob("demo-sqlite-*"), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in kept[KEEP_BUNDLES:]:
                shutil.rmtree(old, ignore_errors=True)
    return bundle


def postgresql_template() -> tuple[str, Path]:
    """The name of a template database holding the demo, and its media directory."""
    bundle = bundle_dir("postgresql")
    name = TEMPLATE_PREFIX + fingerprint()
    # A cursor on the server's maintenance database, as Django's own test-database creation uses.
    with _locked(), connection._nodb_cursor() as cursor:
        cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [TEMPLATE_PREFIX + "%"])
        existing = {row[0] for row in cursor.fetchall()}
        if name not in existing or not (bundle / "media").exists():
            building = name + "_building"
            cursor.execute(f'DROP DATABASE IF EXISTS "{building}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{building}"')
            shutil.rmtree(bundle, ignore_errors=True)
            _build(_url_for(building), bundle / "media")
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'ALTER DATABASE "{building}" RENAME TO "{name}"')
        # Older fingerprints are of no use any more.
        for old in existing - {name, name + "_building"}:
            cursor.execute(f'DROP DATABASE IF EXISTS "{old}" WITH (FORCE)')
        for old in cache_dir().glob("demo-postgresql-*"):
            if old != bundle:
                shutil.rmtree(old, ignore_errors=True)
    return name, bundle / "media"


def _url_for(database: str) -> str:
    params = connection.settings_dict
    user = params.get("USER") or ""
    password = f":{params['PASSWORD']}" if params.get("PASSWORD") else ""
    auth = f"{user}{password}@" if user else ""
    return f"postgres://{auth}{params.get('HOST') or '127.0.0.1'}:{params.get('PORT') or 5432}/{database}"


def copy_media(source: Path, target: Path) -> None:
    if source.exists():
        shutil.copytree(source, target, dirs_exist_ok=True)


def restore_sqlite(sqlite_connection, bundle: Path) -> None:
    """Replace the whole content of an open SQLite connection with the bundle's."""
    source = sqlite3.connect(bundle / "db.sqlite3")
    try:
        source.backup(sqlite_connection)
    finally:
        source.close()


def install_sqlite_database(target: Path, media: Path) -> bool:
    """Copy the demo into a new database file; False (nothing done) if it exists already."""
    if target.exists():
        return False
    bundle = sqlite_bundle()
    copy = target.with_name(target.name + ".copying")
    target_connection = sqlite3.connect(copy)
    try:
        restore_sqlite(target_connection, bundle)
    finally:
        target_connection.close()
    copy.rename(target)
    copy_media(bundle / "media", media)
    return True


# Tests ----------------------------------------------------------------------------------


def create_test_database() -> str:
    """Create this process's test database as a copy of the demo; return the old name."""
    creation = connection.creation
    old_name = connection.settings_dict["NAME"]
    if connection.vendor == "postgresql":
        template, media = postgresql_template()
        connection.settings_dict["TEST"]["TEMPLATE"] = template
    test_name = creation._get_test_db_name()
    # PostgreSQL copies a template for one CREATE DATABASE at a time: workers take turns.
    with _locked():
        creation._create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    connection.close()
    settings.DATABASES[connection.alias]["NAME"] = test_name
    connection.settings_dict["NAME"] = test_name
    if connection.vendor == "sqlite":
        bundle = sqlite_bundle()
        media = bundle / "media"
        connection.ensure_connection()
        restore_sqlite(connection.connection, bundle)
    copy_media(media, Path(settings.MEDIA_ROOT))
    connection.ensure_connection()
    return old_name


def restore_test_database() -> None:
    """Put the demo back after a test that committed (the browser tests, on SQLite)."""
    if connection.vendor != "sqlite":
        raise NotImplementedError("The demo is restored in place on SQLite only.")
    connection.ensure_connection()
    restore_sqlite(connection.connection, sqlite_bundle())
