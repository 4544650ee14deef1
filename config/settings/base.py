"""Settings shared by every environment: safe defaults only.

No secret and no debug switch lives here. `dev.py` adds the insecure conveniences,
`production.py` demands its secrets from the environment, `test.py` is fast and hermetic.
"""

import os
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    # Project apps first, so their templates, static files and admin URLs win.
    "home",
    "home.caching",
    "home.search",
    "home.feedback",
    "home.serving",
    "home.editorial",
    "home.readability",
    "home.reading",
    "home.operations",
    "programme",
    "toolkit",
    "wagtail_localize",
    "wagtail_localize.locales",
    # Background work (toolkit.tasks, Wagtail's purges and search index updates).
    "django_tasks",
    "django_tasks_db",
    # Login throttling, Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "home.operations.apps.UsersConfig",  # wagtail.users, with guards against gaining rights
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "home.operations.logging.RequestIdMiddleware",
    "home.operations.middleware.HealthCheckMiddleware",
    # Before anything reads the request: a NUL byte or invalid UTF-8 answers 400 here.
    "home.operations.security.RejectMalformedInputMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Serves hashed, compressed static files straight from the app server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The content version for this request: what every cache below is keyed by.
    "home.caching.state.ContentVersionMiddleware",
    # Whole anonymous pages; what is inside it is stored with them (CSP, compression).
    "home.caching.middleware.PageCacheMiddleware",
    "home.operations.security.ContentSecurityPolicyMiddleware",
    "home.operations.security.CompressionMiddleware",
    # Outside sessions, to see the cookies and Vary they add.
    "home.caching.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Outside LocaleMiddleware, to see the redirect from "/" that it makes.
    "home.serving.middleware.RememberLanguageMiddleware",
    # After sessions (it may read the session) and before CommonMiddleware (redirects).
    "home.serving.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin's second factor: django-otp marks a verified session, ours requires one.
    "django_otp.middleware.OTPMiddleware",
    "home.operations.two_factor.RequireSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it answers a locked-out login.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.consent.context_processor",
                "home.caching.state.context_processor",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL (postgres://...) selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database that does not answer costs seconds, not the worker: connecting gives up
    # after DB_CONNECT_TIMEOUT, a statement after DB_STATEMENT_TIMEOUT_MS (enforced by the
    # server, so no help when the network freezes). For that, the client's kernel gives up:
    # on data the server has not acknowledged within tcp_user_timeout, and on a silent
    # connection after keepalive probes a second apart (answered by the server's kernel
    # even while a long statement runs, so a slow query is never cut off by them).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        connect_timeout=int(os.environ.get("DB_CONNECT_TIMEOUT", "2")),
        keepalives=1,
        keepalives_idle=1,
        keepalives_interval=1,
        keepalives_count=2,
        tcp_user_timeout=int(os.environ.get("DB_NETWORK_TIMEOUT_MS", "2000")),
        options=f"-c statement_timeout={int(os.environ.get('DB_STATEMENT_TIMEOUT_MS', '5000'))}",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes write to the one file (runserver and the worker, the cluster's app
    # servers): a transaction takes the write lock when it begins, and waits for it, instead
    # of failing with "database is locked" when it turns from reading to writing; readers
    # go on beside a writer (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=10,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# /.well-known/security.txt (RFC 9116): where vulnerabilities are reported.
SECURITY_CONTACT = os.environ.get("SECURITY_CONTACT", "mailto:aandeslag@pharos.nl")
SECURITY_TXT_EXPIRES = os.environ.get("SECURITY_TXT_EXPIRES", "")

# A second factor (TOTP) for the admin, required for these groups and for superusers.
TWO_FACTOR_GROUPS = ["Pharos-redacteuren", "Moderatoren"]
TWO_FACTOR_FOR_SUPERUSERS = True
WAGTAILADMIN_USER_LOGIN_FORM = "home.operations.two_factor.TwoFactorLoginForm"
# The issuer the authenticator app shows beside the account.
OTP_TOTP_ISSUER = "Aan de Slag"

# The admin's password reset tells when no mail can be sent (home/operations/password_reset.py).
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "home.operations.password_reset.HonestPasswordResetForm"  # noqa: S105 - a class path

# An approved review publishes the revision on the strength of the approval (moderators
# hold no page rights of their own), see home/editorial/workflow.py.
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.editorial.workflow.publish_approved"

# A local-memory cache unless REDIS_URL points at Redis, which app servers then share.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # A cache outage degrades the site, never takes it down: short timeouts, and a
            # circuit breaker that skips Redis for a while after a failure (home/caching/backends.py).
            "BACKEND": "home.caching.backends.CircuitBreakerRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
                "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.25")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Page furniture (navigation, footer) per language, in each process's memory: read on
# every page, small, and keyed by the content version that a publish bumps (home.caching.state).
CACHES["furniture"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "furniture",
    "OPTIONS": {"MAX_ENTRIES": 2000},
}
# Rendered StreamFields (home/templatetags/fragment_tags.py) per page, language and
# consent answer, in each process's memory: bounded, culled when full, keyed by version.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "TIMEOUT": 300,  # a day's date in the national figures is at most five minutes late
    "OPTIONS": {"MAX_ENTRIES": 3000},
}
# Whole anonymous pages are kept this long at most (home.caching.middleware); a publish makes
# them stale at once. Also the s-maxage a CDN in front is given.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# gzip pages in the app unless a proxy in front already does (home.operations.security).
COMPRESS_RESPONSES = os.environ.get("COMPRESS_RESPONSES", "true").lower() in ("1", "true", "yes")

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account or address before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The site's own names: the first guesses at its accounts.
    {"NAME": "programme.passwords.SiteWordsValidator"},
]

