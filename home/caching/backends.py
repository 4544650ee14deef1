"""A Redis cache that fails fast and then stays out of the way.

django-redis with IGNORE_EXCEPTIONS turns a Redis error into a cache miss, but a hung
Redis (one that accepts connections and never answers) still costs a socket timeout on
every cache call: a page with ten calls waits ten times. Here the first failure opens a
circuit for BREAK_SECONDS, during which every call answers at once as a miss, without
touching the network. Each worker process then pays one timeout per interval.
"""

import logging
import time

from django_redis.cache import RedisCache

logger = logging.getLogger(__name__)

BREAK_SECONDS = 10.0
# What each call answers while Redis is out: what an empty cache would answer.
FALLBACKS = {
    "get": lambda args, kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda args, kwargs: {},
    "has_key": lambda args, kwargs: False,
    "add": lambda args, kwargs: False,
    "set": lambda args, kwargs: False,
    "touch": lambda args, kwargs: False,
    "delete": lambda args, kwargs: False,
    "set_many": lambda args, kwargs: [],
    "delete_many": lambda args, kwargs: 0,
    "clear": lambda args, kwargs: False,
    "ttl": lambda args, kwargs: None,
}


def _guarded(name):
    def method(self, *args, **kwargs):
        return self._call(name, args, kwargs)

    method.__name__ = name
    return method


class CircuitBreakerRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        # Exceptions must reach the breaker; it answers misses itself.
        self._ignore_exceptions = False
        self._open_until = 0.0

    def _call(self, name, args, kwargs):
        if time.monotonic() < self._open_until:
            return FALLBACKS[name](args, kwargs)
        try:
            return getattr(super(), name)(*args, **kwargs)
        except Exception:  # any Redis or connection error opens the circuit
            self._open_until = time.monotonic() + BREAK_SECONDS
            logger.warning("Cache unreachable; serving without it for %s s", BREAK_SECONDS, exc_info=True)
            return FALLBACKS[name](args, kwargs)

    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    get = _guarded("get")
    get_many = _guarded("get_many")
    has_key = _guarded("has_key")
    add = _guarded("add")
    set = _guarded("set")
    touch = _guarded("touch")
    delete = _guarded("delete")
    set_many = _guarded("set_many")
    delete_many = _guarded("delete_many")
    clear = _guarded("clear")
    ttl = _guarded("ttl")
