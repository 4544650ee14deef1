import os
import time
from unittest import mock

from django.test import override_settings

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_fails_with_503_naming_the_database_when_it_does_not_answer(client):
    with mock.patch("home.operations.views._database_ok", lambda: False):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"]["database"] == "failing"


@pytest.mark.parametrize("hung", ["_database_ok", "_cache_ok"])
def test_healthz_answers_within_a_second_whatever_hangs(client, hung):
    import threading

    release = threading.Event()
    with mock.patch(f"home.operations.views.{hung}", lambda: release.wait(30)):
        started = time.monotonic()
        response = client.get("/healthz")
        elapsed = time.monotonic() - started
    release.set()
    assert elapsed < 1.0, elapsed
    name = "database" if hung == "_database_ok" else "cache"
    assert response.json()["checks"][name] in ("failing", "degraded")
    assert response.status_code == (503 if name == "database" else 200)


@override_settings(
    CACHES={
        "default": {
            "BACKEND": "home.caching.backends.CircuitBreakerRedisCache",
            # Nothing listens on port 1: the cache is unreachable.
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
)
def test_healthz_reports_an_unreachable_cache_as_degraded_but_stays_200(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "checks": {"database": "ok", "cache": "degraded"}}


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="runs where REDIS_URL is set (CI's PostgreSQL run)"
)
def test_healthz_checks_redis_when_redis_url_is_set(client):
    from django.core.cache import caches

    assert type(caches["default"]).__name__ == "CircuitBreakerRedisCache"
    response = client.get("/healthz")
    assert response.json()["checks"]["cache"] == "ok"


def test_healthz_answers_a_load_balancer_calling_by_internal_address(client, settings):
    settings.ALLOWED_HOSTS = ["aandeslag.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/nl/", HTTP_HOST="10.0.0.5").status_code == 400
    response = client.get("/healthz", HTTP_HOST="10.0.0.5")
    assert response.status_code == 200
    assert response.json()["checks"]["database"] == "ok"
