"""`make bench`: the production settings on loopback, with a trivial view to compare against.

Only what a benchmark on one machine needs differs: plain HTTP on 127.0.0.1, a database
and media of its own, and the bench URLs (config.bench_urls). Never deployed.
"""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "bench-only-secret-key-not-for-production")
os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("REDIS_URL", "redis://127.0.0.1:6379/14")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{os.path.abspath('.local/bench.sqlite3')}")
os.environ.setdefault("STATIC_ROOT", os.path.abspath(".local/bench-static"))
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="aandeslag-bench-media-"))

from .production import *  # noqa: F403

ROOT_URLCONF = "config.bench_urls"
SECURE_HSTS_SECONDS = 0
if os.environ.get("BENCH_NO_FRAGMENTS"):  # make bench's second pass: nothing kept below the page cache
    CACHES["fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}  # noqa: F405
