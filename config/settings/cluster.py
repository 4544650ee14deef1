"""Several app servers of one deployment on one machine (the shared-state test).

The production settings on loopback over plain HTTP, every server given the same
DATABASE_URL, REDIS_URL and MEDIA_ROOT by whoever starts them. Only static files differ:
served by whitenoise from the source folders, so no collectstatic run is needed first.
"""

import os

os.environ.setdefault("WAGTAILADMIN_BASE_URL", "http://127.0.0.1")
os.environ.setdefault("EMAIL_URL", "consolemail://")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from .production import *  # noqa: F403

SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = False
WHITENOISE_USE_FINDERS = True
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
