"""Bounded failure: a hung Redis or database costs a fraction of a second, not the site.

The fakes are local sockets that accept connections and never answer, as a paused Redis
or a database behind a dead network does.
"""

import socket
import time

from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError, connection
from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def hung_port():
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)  # the kernel completes handshakes; nobody ever reads or answers
    yield server.getsockname()[1]
    server.close()


def timed(client, path):
    started = time.monotonic()
    response = client.get(path)
    return response, time.monotonic() - started


def test_a_hung_redis_costs_one_short_timeout_then_nothing(client, hung_port):
    hung = {
        **settings.CACHES,
        "default": {
            "BACKEND": "home.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": f"redis://127.0.0.1:{hung_port}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        },
    }
    with override_settings(CACHES=hung):
        cache = caches["default"]
        started = time.monotonic()
        for n in range(20):  # twenty calls: one timeout, then the circuit is open
            assert cache.get(f"key-{n}") is None
            cache.set(f"key-{n}", "value")
        assert time.monotonic() - started < 1.0
        assert cache.is_open()
        for path in ("/nl/", "/ti/nieuwkomers/", "/nl/zoeken/?q=groen"):
            response, elapsed = timed(client, path)
            assert response.status_code == 200 and elapsed < 1.0, (path, elapsed)
        response, elapsed = timed(client, "/healthz")
        assert elapsed < 1.0
        assert response.json()["checks"]["cache"] == "degraded"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a network database: CI's PostgreSQL run")
def test_a_hung_database_gives_up_connecting_within_the_connect_timeout(hung_port):
    from django.db.backends.postgresql.base import DatabaseWrapper

    params = {**settings.DATABASES["default"], "HOST": "127.0.0.1", "PORT": hung_port, "CONN_MAX_AGE": 0}
    wrapper = DatabaseWrapper(params, alias="hung")
    started = time.monotonic()
    with pytest.raises(OperationalError):
        wrapper.ensure_connection()
    elapsed = time.monotonic() - started
    timeout = settings.DATABASES["default"]["OPTIONS"]["connect_timeout"]
    assert elapsed < timeout + 1.5, elapsed


@pytest.mark.skipif(connection.vendor != "postgresql", reason="statement_timeout is PostgreSQL's")
def test_a_runaway_statement_is_stopped_by_the_statement_timeout():
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] in ("5s", "5000ms")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="libpq's options: CI's PostgreSQL run")
def test_a_frozen_network_is_given_up_on_by_the_client_within_seconds():
    # A freeze cannot be made on loopback without a firewall (the kernel acknowledges for
    # any local listener), so this checks that libpq runs with the options that bound it.
    connection.ensure_connection()
    dsn = connection.connection.info.dsn
    for option in ("keepalives=1", "keepalives_idle=1", "keepalives_interval=1", "keepalives_count=2"):
        assert option in dsn, dsn
    assert "tcp_user_timeout=2000" in dsn, dsn
