"""The prepared demo database: copied into a new file with its media, never over one."""

import sqlite3

from django.db import connection

import pytest

from toolkit.demo import prepared


@pytest.mark.skipif(connection.vendor != "sqlite", reason="make run's copy is SQLite's")
def test_a_new_database_is_a_copy_of_the_demo_and_an_existing_one_is_left_alone(tmp_path):
    target, media = tmp_path / "db.sqlite3", tmp_path / "media"
    assert prepared.install_sqlite_database(target, media)
    copy = sqlite3.connect(target)
    try:
        (pages,) = copy.execute("SELECT count(*) FROM wagtailcore_page WHERE live").fetchone()
        copy.execute("UPDATE wagtailcore_page SET title = 'bewerkt' WHERE depth = 2")
        copy.commit()
    finally:
        copy.close()
    assert pages > 100
    assert list(media.glob("documents/checklist-*"))
    # A second run keeps the editor's change.
    assert not prepared.install_sqlite_database(target, media)
    copy = sqlite3.connect(target)
    try:
        assert copy.execute("SELECT count(*) FROM wagtailcore_page WHERE title = 'bewerkt'").fetchone()[0] > 0
    finally:
        copy.close()


def test_the_fingerprint_follows_the_demo_data(settings, tmp_path):
    before = prepared.fingerprint()
    (tmp_path / "demo").mkdir()
    settings.BASE_DIR = tmp_path
    empty = prepared.fingerprint()
    assert empty != before
    (tmp_path / "demo" / "pages.yaml").write_text("slug: home\n")
    changed = prepared.fingerprint()
    assert changed != empty
    (tmp_path / "demo" / "pages.yaml").write_text("slug: thuis\n")
    assert prepared.fingerprint() != changed