# Login throttling (django-axes): five failures lock the account and, separately, the
# client address for the cool-off time; lift a lock early with `manage.py axes_reset_username`.
AXES_FAILURE_LIMIT = 5
LOGIN_COOLOFF_MINUTES = int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
# The first lock lasts LOGIN_COOLOFF_MINUTES, each further round of failures twice as long.
AXES_COOLOFF_TIME = "home.operations.security.growing_cool_off"
# An account is locked from the address that guessed (so a stranger cannot lock an editor
# out from everywhere), and an address that guesses at many accounts is locked itself.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "home/admin/locked_out.html"
# The client address behind TRUSTED_PROXY_COUNT proxies that append to X-Forwarded-For;
# with none, the connection's own address (a forged header is then ignored).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

# Languages. Dutch is the source; the newcomer section exists in all eight.
LANGUAGE_CODE = "nl"
LANGUAGES = [
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
    ("ti", _("Tigrinya")),
    ("so", _("Somali")),
    ("tr", _("Turkish")),
    ("uk", _("Ukrainian")),
]
# Django ships no language info for Tigrinya and Somali; home.apps registers these
# into django.conf.locale.LANG_INFO so that get_language_info() and the switcher know them.
EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
}
LANGUAGES_BIDI = ["ar", "fa"]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats for Tigrinya and Somali, which Django does not ship.
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_NAME = "aandeslag_language"
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# Language tags browsers send for the site's languages under another name: Dari and
# Iranian Persian read the Persian pages; ISO 639-2/3 codes (home.serving.middleware).
LANGUAGE_ALIASES = {
    "prs": "fa",
    "pes": "fa",
    "fas": "fa",
    "per": "fa",
    "nld": "nl",
    "dut": "nl",
    "eng": "en",
    "ara": "ar",
    "arb": "ar",
    "tir": "ti",
    "som": "so",
    "tur": "tr",
    "ukr": "uk",
}
# A page sent for translation is a draft in the target language until a person publishes
# the translation: an untranslated copy never goes live.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation stays off unless a DeepL key is configured.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
# Development and tests serve static files from the app folders, re-scanned on change;
# production.py turns this off and serves the collected, hashed files.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Media in an S3-compatible bucket when MEDIA_S3_BUCKET is set (home.operations.storage).
if os.environ.get("MEDIA_S3_BUCKET"):
    from home.operations.storage import s3_storage_options

    STORAGES["default"] = {
        "BACKEND": "home.operations.storage.MediaStorage",
        "OPTIONS": s3_storage_options(os.environ),
    }

