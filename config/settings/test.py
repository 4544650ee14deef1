"""Fast, hermetic test settings: no network, no shared state, cheap password hashing."""

import os
import tempfile
import uuid
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-not-for-production"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# With REDIS_URL set (the PostgreSQL run in CI), tests use Redis like production does,
# under a key prefix of their own so that runs never read each other's entries.
if REDIS_URL:  # noqa: F405
    CACHES["default"]["KEY_PREFIX"] = f"test-{uuid.uuid4().hex[:8]}"  # noqa: F405
    # `cache.clear()` empties the whole Redis database, whatever the prefix: each test
    # worker gets a database of its own (3 to 10), so one worker's clear never drops
    # another's counters or kept pages mid-test.
    _worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
    _redis = urlsplit(REDIS_URL)  # noqa: F405
    CACHES["default"]["LOCATION"] = urlunsplit(_redis._replace(path=f"/{3 + _worker % 8}"))  # noqa: F405
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="aandeslag-test-media-"))  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
WAGTAILFRONTENDCACHE = {}
# Tasks run where they are asked for; tests/test_tasks.py tries the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DEMO_ACCOUNTS_ALLOWED = True
# The second factor is off for the suite's logins (force_login, the admin client);
# tests/test_two_factor.py turns it on for the roles that need it.
TWO_FACTOR_GROUPS = []
TWO_FACTOR_FOR_SUPERUSERS = False
