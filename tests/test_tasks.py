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


def test_a_pdf_another_server_is_building_is_waited_for_not_built_twice(monkeypatch):
    """Two servers asked at once: the one without the lock reads the other's file."""
    from toolkit import pdf

    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    name = pdf.stored_name("guide", guide, "7.0")
    cache.add(f"pdf-building:{name}", 1, 60)  # another server holds the lock
    monkeypatch.setattr(pdf.time, "sleep", lambda seconds: pdf._keep(name, b"%PDF built elsewhere"))

    def refuse(request):
        raise AssertionError("built twice")

    assert pdf.build_pdf("guide", guide, refuse, version="7.0") == (b"%PDF built elsewhere", True)


def test_a_storage_outage_builds_the_pdf_in_the_request_and_serves_it(client, monkeypatch):
    from toolkit import pdf

    def broken(*args, **kwargs):
        raise RuntimeError("bucket unreachable")  # S3's errors are no OSError

    monkeypatch.setattr(pdf.default_storage, "open", broken)
    monkeypatch.setattr(pdf.cache, "add", broken)  # nor the shared cache for the lock
    monkeypatch.setattr(pdf.default_storage, "save", broken)
    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    response = client.get(f"{guide.url}pdf/")
    assert response.status_code == 200
    assert response["X-PDF"] == "built"
    assert response.content.startswith(b"%PDF")


def test_the_cluster_command_starts_the_nodes_and_names_their_addresses(monkeypatch):
    import io

    from django.core.management.base import CommandError

    from toolkit.management.commands import cluster as command

    monkeypatch.setattr(command, "varnish_available", lambda: False)
    with pytest.raises(CommandError, match="apt-get install varnish"):
        call_command("cluster")

    started = {}

    class Nodes:
        app_ports = [8101, 8102]
        proxy_url, s3_endpoint, env = (
            "http://127.0.0.1:8100",
            "http://127.0.0.1:8103",
            {"DATABASE_URL": "sqlite:///x"},
        )

        def __init__(self, database, media, redis_url, **kwargs):
            started.update(database=database, redis_url=redis_url, **kwargs)

        def app_url(self, index):
            return f"http://127.0.0.1:{self.app_ports[index]}"

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            started["stopped"] = True

    class Stopped:  # as if Ctrl-C came at once
        def set(self):
            started["terminated"] = True

        def wait(self):
            raise KeyboardInterrupt

    monkeypatch.setattr(command, "varnish_available", lambda: True)
    monkeypatch.setattr(command, "Cluster", Nodes)
    monkeypatch.setattr(command.threading, "Event", Stopped)
    monkeypatch.setattr(command.signal, "signal", lambda *args: None)
    out = io.StringIO()
    call_command("cluster", stdout=out)
    assert "Varnish (readers):  http://127.0.0.1:8100/" in out.getvalue()
    assert "App server 2:       http://127.0.0.1:8102/" in out.getvalue()
    from django.db import connection

    # The demo it copies: the prepared SQLite file, or on PostgreSQL the prepared template.
    if connection.vendor == "postgresql":
        assert "/aandeslag_demo_" in started["database"]
    else:
        assert started["database"].endswith("db.sqlite3")
    assert started["stopped"]
    assert started["app_servers"] == 2


def test_a_server_that_cannot_make_pdfs_says_so_with_a_503(client, monkeypatch):
    from toolkit import pdf

    def no_pango(*args, **kwargs):
        raise pdf.PDFUnavailable("Pango is missing")

    monkeypatch.setattr(pdf, "render_pdf", no_pango)
    monkeypatch.setattr("toolkit.models.render_pdf", no_pango)
    guide = GuidePage.objects.get(locale__language_code="nl", slug="matchen")
    response = client.get(f"{guide.url}pdf/")
    assert response.status_code == 503
    assert "Print in plaats daarvan deze pagina" in response.content.decode()  # in the page's language
    assert "Content-Disposition" not in response


def test_a_cluster_node_that_stops_while_starting_is_named(tmp_path):
    import sys

    from home.operations.cluster import Cluster, free_port

    nodes = Cluster("db.sqlite3", tmp_path, "redis://127.0.0.1:6379/12", place=tmp_path)
    nodes._spawn([sys.executable, "-c", "raise SystemExit(3)"], env={})
    with pytest.raises(RuntimeError, match="stopped with 3 while starting"):
        nodes._wait_for(f"http://127.0.0.1:{free_port()}/healthz", seconds=10)
    nodes.stop()
    assert nodes.processes == []


def test_search_results_kept_before_the_worker_indexed_a_publish_are_not_served_after(
    client, settings, django_capture_on_commit_callbacks
):
    from wagtail.models import Page

    settings.TASKS = DATABASE_TASKS
    story = Page.objects.get(url_path="/home/verhalen/koning-bezoekt-aan-de-slag/").specific
    story.title = "Kwispelstaartfeest op het azc"
    publish(story, django_capture_on_commit_callbacks)
    search = "/nl/zoeken/?q=kwispelstaartfeest"
    assert story.url not in client.get(search).content.decode()  # not indexed yet, and kept so
    assert client.get(search)["X-Page-Cache"] == "hit"
    run_worker()  # indexes the page, then raises the version
    assert story.url in client.get(search).content.decode()
