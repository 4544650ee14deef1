"""A deployment of several nodes agrees on what is current (home.operations.cluster).

Two separate gunicorn processes share one database (a copy of the prepared demo: SQLite
in the first CI run, PostgreSQL in the second), one Redis and the media bucket, behind
Varnish, with the background worker beside them, as `make cluster` starts them. Changes
are made by another process, the way an editor's request on either node makes them;
both servers and the proxy cache must answer the new state to an anonymous reader within
a second, also when the changing process could not reach Redis at all (a socket that
accepts and never answers, as a paused Redis does).
"""

import contextlib
import json
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.db import connection

import pytest

from home.operations.cluster import BUCKET, Cluster, get, varnish_available
from toolkit.demo import prepared

ROOT = Path(__file__).resolve().parent.parent
REDIS = ("127.0.0.1", 6379)


def _redis_answers() -> bool:
    try:
        with socket.create_connection(REDIS, timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


pytestmark = [
    # One cluster per run: every test of this module on the same test worker (make test
    # distributes with --dist loadgroup).
    pytest.mark.xdist_group("cluster"),
    pytest.mark.skipif(not _redis_answers(), reason="needs the machine's Redis on 127.0.0.1:6379"),
    pytest.mark.skipif(
        not varnish_available(), reason="needs Varnish (Debian's varnish; .ci/run installs it)"
    ),
]


# Session scope: the test worker may run other modules' tests between these (xdist's
# loadgroup keeps the group on one worker, not in one run of the module), and a module
# fixture would start the cluster again after each such break.
@pytest.fixture(scope="session")
def cluster(tmp_path_factory, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor == "postgresql":
            template, media = prepared.postgresql_template()
            database = prepared._url_for(template)
        else:
            bundle = prepared.sqlite_bundle()
            database, media = str(bundle / "db.sqlite3"), bundle / "media"
    subprocess.run([sys.executable, "-c", "import redis; redis.Redis(db=12).flushdb()"], check=True)
    nodes = Cluster(
        database, media, f"redis://{REDIS[0]}:{REDIS[1]}/12", place=tmp_path_factory.mktemp("cluster")
    )
    with nodes:
        yield nodes


def readers(cluster) -> list[str]:
    """Where an anonymous reader may land: either app server, or the proxy cache in front."""
    return [cluster.app_url(0), cluster.app_url(1), cluster.proxy_url]


EDITOR = """
import contextlib, io, json, sys, traceback
import django
django.setup()
from wagtail.models import Page
for line in sys.stdin:
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            exec(json.loads(line), {"Page": Page})
        reply = {"ok": True, "out": out.getvalue()}
    except Exception:
        reply = {"ok": False, "out": traceback.format_exc()}
    print(json.dumps(reply), flush=True)
"""


class Editor:
    """Changes made as an editor's request on any node makes them: another process on the
    same database, started once (a Django start per change would cost seconds each)."""

    def __init__(self, env: dict):
        self.process = subprocess.Popen(  # noqa: S603 - our own command
            [sys.executable, "-c", EDITOR],
            cwd=ROOT,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )

    def run(self, code: str) -> str:
        self.process.stdin.write(json.dumps(code) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert reply["ok"], reply["out"][-3000:]
        return reply["out"]

    def close(self):
        self.process.stdin.close()
        self.process.wait(10)


@pytest.fixture(scope="session")
def editors(cluster):
    """One editor whose Redis answers, one whose Redis hangs (a socket that accepts and
    never answers, as a paused Redis does)."""
    hung = socket.socket()
    hung.bind(("127.0.0.1", 0))
    hung.listen(16)
    running = {
        "answers": Editor(cluster.env),
        "hung": Editor({**cluster.env, "REDIS_URL": f"redis://127.0.0.1:{hung.getsockname()[1]}/12"}),
    }
    yield running
    for editor in running.values():
        editor.close()
    hung.close()


def warm(cluster, path):
    """Both servers have the page in the shared page cache, the proxy has it too."""
    for base in readers(cluster):
        for _ in range(2):
            status, _body, _kept = get_checked(base, path)
    assert get(cluster.app_url(1) + path)[2].get("X-Page-Cache") == "hit"
    assert get(cluster.proxy_url + path)[2].get("X-Cache") == "hit"


def get_checked(base, path):
    status, body, headers = get(base + path)
    assert status == 200, (base, path, status)
    return status, body, headers


def within_a_second(cluster, path, check):
    deadline = time.monotonic() + 1.0
    while True:
        answers = [(base, *get(base + path)) for base in readers(cluster)]
        if all(
            check(status, body.decode(errors="replace"), headers) for _base, status, body, headers in answers
        ):
            return
        assert time.monotonic() < deadline, [
            (base, status, headers.get("X-Cache") or headers.get("X-Page-Cache"))
            for base, status, _b, headers in answers
        ]
        time.sleep(0.05)


def page(path: str) -> str:
    return f"Page.objects.get(url_path='/home{path.removeprefix('/nl')}').specific"


@pytest.mark.parametrize("redis_during_change", ["answers", "hung"])
def test_both_servers_and_the_proxy_follow_publish_unpublish_and_restriction_at_once(
    cluster, editors, redis_during_change
):
    change = editors[redis_during_change].run
    suffix = redis_during_change

    # Publish: a new title everywhere.
    path = "/nl/verhalen/koning-bezoekt-aan-de-slag/"
    warm(cluster, path)
    change(f"p = {page(path)}\np.title = 'Nieuwe titel {suffix}'\np.save_revision().publish()")
    within_a_second(
        cluster, path, lambda status, body, headers: status == 200 and f"Nieuwe titel {suffix}" in body
    )

    # Unpublish: gone everywhere.
    path = (
        "/nl/verhalen/helffer-kootkar-prijs/"
        if suffix == "answers"
        else "/nl/verhalen/minister-asscher-vrijwilligerswerk/"
    )
    warm(cluster, path)
    change(f"{page(path)}.unpublish()")
    within_a_second(cluster, path, lambda status, body, headers: status == 404)

    # A password: nobody shows the page's text any more.
    path = (
        "/nl/succesfactoren/bewoners-centraal/"
        if suffix == "answers"
        else "/nl/succesfactoren/laagdrempelig/"
    )
    warm(cluster, path)
    change(
        "from wagtail.models import PageViewRestriction\n"
        f"PageViewRestriction.objects.create(page={page(path)}, restriction_type='password', password='geheim')"
    )
    within_a_second(
        cluster,
        path,
        lambda status, body, headers: (
            "hit" not in (headers.get("X-Cache"), headers.get("X-Page-Cache")) and 'type="password"' in body
        ),
    )


def test_fifty_slow_clients_leave_the_health_check_and_cached_pages_answering(cluster):
    path = "/nl/"
    warm(cluster, path)
    stop = threading.Event()
    sockets = []
    for _ in range(50):
        sock = socket.create_connection(("127.0.0.1", cluster.proxy_port), timeout=5)
        sock.sendall(b"GET /nl/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and the rest, never
        sockets.append(sock)

    def trickle():  # one byte a second from each, as a slow phone line sends
        while not stop.wait(1):
            for sock in sockets:
                with contextlib.suppress(OSError):  # the proxy gave up on this one: its right
                    sock.sendall(b"X")

    trickler = threading.Thread(target=trickle, daemon=True)
    trickler.start()
    try:
        time.sleep(1.5)
        for _round in range(3):
            for target in ("/healthz", path):
                started = time.monotonic()
                status, _body, _headers = get(cluster.proxy_url + target, timeout=1)
                assert status == 200, target
                assert time.monotonic() - started < 1.0, target
            time.sleep(0.5)
    finally:
        stop.set()
        for sock in sockets:
            sock.close()


def test_a_published_guides_pdf_is_built_once_by_the_worker_and_served_by_both_servers(cluster, editors):
    path = "/nl/handreikingen/matchen/"
    page_id = int(editors["answers"].run(f"p = {page(path)}\np.save_revision().publish()\nprint(p.pk)"))
    bucket = cluster.s3()

    def kept():
        listing = bucket.list_objects_v2(Bucket=BUCKET, Prefix=f"pdfs/guide/{page_id}/")
        return [item["Key"] for item in listing.get("Contents", [])]

    deadline = time.monotonic() + 30
    while not kept():
        assert time.monotonic() < deadline, "the worker did not build the PDF"
        time.sleep(0.2)
    for base in (cluster.app_url(1), cluster.app_url(0)):
        status, body, headers = get(base + path + "pdf/")
        assert status == 200
        assert body.startswith(b"%PDF")
        assert headers["X-PDF"] == "kept", base  # read from the bucket, not built by this server
    assert len(kept()) == 1  # once per content version, not once per process


def test_images_come_from_the_bucket_and_documents_only_through_the_app(cluster):
    bucket = cluster.s3()
    bucket.put_object(Bucket=BUCKET, Key="images/proef.png", Body=b"\x89PNG proef", ContentType="image/png")
    status, body, _headers = get(f"{cluster.proxy_url}/media/images/proef.png")
    assert (status, body) == (200, b"\x89PNG proef")

    document = next(
        item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET, Prefix="documents/")["Contents"]
    )
    assert get(f"{cluster.proxy_url}/media/{document}")[0] == 404  # not by its file name
    status, _body, headers = get(f"{cluster.proxy_url}/media/pdfs/guide/1/x.pdf")
    assert status == 404


def test_a_purge_drops_the_proxys_copy(cluster):
    import urllib.request

    path = "/nl/succesfactoren/"
    warm(cluster, path)
    purge = urllib.request.Request(cluster.proxy_url + path, method="PURGE", headers={"Host": "localhost"})
    with urllib.request.urlopen(purge, timeout=5) as response:
        assert response.status == 200
    assert get(cluster.proxy_url + path)[2]["X-Cache"] == "miss"


def test_the_worker_updates_the_search_index_after_a_publish(cluster, editors):
    path = "/nl/verhalen/koning-bezoekt-aan-de-slag/"
    editors["answers"].run(
        f"p = {page(path)}\np.title = 'Kwispelstaartfeest op het azc'\np.save_revision().publish()",
    )
    deadline = time.monotonic() + 15
    while True:
        status, body, _headers = get(cluster.app_url(1) + "/nl/zoeken/?q=kwispelstaartfeest")
        if status == 200 and path.encode() in body:
            break
        assert time.monotonic() < deadline, "the worker did not index the published page"
        time.sleep(0.2)