# Uploads: refuse oversized requests before they reach a view.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents download as attachments, so an uploaded HTML or SVG never runs in our origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]

WAGTAIL_SITE_NAME = "Aan de Slag"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search, stemmed per language on PostgreSQL and by prefix on SQLite.
# Panels that features add at the end of every page's Content tab (home.panels).
PAGE_CONTENT_PANELS = ["home.readability.panels.ReadabilityPanel"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "home.search.backend"}}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False

# Work off the request path: PDFs (toolkit.tasks), search index updates, frontend cache
# purges. Kept in the database and run by `manage.py db_worker`, which `make run` and the
# cluster start beside the app servers; TASKS_BACKEND=immediate runs each task in the
# process that asks for it (the demo build, the test suite).
TASKS = {
    "default": {
        "BACKEND": {
            "database": "django_tasks_db.DatabaseBackend",
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        }[os.environ.get("TASKS_BACKEND", "database")]
    }
}

# Purging a CDN when pages publish, only where one is configured.
WAGTAILFRONTENDCACHE = {}
# Each language has its own addresses, and the purges name each translation already
# (home.caching.signal_handlers): no copy of every address for every language.
WAGTAILFRONTENDCACHE_LANGUAGES = []
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["default"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The public site: no inline script or style, nothing from another host. A consented video
# adds its player's host to frame-src on its own page (home.operations.security).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'none'"],
        "frame-ancestors": ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# Wagtail's admin writes inline styles and scripts and frames its own previews: a looser
# policy, under /admin/ only, still without other hosts.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}
# No avatars from Gravatar: each admin page would send a hash of the editor's e-mail address there.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Wagtail's preview views set SAMEORIGIN on themselves; everything else refuses framing.
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# One JSON object per line with the request id; errors also go by mail to ADMINS.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "home.operations.logging.RequestIdFilter"}},
    "formatters": {"json": {"()": "home.operations.logging.JSONFormatter"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "json", "filters": ["request_id"]},
        "mail_admins": {"class": "django.utils.log.AdminEmailHandler", "level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.request": {"handlers": ["console", "mail_admins"], "level": "ERROR", "propagate": False},
        # WeasyPrint warns on every PDF that it subsets fonts with fontTools: noise, not news.
        "weasyprint": {"level": "ERROR"},
    },
}

# Mail: EMAIL_URL as smtp://user:password@host:587 (STARTTLS) or smtps://...:465 (TLS).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    from urllib.parse import unquote, urlsplit

    _mail = urlsplit(EMAIL_URL)
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = _mail.hostname
    EMAIL_PORT = _mail.port or (465 if _mail.scheme == "smtps" else 587)
    EMAIL_HOST_USER = unquote(_mail.username or "")
    EMAIL_HOST_PASSWORD = unquote(_mail.password or "")
    EMAIL_USE_SSL = _mail.scheme == "smtps"
    EMAIL_USE_TLS = _mail.scheme == "smtp" and EMAIL_PORT != 25
    EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = SERVER_EMAIL = os.environ.get("EMAIL_FROM", "Aan de Slag <noreply@localhost>")
# Who hears of server errors by mail: "Name <address>, Name <address>".
ADMINS = [
    (entry.split("<")[0].strip(), entry.split("<")[-1].rstrip(">").strip())
    for entry in os.environ.get("ADMINS", "").split(",")
    if "@" in entry
]

# Professional guidance (factors, guides, municipalities) is kept in these languages;
# the newcomer section in all of LANGUAGES. The translation status view follows this.
PROFESSIONAL_LANGUAGES = ["nl", "en"]
