"""Production: every secret comes from the environment, with no default.

A missing SECRET_KEY or ALLOWED_HOSTS stops start-up with a message that names it,
instead of running with an insecure fallback.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403


def required_env(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for production (see README.md)."
        )
    return value


SECRET_KEY = required_env("SECRET_KEY")
# Links in review e-mails must point at the real site, never at 127.0.0.1.
WAGTAILADMIN_BASE_URL = required_env("WAGTAILADMIN_BASE_URL")
# Mail must work in production: the review workflow sends it.
required_env("EMAIL_URL")
# Every app server shares one cache: the page cache, and the per-address limits that
# would multiply by the number of processes if each kept its own count. (What is current
# is in the database, so no process serves stale pages either way.)
required_env("REDIS_URL")

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
if SENTRY_DSN:
    import sentry_sdk

    # No personal data: no IP addresses, cookies or user details leave the site.
    sentry_sdk.init(dsn=SENTRY_DSN, send_default_pii=False, traces_sample_rate=0.0)
ALLOWED_HOSTS = [host.strip() for host in required_env("ALLOWED_HOSTS").split(",") if host.strip()]
# ".example.org" in ALLOWED_HOSTS means the domain and its subdomains.
CSRF_TRUSTED_ORIGINS = [
    f"https://*{host}" if host.startswith(".") else f"https://{host}" for host in ALLOWED_HOSTS
]

# TLS ends at the proxy, which says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() != "false"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
