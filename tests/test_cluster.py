"""Two app servers of one deployment agree on what is current.

Two separate gunicorn processes share one database (a copy of the prepared demo), one
Redis and one media folder, as two nodes would. Changes are made by a third process, the
way an editor's request on either node makes them; each server must answer the new state
to an anonymous reader within a second, also when the changing process could not reach
Redis at all (a socket that accepts and never answers, as a paused Redis does).
"""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

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


pytestmark = pytest.mark.skipif(not _redis_answers(), reason="needs the machine's Redis on 127.0.0.1:6379")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(port: int, path: str) -> tuple[int, str, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Accept-Language": "nl"})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.read().decode(), response.headers.get("X-Page-Cache", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), error.headers.get("X-Page-Cache", "")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two gunicorn servers (one worker each, so each is one process of its own)."""
    bundle = prepared.sqlite_bundle()
    place = tmp_path_factory.mktemp("cluster")
    shutil.copy(bundle / "db.sqlite3", place / "db.sqlite3")
    prepared.copy_media(bundle / "media", place / "media")
    env = {
        key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST_", "COV_"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.cluster",
        SECRET_KEY="cluster-test-only-" + "x7Kq2Lm9Pz4Wv8Nr3Tb6Yd1Hc5Jf0Sg" * 2,
        DATABASE_URL=f"sqlite:///{place / 'db.sqlite3'}",
        REDIS_URL=f"redis://{REDIS[0]}:{REDIS[1]}/12",
        MEDIA_ROOT=str(place / "media"),
        LOG_LEVEL="ERROR",
    )
    subprocess.run([sys.executable, "-c", "import redis; redis.Redis(db=12).flushdb()"], check=True, env=env)
    ports = [_free_port(), _free_port()]
    servers = [
        subprocess.Popen(  # noqa: S603 - our own command
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi",
                "-c",
                "gunicorn.conf.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--threads",
                "2",
                "--access-logfile",
                "/dev/null",
                "--max-requests",
                "0",
            ],  # fmt: skip
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        deadline = time.monotonic() + 30
        for port in ports:
            while True:
                try:
                    if get(port, "/healthz")[0] == 200:
                        break
                except OSError:
                    pass  # not listening yet: try again until the deadline below
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.1)
        yield ports, env
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(10)


def change(env: dict, code: str, redis_url: str | None = None) -> None:
    """Make a change as an editor's request on any node would: another process, same database."""
    script = "import django; django.setup()\nfrom wagtail.models import Page\n" + code
    subprocess.run(  # noqa: S603 - our own command
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={**env, **({"REDIS_URL": redis_url} if redis_url else {})},
        check=True,
        capture_output=True,
        timeout=60,
    )


def warm(ports, path):
    """Both servers have the page in the shared page cache."""
    for port in ports:
        for _ in range(2):
            status, _body, _kept = get(port, path)
            assert status == 200, (port, path, status)
    assert get(ports[1], path)[2] == "hit"


def within_a_second(ports, path, check):
    deadline = time.monotonic() + 1.0
    while True:
        answers = [get(port, path) for port in ports]
        if all(check(*answer) for answer in answers):
            return
        assert time.monotonic() < deadline, [(status, kept) for status, _body, kept in answers]
        time.sleep(0.05)


def page(path: str) -> str:
    return f"Page.objects.get(url_path='/home{path.removeprefix('/nl')}').specific"


@pytest.mark.parametrize("redis_during_change", ["answers", "hung"])
def test_both_servers_follow_publish_unpublish_and_restriction_at_once(cluster, redis_during_change, request):
    ports, env = cluster
    hung = None
    if redis_during_change == "hung":
        hung = socket.socket()
        hung.bind(("127.0.0.1", 0))
        hung.listen(16)  # accepts, never answers
        request.addfinalizer(hung.close)
    redis_url = f"redis://127.0.0.1:{hung.getsockname()[1]}/12" if hung else None
    suffix = redis_during_change

    # Publish: a new title on both servers.
    path = "/nl/verhalen/koning-bezoekt-aan-de-slag/"
    warm(ports, path)
    change(
        env,
        f"p = {page(path)}\np.title = 'Nieuwe titel {suffix}'\np.save_revision().publish()",
        redis_url,
    )
    within_a_second(
        ports, path, lambda status, body, kept: status == 200 and f"Nieuwe titel {suffix}" in body
    )

    # Unpublish: gone from both.
    path = (
        "/nl/verhalen/helffer-kootkar-prijs/"
        if suffix == "answers"
        else "/nl/verhalen/minister-asscher-vrijwilligerswerk/"
    )
    warm(ports, path)
    change(env, f"{page(path)}.unpublish()", redis_url)
    within_a_second(ports, path, lambda status, body, kept: status == 404)

    # A password: neither server shows the page's text any more.
    path = (
        "/nl/succesfactoren/bewoners-centraal/"
        if suffix == "answers"
        else "/nl/succesfactoren/laagdrempelig/"
    )
    warm(ports, path)
    change(
        env,
        "from wagtail.models import PageViewRestriction\n"
        f"PageViewRestriction.objects.create(page={page(path)}, restriction_type='password', password='geheim')",
        redis_url,
    )
    within_a_second(ports, path, lambda status, body, kept: kept != "hit" and 'type="password"' in body)
