"""Settings of the UNCNM Portal, read from the environment (django-environ).

With no environment at all the portal runs on the embedded default: a SQLite
file under var/, Celery tasks executed eagerly in-process, e-mail printed to
the console and DEBUG on. Production sets DEBUG=False, SECRET_KEY,
DATABASE_URL and REDIS_URL (see .env.example and README.md).
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
if (BASE_DIR / ".env").is_file():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="django-insecure-local-development-only-key-0123456789")
else:
    # Production must never run on a key that lives in the source code.
    try:
        SECRET_KEY = env("SECRET_KEY")
    except ImproperlyConfigured as exc:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.") from exc

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Content in the portal's languages (title_en, title_ru, title_be columns); before the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "bootstrap",  # django-bootstrap-static: Bootstrap's CSS and JS, served by the portal.
    "django_tomselect",  # Tom Select's files for the pickers (uncnm_portal/widgets.py), served by the portal
    "csp",
    "uncnm_portal",  # the project's shared ground: checks, template tags, one-time form keys, helpers
    "stakeholders",
    "objectives",
    "policies",
    "pledges",
    "reviews",  # review cycles, assessments, progress of actions, plan measures and pledges
    "inputs",  # the call for inputs, consultations, written contributions
    "drafts",  # outline, export jobs (PDF, DOCX), versions and sign-off, publication
    "translations",  # content translation pages and files of the texts in `reviews` and `drafts`
    "history",  # who changed what: the history pages of the models each app names in its AppConfig
    "imports",  # earlier reviews loaded from XLSX/CSV files
    "public",  # every page anonymous visitors see
    "api",  # the read API (Django REST framework, OpenAPI by drf-spectacular)
    "demo",  # manage.py seed_demo: it seeds every app above, and no app imports it
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",  # Swagger UI's files, served by the portal
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: the client's address from X-Forwarded-For when (and only when) proxies are trusted.
    "stakeholders.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Refuses an oversized upload before anything reads (and spools) its body.
    "uncnm_portal.uploads.UploadSizeMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # Times in the signed-in person's time zone.
    "stakeholders.middleware.TimeZoneMiddleware",
    # Anonymous users see the login page only: every view needs a login
    # unless it is marked with @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Records who made each change in the history tables.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Secretariat accounts must confirm a TOTP code (django-otp) before using the portal.
    "stakeholders.middleware.SecondFactorMiddleware",
    # Lockout after repeated failed logins; last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: 5 failed logins for one account, from whatever addresses, lock the account, and 5
# failed logins from one address, for whatever accounts, lock the address, for 30 minutes
# (guesses spread over addresses, or one password sprayed over accounts, are both stopped).
# Each further lockout of an account within 24 hours doubles its time (stakeholders/lockout.py),
# and the owner gets an e-mail.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
LOCKOUT_BASE_HOURS = env.float("AXES_COOLOFF_HOURS", default=0.5)
AXES_COOLOFF_TIME = "stakeholders.lockout.cool_off"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Guesses during a lockout are refused, not counted: each logged lockout is one lockout.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "stakeholders.lockout.attempted_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
# Require the second factor for the secretariat (can be switched off for a local trial only).
OTP_REQUIRED_FOR_SECRETARIAT = env.bool("OTP_REQUIRED_FOR_SECRETARIAT", default=True)
OTP_TOTP_ISSUER = "UNCNM Portal"
# Nobody reads a second factor's secret key back, superusers included (the admin shows no key or QR code).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

ROOT_URLCONF = "uncnm_portal.urls"
WSGI_APPLICATION = "uncnm_portal.wsgi.application"

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
                "inputs.context_processors.my_work",
            ],
        },
    },
]

# How many proxies in front of the portal append to X-Forwarded-For (0: the address is REMOTE_ADDR).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

if "DATABASE_URL" not in env:
    # The embedded default keeps its SQLite file (and other local state) in var/.
    VAR_DIR.mkdir(exist_ok=True)
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers take the lock when their transaction starts (no upgrade deadlocks
    # between two concurrent edits), WAL lets readers go on meanwhile.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # A file, not memory, so that the live server and worker threads of the
    # tests get connections of their own, as they do on PostgreSQL.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-db.sqlite3")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")

if REDIS_URL:
    # Fails open: with Redis away, pages compute what they would have read from the cache.
    CACHES = {"default": {"BACKEND": "uncnm_portal.cache.FailOpenRedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "stakeholders.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "reviews:my-work"
LOGOUT_REDIRECT_URL = "login"

# Internationalisation: English, Russian and Belarusian from day one.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ru", _("Russian")),
    ("be", _("Belarusian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Reference data in every portal language (django-modeltranslation: one column per language, no
# joins); a text missing in a language is shown in English (and marked where it matters).
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
# The languages' codes, for whatever needs only them (content columns, ?lang=, imports).
LANGUAGE_CODES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_LANGUAGES = LANGUAGE_CODES
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
# Date and number formats Django does not ship (Belarusian); the others come from Django.
FORMAT_MODULE_PATH = ["uncnm_portal.formats"]
TIME_ZONE = "Europe/Minsk"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=VAR_DIR / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
if DEBUG:
    # Development serves static files straight from the apps (no collectstatic needed).
    WHITENOISE_USE_FINDERS = True
    WHITENOISE_AUTOREFRESH = True
    Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)
# Production serves collected files under hashed names (cache-busting), compressed by whitenoise;
# the tests build drafts with this storage too (tests/drafts/test_drafts_production.py).
PRODUCTION_STATIC_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage" if DEBUG else PRODUCTION_STATIC_STORAGE
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# E-mail: printed to the console unless an SMTP URL is given.
# Uploads: each file at most 20 MB (stopped while it is read), one request at most 100 MB.
UPLOAD_MAX_FILE_BYTES = env.int("UPLOAD_MAX_FILE_BYTES", default=20 * 1024 * 1024)
UPLOAD_MAX_REQUEST_BYTES = env.int("UPLOAD_MAX_REQUEST_BYTES", default=100 * 1024 * 1024)
FILE_UPLOAD_HANDLERS = [
    "uncnm_portal.uploads.FileSizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="UNCNM Portal <no-reply@uncnm.example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: a real broker when REDIS_URL is set, otherwise tasks run eagerly
# inside the web process so a newcomer needs no Redis and no worker.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_DEFAULT_QUEUE = env("CELERY_TASK_DEFAULT_QUEUE", default="uncnm")
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_EXPIRES = 24 * 3600
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")
# Exports: a hard time limit below the broker's visibility timeout, so that a
# message is redelivered only after its task can no longer be running.
EXPORT_TIME_LIMIT = env.int("EXPORT_TIME_LIMIT", default=300)
EXPORT_STALE_AFTER = env.int("EXPORT_STALE_AFTER", default=EXPORT_TIME_LIMIT + 30)
# A job the broker never took (it was away) is sent again by the sweeper after this many seconds.
EXPORT_UNSENT_AFTER = env.int("EXPORT_UNSENT_AFTER", default=30)
EXPORT_RETRY_DELAY = env.int("EXPORT_RETRY_DELAY", default=10)
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900)}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE: dict = {
    "requeue-stuck-exports": {"task": "reviews.tasks.requeue_stuck_exports_task", "schedule": 60.0},
    "forget-form-keys": {"task": "uncnm_portal.tasks.forget_form_keys_task", "schedule": 86400.0},
    "deadline-reminders": {"task": "reviews.tasks.send_deadline_reminders_task", "schedule": 3600.0},
    "waiting-emails": {"task": "stakeholders.tasks.send_waiting_emails_task", "schedule": 60.0},
}
# An e-mail still waiting after this many seconds is sent again by the beat (broker or mail server away).
EMAIL_RETRY_AFTER = env.int("EMAIL_RETRY_AFTER", default=120)

# Absolute links in e-mails (invitations, reminders) point here.
PORTAL_URL = env("PORTAL_URL", default="http://127.0.0.1:8000")
# The read API (Django REST framework): read-only, JSON, paginated, throttled per token and per address.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "api.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["api.permissions.ReadsLikeThePortal"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pagination",
    "DEFAULT_THROTTLE_CLASSES": ["api.throttling.AnonymousThrottle", "api.throttling.TokenThrottle"],
    "DEFAULT_VERSIONING_CLASS": "rest_framework.versioning.URLPathVersioning",
    "ALLOWED_VERSIONS": ["v1"],
    "DEFAULT_VERSION": "v1",
    "DEFAULT_SCHEMA_CLASS": "api.schema.PortalAutoSchema",
    # The client's address is REMOTE_ADDR, which TrustedProxyMiddleware has already set from trusted proxies.
    "NUM_PROXIES": 0,
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
API_THROTTLE_RATES = {
    "anonymous": env("API_ANONYMOUS_RATE", default="120/minute"),
    "token": env("API_TOKEN_RATE", default="1200/minute"),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "UNCNM Portal API",
    "DESCRIPTION": (
        "Read access to the GCM implementation data of Belarus. Anonymous clients read what the Government has "
        "published; a personal token (account page) reads what its owner reads in the portal."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# The licence of the open-data downloads and of the API's published data.
OPEN_DATA_LICENCE_NAME = env("OPEN_DATA_LICENCE_NAME", default="CC BY 4.0")
OPEN_DATA_LICENCE_URL = env("OPEN_DATA_LICENCE_URL", default="https://creativecommons.org/licenses/by/4.0/")
# The country of the open data: its ISO 3166-1 alpha-2 code (REF_AREA in SDMX) and its name.
OPEN_DATA_REF_AREA = env("OPEN_DATA_REF_AREA", default="BY")
OPEN_DATA_REF_AREA_NAME = _("Belarus")
# Invitation and password-reset links are single use and expire after this many seconds.
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=7 * 24 * 3600)

# seed_demo refuses to run where demo data is not wanted (production, by default).
DEMO_DATA_ALLOWED = env.bool("DEMO_DATA_ALLOWED", default=DEBUG)

# Sessions end after an hour without activity (each request renews them).
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=3600)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp): scripts, fonts, connections and forms from the portal
# itself only; no inline script anywhere (page scripts are static files). Inline styles stay
# allowed: the server-rendered SVG charts (pygal) carry their own <style>.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Permissions-Policy (django-permissions-policy): the portal uses none of these browser features.
PERMISSIONS_POLICY = {
    feature: []
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "fullscreen", "display-capture")
}
CSRF_FAILURE_VIEW = "uncnm_portal.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if not DEBUG:
    # Behind a TLS-terminating proxy. HTTPS=False is for a production trial over plain HTTP only
    # (README): browsers send Secure cookies back over http to localhost alone, so on any other
    # host name the login would not hold; it drops the Secure flags, the redirect and HSTS.
    HTTPS = env.bool("HTTPS", default=True)
    # Behind the TLS proxy production expects, the client is the address it forwards (see README).
    TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1 if HTTPS else 0)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000 if HTTPS else 0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
    SESSION_COOKIE_SECURE = HTTPS
    CSRF_COOKIE_SECURE = HTTPS
    LANGUAGE_COOKIE_SECURE = HTTPS
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every page it lays out at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}, "axes": {"level": "WARNING"}},
}
