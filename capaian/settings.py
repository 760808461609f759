"""One settings module. Everything that differs between machines comes from the environment."""

from pathlib import Path

import dj_database_url

from capaian.env import env_bool, env_list, env_str, secret_key_file

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(env_str("CAPAIAN_DATA_DIR", str(BASE_DIR.parent / "var")))

DEBUG = env_bool("CAPAIAN_DEBUG", False)
SECRET_KEY = env_str("CAPAIAN_SECRET_KEY", "") or secret_key_file(DATA_DIR / "secret_key")
ALLOWED_HOSTS = env_list("CAPAIAN_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    # Master data UI at /admin/ (capaian.web.admin); Simple: no autodiscovery, the web app owns the site.
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "capaian.organisasi",
    "capaian.perencanaan",
    "capaian.monev",
    "capaian.audit",
    "capaian.laporan",
    "capaian.demo",
    "capaian.web",
    "capaian.impor",
    "capaian.api",
    # Django's tasks framework stores its queue and results in the database (capaian.laporan.tugas).
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A database that cannot be had (SQLite's lock after the busy timeout) is a 503, never a 500.
    "capaian.web.sibuk.BasisDataSibukMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django's own CSP middleware: policy below, no inline script anywhere (all JS is in static files).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "capaian.urls"
WSGI_APPLICATION = "capaian.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'capaian.sqlite3'}"),
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite, the embedded default, must queue concurrent saves instead of failing them (a deadline day):
    # - IMMEDIATE: every transaction takes the write lock when it begins. A deferred transaction that began
    #   by reading cannot upgrade to a write while another holds the lock, and SQLite fails it at once
    #   without waiting ("database is locked"); select_for_update does nothing on SQLite.
    # - timeout: a connection waits up to this many seconds for the lock (SQLite's busy timeout) before
    #   giving up; capaian.web.sibuk turns that into a 503 with Retry-After.
    # - WAL: readers never wait for the writer and the writer never waits for readers; synchronous=NORMAL
    #   is WAL's durable-on-checkpoint setting (a power cut may lose the last commits, never corrupt).
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 10,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Work longer than a request (the city-wide report package) is a task in Django's tasks framework, queued
# in the database by django-tasks-db and run by `capaian db_worker`, which `capaian serve` starts.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# Django's own logging, plus each task's start and end on the console, so the worker's log says what it ran
# (Django's default sends its INFO to the console only with DEBUG).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"konsol": {"class": "logging.StreamHandler"}},
    "loggers": {"django.tasks": {"handlers": ["konsol"], "level": "INFO", "propagate": False}},
}

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

# The UI speaks Bahasa Indonesia whatever the browser asks for; numbers are formatted by the rules core.
LANGUAGE_CODE = "id"
USE_I18N = True
TIME_ZONE = "Asia/Jakarta"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"

LOGIN_URL = "/masuk/"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("CAPAIAN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Web security (capaian.web): short office sessions, no framing, a strict same-origin CSP.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}

# Where `capaian demo` reads the reference report's transcriptions (bundled with the package).
DEMO_SEED_DIR = Path(env_str("CAPAIAN_DEMO_SEED", str(BASE_DIR / "demo" / "seed")))
