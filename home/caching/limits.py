"""Limits per visitor that every app server shares: counted in the default cache (Redis
in production), the address kept only as a keyed hash, never stored."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def over_limit(request, scope: str, per_hour: int) -> bool | None:
    """Count this address's requests to `scope` in the last hour. None when the count
    cannot be kept: the caller then refuses, rather than letting a robot through while
    the cache is down (and keeps what the visitor typed)."""
    from axes.helpers import get_client_ip_address

    address = get_client_ip_address(request) or "unknown"
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{address}".encode()).hexdigest()[:32]
    key = f"{scope}:{digest}"
    if getattr(cache, "is_open", lambda: False)():  # the circuit breaker knows the cache is out
        return None
    try:
        cache.add(key, 0, timeout=60 * 60)
        return cache.incr(key) > per_hour
    except Exception:  # noqa: BLE001 - the cache backend's errors vary; each means "cannot count"
        return None
