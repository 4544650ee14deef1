"""Work off the request path: guide and poster PDFs built by the background worker once per
content version, kept in the shared storage, and built by the first reader when no
worker has run (toolkit.tasks, toolkit.pdf)."""

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

from toolkit.models import GuidePage, NewcomerPage
from toolkit.pdf import stored_name

pytestmark = pytest.mark.django_db(transaction=False)
pytest.importorskip("weasyprint", reason="WeasyPrint needs the system's Pango")

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """A media folder of the test's own: kept PDFs of earlier tests are not counted."""
    settings.MEDIA_ROOT = tmp_path


def kept_files(kind, page) -> list[str]:
    folder = f"pdfs/{kind}/{page.pk}"
    return default_storage.listdir(folder)[1] if default_storage.exists(folder) else []


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def run_worker():
    """Django's db_worker, in this process: between tasks it closes connections that are not
    in autocommit, which the test's own (inside its rolled-back transaction) never is."""
    from unittest import mock

    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0.1, verbosity=0)


def test_the_worker_builds_a_published_guides_pdf_once_and_every_reader_gets_that_file(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    publish(guide, django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.filter(task_path="toolkit.tasks.build_page_pdfs").count() == 1
    assert kept_files("guide", guide) == [], "nothing is built until the worker runs"

    run_worker()
    assert len(kept_files("guide", guide)) == 1
    assert DBTaskResult.objects.get(task_path="toolkit.tasks.build_page_pdfs").status == "SUCCESSFUL"

    for _reader in range(2):
        cache.clear()
        response = client.get(f"{guide.url}pdf/")
        assert response.status_code == 200
        assert response["X-PDF"] == "kept"
        assert response.content.startswith(b"%PDF")
    assert len(kept_files("guide", guide)) == 1

    # A new publish: a new version, built anew, and the old file dropped.
    first = kept_files("guide", guide)
    publish(guide, django_capture_on_commit_callbacks)
    run_worker()
    cache.clear()
    assert len(kept_files("guide", guide)) == 1
    assert kept_files("guide", guide) != first
    assert client.get(f"{guide.url}pdf/")["X-PDF"] == "kept"


def test_without_a_worker_the_first_reader_builds_the_pdf_and_keeps_it_for_the_others(client):
    page = NewcomerPage.objects.filter(locale__language_code="nl", municipality__isnull=False).live().first()
    first = client.get(f"{page.url}poster/pdf/")
    assert first.status_code == 200
    assert first["X-PDF"] == "built"
    assert first["Content-Disposition"] == f'inline; filename="poster-{page.slug}.pdf"'
    cache.clear()  # past the page cache, which keeps the first response whole
    second = client.get(f"{page.url}poster/pdf/")
    assert second["X-PDF"] == "kept"
    assert second.content == first.content
    assert len(kept_files("poster", page)) == 1


def test_a_kept_pdfs_name_cannot_be_guessed_from_the_page_number(settings):
    page = GuidePage.objects.filter(locale__language_code="nl").first()
    name = stored_name("guide", page, "1.0")
    assert name.startswith(f"pdfs/guide/{page.pk}/")
    assert name != stored_name("guide", page, "2.0")
    settings.SECRET_KEY = "another-" + settings.SECRET_KEY
    assert name != stored_name("guide", page, "1.0")


def test_the_worker_skips_a_page_unpublished_before_it_ran(settings, django_capture_on_commit_callbacks):
    from toolkit.tasks import build_page_pdfs

    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    guide.unpublish()
    assert build_page_pdfs.call(guide.pk) == 0
    assert kept_files("guide", guide) == []
