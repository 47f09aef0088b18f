"""Settings for the portal, read from the environment (see README: Production)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from portal.env import email_settings, env_bool, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY is required when DEBUG is off.")
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG-on"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "portal",
    "notifications",
    "mentoring",
    "events",
    "programmes",
    "upkeep",
    "casestudies",
    "library",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "django_countries",
    "taggit",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "portal.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.security.SecurityHeadersMiddleware",
    "csp.middleware.CSPMiddleware",
    "portal.static.StaticFilesMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "portal.caching.PrivateCacheControlMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.admin_selection.AdminSelectionMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.public_urls",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
try:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 60))}
except ValueError as error:
    raise ImproperlyConfigured(f"DATABASE_URL is not a database URL we can read: {error}") from None
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend whose per-request health check asks the socket, not the server (no round trip)
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while the importer or an editor writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Auth -----------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "account"
LOGOUT_REDIRECT_URL = "home"

# --- Languages ------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
]
LANGUAGES_BIDI = ["ar"]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# --- Static and media -----------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"  # never served as static: files go out through the download view
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "portal"),
            # fail fast when Redis is away, so a page renders uncached and /healthz answers 503
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- E-mail and the task worker --------------------------------------------------------
# EMAIL_URL names the mail server (smtp://user:pass@host:587, smtps://...:465) or a local
# backend (file:///path/to/folder, console:, locmem:); portal.env.email_settings reads it.
# Without it: the console with DEBUG, else SMTP on localhost:25.
EMAIL_URL = env_str("EMAIL_URL", "")
globals().update(
    email_settings(EMAIL_URL or ("console:" if DEBUG else "smtp://localhost:25"), base_dir=BASE_DIR)
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "library@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Where links in mail point (mail is written by the worker and cron, without a request).
PUBLIC_BASE_URL = env_str("PUBLIC_BASE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")

# Mail is never sent in a request: notifications.outbox stores it and a django-tasks task in the
# same transaction; `manage.py db_worker` (started by `make run`; a service of its own in
# production) delivers it. The queue is a table in the portal's own database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# --- Third-party apps -----------------------------------------------------------------
TAGGIT_CASE_INSENSITIVE = True

# --- The library ----------------------------------------------------------------------
LIBRARY_PAGE_SIZE = env_int("LIBRARY_PAGE_SIZE", 20)
# the licence a new resource gets (an SPDX identifier from library.licences: CC-BY-4.0, CC0-1.0, ...)
LIBRARY_DEFAULT_LICENCE = env_str("LIBRARY_DEFAULT_LICENCE", "CC-BY-4.0")
# Living content (issue 16): months from publication (or the last review) to a resource's next
# "review by" date, per kind; how long "Updated <date>: <notes>" shows for a new file version.
LIBRARY_REVIEW_MONTHS = {
    "toolkit": env_int("REVIEW_MONTHS_TOOLKIT", 24),
    "guide": env_int("REVIEW_MONTHS_GUIDE", 24),
    "case-study": env_int("REVIEW_MONTHS_CASE_STUDY", 36),
}
FILE_VERSION_RECENT_DAYS = env_int("FILE_VERSION_RECENT_DAYS", 90)
# upkeep: news of new versions go out this many people per task; check_links' bounds
CHANGE_NOTICE_BATCH_SIZE = env_int("CHANGE_NOTICE_BATCH_SIZE", 500)
LINK_CHECK_CONCURRENCY = env_int("LINK_CHECK_CONCURRENCY", 8)
LINK_CHECK_HOST_DELAY = float(env_str("LINK_CHECK_HOST_DELAY", "1.0"))
LINK_CHECK_TIMEOUT = float(env_str("LINK_CHECK_TIMEOUT", "10"))
LINK_CHECK_MAX_REDIRECTS = env_int("LINK_CHECK_MAX_REDIRECTS", 10)

# --- Peer mentoring (README: Peer mentoring) --------------------------------------------
MENTORING_REQUESTS_PER_DAY = env_int("MENTORING_REQUESTS_PER_DAY", 5)  # asks per person per day
MENTORING_REMINDER_WEEKS = env_int("MENTORING_REMINDER_WEEKS", 3)  # quiet weeks before a reminder
# Events (README "Events"): list page size; how long an unconfirmed registration holds its place;
# how long the signed links in registrants' mail work; how many days after an event its
# registrants' personal data is deleted (by send_reminders); registrations one client address,
# and one e-mail address, may make per hour; the domain in calendar UIDs.
EVENTS_PAGE_SIZE = env_int("EVENTS_PAGE_SIZE", 20)
EVENTS_CONFIRMATION_HOURS = env_int("EVENTS_CONFIRMATION_HOURS", 48)
EVENTS_LINK_MAX_AGE_DAYS = env_int("EVENTS_LINK_MAX_AGE_DAYS", 400)
EVENTS_KEEP_PERSONAL_DATA_DAYS = env_int("EVENTS_KEEP_PERSONAL_DATA_DAYS", 90)
EVENTS_REGISTRATIONS_PER_HOUR = env_int("EVENTS_REGISTRATIONS_PER_HOUR", 20)
EVENTS_CALENDAR_DOMAIN = env_str("EVENTS_CALENDAR_DOMAIN", "events.democracy-library.invalid")

# --- Production: security, caching, serving, observability (issue 8) --------------------
# DEBUG off means HTTPS: secure cookies, HSTS, redirect to HTTPS. The proxy's scheme header is
# trusted only when TRUST_X_FORWARDED_PROTO=1 (a proxy that does not overwrite it would let a
# client claim HTTPS).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 63072000)  # two years, as preload lists ask
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
# Extra response headers (portal.security.SecurityHeadersMiddleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), "
    "geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), "
    "picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), usb=(), xr-spatial-tracking=()"
)
CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
# A strict Content-Security-Policy (django-csp): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "worker-src": ["'none'"],
        "manifest-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        **({} if DEBUG else {"upgrade-insecure-requests": True}),
    },
}

# Staff two-factor sign-in (django-otp, TOTP). With STAFF_REQUIRE_2FA=1 a staff member reaches
# /admin/ only after confirming a code from an authenticator app (portal.twofactor).
STAFF_REQUIRE_2FA = env_bool("STAFF_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = env_str("OTP_TOTP_ISSUER", "Democracy resource library")

# Anonymous public pages are kept in the cache for at most this many seconds, keyed by a
# version in the database that every public change bumps (library.cache). Without Redis each
# process would keep its own copy of every page, so the cache is off unless set explicitly.
PUBLIC_PAGE_CACHE_SECONDS = env_int("PUBLIC_PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)

# Static files: compressed (gzip and Brotli) at collectstatic, hashed names served with a
# one-year immutable Cache-Control by whitenoise. Media is never under a static path.
# (portal.static.StaticFilesMiddleware; files without a hash in their name get an hour)
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 3600)

# `manage.py backup` / `make backup` write timestamped folders here (portal.backup).
BACKUP_DIR = Path(env_str("BACKUP_DIR", str(BASE_DIR / "backups")))

# Logs: JSON lines on stdout, each with the request id (portal.observability).
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOG_FORMAT = env_str("LOG_FORMAT", "json")

# --- Public site: languages, accessibility, feeds -------------------------------------
# The name the site gives itself in titles, feeds, OpenGraph and citations (the corporate author).
PUBLIC_SITE_NAME = env_str("PUBLIC_SITE_NAME", "Democracy resource library")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "portal.observability.RequestIdFilter"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
            "filters": ["request_id"],
        },
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["stdout"], "level": LOG_LEVEL, "propagate": False},
    },
}

# --- Import and export ----------------------------------------------------------------
# records written per transaction by import_resources and the admin import
LIBRARY_IMPORT_BATCH_SIZE = env_int("LIBRARY_IMPORT_BATCH_SIZE", 500)
# a longer line (or CSV record) is rejected without being held in memory
LIBRARY_IMPORT_MAX_LINE_BYTES = env_int("LIBRARY_IMPORT_MAX_LINE_BYTES", 8 * 1024 * 1024)

# --- Partners: sign-in, throttling, passwords, downloads, media storage ------------------
INSTALLED_APPS += ["axes"]  # noqa: F405 - must come after django.contrib.auth
# AxesMiddleware turns a throttled sign-in into the lockout page; it must come last.
MIDDLEWARE += ["axes.middleware.AxesMiddleware"]
AUTHENTICATION_BACKENDS = [
    "portal.auth.ThrottledSignInBackend",  # refuses while an account+address is cooling off
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # older hashes still verify, and are upgraded to Argon2 at the next sign-in
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
PASSWORD_RESET_TIMEOUT = env_int("PASSWORD_RESET_TIMEOUT", 60 * 60 * 24)

# How many proxies of ours stand in front of the app and append to X-Forwarded-For. The client
# address (login throttling, the download log's keyed hash) is read from that header only then.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if env_bool("TRUST_X_FORWARDED_PROTO", False) else 0)

# Failed sign-ins are counted per account AND address: an attacker elsewhere cannot lock a
# partner out, and a lock lifts by itself after the cool-off (it is not extended by more tries).
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "library.client_address.client_ip"
AXES_USERNAME_CALLABLE = "portal.auth.throttle_username"
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins (with addresses) is kept
AXES_VERBOSE = False

# Media: local files by default; MEDIA_STORAGE=s3 puts them in S3-compatible object storage
# (AWS, MinIO, Scaleway...) in a private bucket. Files are then handed out through signed
# addresses that expire after MEDIA_SIGNED_URL_SECONDS, once the download view has checked access.
MEDIA_STORAGE = env_str("MEDIA_STORAGE", "local")
MEDIA_SIGNED_URL_SECONDS = 0
if MEDIA_STORAGE == "s3":
    if not env_str("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    MEDIA_SIGNED_URL_SECONDS = env_int("MEDIA_SIGNED_URL_SECONDS", 60)
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("AWS_STORAGE_BUCKET_NAME"),
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "location": env_str("AWS_LOCATION", "media"),
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE") or None,
            "signature_version": "s3v4",
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": MEDIA_SIGNED_URL_SECONDS,
            "file_overwrite": False,
        },
    }
elif MEDIA_STORAGE != "local":
    raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3'; got {MEDIA_STORAGE!r}")
# django-axes logs every sign-in check at INFO; keep its warnings (lockouts) only
LOGGING.setdefault("loggers", {})["axes"] = {"level": env_str("AXES_LOG_LEVEL", "WARNING")}

# --- Staff publishing (workflow, history, uploads) ---------------------------------------
INSTALLED_APPS += ["reversion"]  # every saved version of a resource, for history and restore
# Uploads stream to a temporary file; one larger than UPLOAD_MAX_MB is cut off as it arrives
# (never held in memory) and refused with a message naming the limit.
FILE_UPLOAD_HANDLERS = ["library.uploads.LimitedUploadHandler"]
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 50) * 1024 * 1024
# Uploaded images are re-encoded (which drops anything hidden in them) and scaled down to this
# longest side; images larger than UPLOAD_IMAGE_MAX_PIXELS are refused before being decoded.
UPLOAD_IMAGE_MAX_SIDE = env_int("UPLOAD_IMAGE_MAX_SIDE", 2400)
UPLOAD_IMAGE_MAX_PIXELS = env_int("UPLOAD_IMAGE_MAX_PIXELS", 50_000_000)

# --- Open data: the read-only JSON API and OAI-PMH harvesting (issue 15) ------------------
# Django REST framework serves /api/v1/ (JSON only, anonymous: no session, no CSRF), drf-spectacular
# writes its OpenAPI 3 schema from the code and drf-spectacular-sidecar ships Swagger UI as
# static files (no CDN: the CSP allows 'self' only); django-cors-headers answers CORS for GET.
INSTALLED_APPS += [
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "api",
    "harvest",
]
# CORS first, so even a throttled or refused answer carries its headers; the stateless
# middleware sits before the session middleware, so it sees the response after it.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware"), "corsheaders.middleware.CorsMiddleware"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware"),
    "api.middleware.StatelessOpenDataMiddleware",
)
# requests per client address (library.client_address) and period: "120/min", "5000/hour", ...
API_THROTTLE_RATE = env_str("API_THROTTLE_RATE", "120/min")
OAI_THROTTLE_RATE = env_str("OAI_THROTTLE_RATE", "60/min")
# How long a CDN may keep an answer without asking again (s-maxage; browsers always revalidate,
# cheaply, with the ETag). 0: every cache revalidates every time, like the public pages.
API_SHARED_CACHE_SECONDS = env_int("API_SHARED_CACHE_SECONDS", 60)
API_PAGE_SIZE = env_int("API_PAGE_SIZE", 20)
API_MAX_PAGE_SIZE = env_int("API_MAX_PAGE_SIZE", 100)
REST_FRAMEWORK = {
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.ClientAddressThrottle"],
    "EXCEPTION_HANDLER": "api.errors.json_error_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Democracy resource library API",
    "DESCRIPTION": (
        "Read-only open data: the library's published resources, their files and themes, and its "
        "public events (never anyone's registration). "
        "Anonymous, JSON, cursor pagination; the list takes the library pages' query parameters."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": False,
}
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(api/|oai/|catalog\.jsonld$)"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After", "Link"]
CORS_PREFLIGHT_MAX_AGE = 86400
# OAI-PMH: the repository's name and identifier (oai:<identifier>:<id>), its administrators' address
OAI_REPOSITORY_NAME = env_str("OAI_REPOSITORY_NAME", PUBLIC_SITE_NAME)
OAI_REPOSITORY_IDENTIFIER = env_str("OAI_REPOSITORY_IDENTIFIER", "library.example.org")
OAI_ADMIN_EMAIL = env_str(
    "OAI_ADMIN_EMAIL", f"library@{OAI_REPOSITORY_IDENTIFIER}"
)  # a full address, as OAI-PMH asks
OAI_PAGE_SIZE = env_int("OAI_PAGE_SIZE", 200)
