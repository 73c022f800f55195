"""Settings for Humas CMS.

Every deployment difference comes from an environment variable with a safe
default (see the README's configuration table). Nothing here is secret.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        # A generated key would differ per worker and per restart, breaking
        # sessions and CSRF tokens, so production must set one explicitly.
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY belum diatur. Set DJANGO_SECRET_KEY to a long random "
            "value (python -c 'import secrets; print(secrets.token_urlsafe(50))') "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", "")

# Third-party apps with Indonesian names are subclassed in humas_site/apps.py.
INSTALLED_APPS = [
    "humas_site",
    "news",
    "humas_site.apps.CommentsConfig",
    "agendas",
    "meetings",
    "humas_site.apps.HumasAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "csp",
    "django_prose_editor",
    "imagekit",
    "humas_site.apps.TaggitConfig",
    "simple_history",
    "django_otp",
    "humas_site.apps.StaticDeviceConfig",
    "humas_site.apps.TOTPDeviceConfig",
    "two_factor",
    "humas_site.apps.AxesConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "humas_site.middleware.BlockProbesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Compresses text responses (the ETag below is computed on the plain body).
    "humas_site.middleware.CompressTextMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "humas_site.page_cache.PublicPageCacheMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "humas_site.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "humas_site.middleware.IndonesianFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Keeps the request for revisions (who saved) and the audit log (who
    # acted); staff accounts must replace an administrator-set password
    # before working.
    "simple_history.middleware.HistoryRequestMiddleware",
    "humas_site.staff.StaffAccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "humas_site.middleware.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
    "humas_site.logins.LoginDeviceCookieMiddleware",
]

ROOT_URLCONF = "humas_site.urls"
# A failed CSRF check shows the site's own 403 page in Indonesian, not
# Django's bare technical page.
CSRF_FAILURE_VIEW = "humas_site.views.csrf_failure"
WSGI_APPLICATION = "humas_site.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "humas_site.context_processors.site_frame",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL says otherwise
# (postgres://… in production and CI).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # django-redis rather than Django's built-in backend: with IGNORE_EXCEPTIONS
    # a Redis outage makes pages slower (cache misses), never error pages.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("DJANGO_CACHE_PREFIX", "humas"),
            "OPTIONS": {
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
                "IGNORE_EXCEPTIONS": True,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "humas",
        }
    }

# Anonymous public pages are cached whole (humas_site/page_cache.py) for this
# many seconds server-side, and by browsers and CDNs for PAGE_BROWSER_MAX_AGE.
PAGE_CACHE_SECONDS = int(os.environ.get("DJANGO_PAGE_CACHE_SECONDS", "300"))
PAGE_BROWSER_MAX_AGE = int(os.environ.get("DJANGO_PAGE_MAX_AGE", "60"))

_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]

# Indonesian first; English is available through the language switcher.
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE") or os.environ.get(
    "TIME_ZONE", "Asia/Jakarta"
)
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Uploads are served by the reverse proxy (docs/nginx.conf) or object storage.
# DJANGO_SERVE_MEDIA=1 lets the application serve MEDIA_ROOT itself, for local
# tries of the production configuration (`make serve` without a proxy) only;
# debug mode always does.
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", default=DEBUG)
STORAGES = {
    # FileSystemStorage that removes a half-written file when the disk is full.
    "default": {"BACKEND": "humas_site.storage.MediaStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# A file missing from the manifest (tests, or before collectstatic) falls back
# to its unhashed name instead of turning the page into a 500.
WHITENOISE_MANIFEST_STRICT = False
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365 if not DEBUG else 0
FILE_UPLOAD_PERMISSIONS = 0o644
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

ADMIN_URL = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip("/") + "/"
LOGIN_URL = "two_factor:login"
LOGIN_REDIRECT_URL = "admin:index"

# Accounts: TOTP two-factor for every staff account when debug is off (in the
# local demo it is offered, not forced), lockout after repeated failures.
STAFF_2FA_REQUIRED = env_bool("DJANGO_STAFF_2FA", default=not DEBUG)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Lockouts are per username *and* address (a stranger's failures lock only
# the stranger's own address); beyond that, many failures for one username
# from anywhere slow its logins down instead of locking it, and a browser
# that has logged in to the account before is not slowed (humas_site.logins,
# README "Login lockout").
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
AXES_HANDLER = "humas_site.logins.LoginThrottleHandler"
AXES_LOCKOUT_CALLABLE = "humas_site.logins.lockout_response"
# After this many failures for one username (all addresses) within the window,
# that username gets one password attempt per delay from unknown browsers.
LOGIN_USERNAME_THROTTLE_FAILURES = int(
    os.environ.get("DJANGO_LOGIN_USERNAME_THROTTLE", "20")
)
LOGIN_USERNAME_THROTTLE_WINDOW = 60 * 60
LOGIN_USERNAME_THROTTLE_DELAY = 30
# The client address for lockouts, rate limits, view counts and the audit
# log: REMOTE_ADDR, or behind DJANGO_PROXY_COUNT reverse proxies that each
# append to X-Forwarded-For the entry the outermost one appended
# (humas_site.clients; the docs/nginx.conf setup is DJANGO_PROXY_COUNT=1).
try:
    PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT") or "0")
except ValueError:
    PROXY_COUNT = -1
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "DJANGO_PROXY_COUNT harus bilangan bulat 0 atau lebih: the number of "
        "reverse proxies in front that append to X-Forwarded-For (1 for nginx)."
    )
AXES_CLIENT_IP_CALLABLE = "humas_site.clients.client_ip"
TWO_FACTOR_PATCH_ADMIN = False
OTP_TOTP_ISSUER = os.environ.get("DJANGO_OTP_ISSUER", "Humas CMS")

# Security headers. HTTPS-only behaviour depends on how TLS is terminated,
# so it follows DJANGO_HTTPS (on by default when debug is off).
HTTPS = env_bool("DJANGO_HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = (
    int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000")) if HTTPS else 0
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=HTTPS)
# X-Forwarded-Proto is trusted only from the proxies DJANGO_PROXY_COUNT
# declares (checked by humas_site.checks when both are set by hand).
if env_bool("DJANGO_PROXY_SSL_HEADER", default=PROXY_COUNT > 0):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
# Staff sessions end after two hours without activity.
SESSION_COOKIE_AGE = 60 * 60 * 2
SESSION_SAVE_EVERY_REQUEST = True
if REDIS_URL:
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# No inline script or style anywhere, no third-party sources; the only
# exception is the YouTube player, framed after the reader clicks.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"] + env_list("DJANGO_CSP_MEDIA_ORIGINS", ""),
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"] + env_list("DJANGO_CSP_MEDIA_ORIGINS", ""),
        "frame-src": ["https://www.youtube-nocookie.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Uploads (and their image renditions) on S3-compatible object storage
# (django-storages) when a bucket is configured, for servers that share no
# disk; the local MEDIA_ROOT otherwise. Credentials come from the standard
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables (or an instance role).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    # Public media: plain, cacheable URLs rather than expiring signed ones.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", default=False)
    # The bucket policy decides who reads; never set per-object ACLs.
    AWS_DEFAULT_ACL = None
    # Random upload names already; never replace an existing object.
    AWS_S3_FILE_OVERWRITE = False
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Pages show images from the bucket (or its CDN): allow that origin.
    if AWS_S3_CUSTOM_DOMAIN:
        _media_origins = [f"https://{AWS_S3_CUSTOM_DOMAIN.split('/')[0]}"]
    elif AWS_S3_ENDPOINT_URL:
        _endpoint = AWS_S3_ENDPOINT_URL.split("/")
        _media_origins = ["/".join(_endpoint[:3])]
    else:
        _media_origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if AWS_S3_REGION_NAME:
            _media_origins.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}"
                ".amazonaws.com"
            )
    for _directive in ("img-src", "media-src"):
        CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive] += [
            origin
            for origin in _media_origins
            if origin not in CONTENT_SECURITY_POLICY["DIRECTIVES"][_directive]
        ]

PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
    )
}

EMAIL_BACKEND = os.environ.get(
    "DJANGO_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "humas@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("DJANGO_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = 10

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO"),
    },
}

# Reader comments (django-contrib-comments): the model, form and moderation
# live in the news app (news.ArticleComment, news/comments.py).
COMMENTS_APP = "news"
