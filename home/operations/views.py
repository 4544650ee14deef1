"""The views an operator relies on: the health check for load balancers, and the error
page that must render whatever failed."""

import concurrent.futures
import datetime
import logging
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import (
    HttpResponse,
    HttpResponseServerError,
    JsonResponse,
)
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

logger = logging.getLogger(__name__)


def _database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.exception("Health check: database unreachable")
        return False
    finally:
        # Run in a worker thread: its connection is its own, and is not kept.
        connection.close()


def _cache_ok() -> bool:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "ok", timeout=5)
        answered = cache.get(key) == "ok"
        cache.delete(key)
        return answered
    except Exception:  # any backend error means the cache is not usable
        logger.exception("Health check: cache unusable")
        return False


HEALTH_TIMEOUT = 0.8


_health_pool = concurrent.futures.ThreadPoolExecutor(max_workers=4, thread_name_prefix="healthz")


@never_cache
def healthz(request) -> HttpResponse:
    """For load balancers: 200 while the database answers, 503 when it does not.

    A failing cache slows pages down but does not stop them, so it is reported as
    "degraded" with a 200; only the database takes the instance out of rotation.
    """
    # Both checks run at once in worker threads, so a hung database or cache costs at most
    # HEALTH_TIMEOUT, and the load balancer hears within a second whatever hangs.
    checks = {"database": _health_pool.submit(_database_ok), "cache": _health_pool.submit(_cache_ok)}
    deadline = time.monotonic() + HEALTH_TIMEOUT
    results = {}
    for name, future in checks.items():
        try:
            results[name] = future.result(timeout=max(0.0, deadline - time.monotonic()))
        except concurrent.futures.TimeoutError:
            logger.error("Health check: %s did not answer within %s s", name, HEALTH_TIMEOUT)
            results[name] = False
    database_ok, cache_ok = results["database"], results["cache"]
    checks = {"database": "ok" if database_ok else "failing", "cache": "ok" if cache_ok else "degraded"}
    if not database_ok:
        status, code = "failing", 503
    elif not cache_ok:
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, "checks": checks}, status=code)


# Shown when even the 500 template cannot be rendered.
FALLBACK_500 = (
    "<!doctype html><html lang=nl><meta charset=utf-8><title>Er ging iets mis</title>"
    "<h1>Er ging iets mis</h1><p>Probeer het over een paar minuten opnieuw.</p>"
)


@requires_csrf_token
def server_error(request, template_name="500.html") -> HttpResponse:
    # Rendered without context processors: they may need the database, which may be what failed.
    try:
        # Say "we have been told" only when someone is: by mail or through Sentry.
        told = bool(settings.ADMINS or getattr(settings, "SENTRY_DSN", ""))
        body = loader.get_template(template_name).render({"request_path": request.path, "told": told})
    except Exception:  # the error page itself must never fail
        logger.exception("Could not render the 500 page")
        body = FALLBACK_500
    return HttpResponseServerError(body)


def security_txt(request) -> HttpResponse:
    """How to report a vulnerability (RFC 9116): who to write to, until when this holds.

    The contact is SECURITY_CONTACT; the expiry is SECURITY_TXT_EXPIRES (an ISO date) when
    the operator fixes one, else half a year from today, as the RFC asks for a date less
    than a year ahead and the contact is kept in the deployment's own settings.
    """
    expires = settings.SECURITY_TXT_EXPIRES or (
        datetime.datetime.now(datetime.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        + datetime.timedelta(days=182)
    ).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = [
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires}",
        "Preferred-Languages: nl, en",
        f"Canonical: {request.build_absolute_uri('/.well-known/security.txt')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
