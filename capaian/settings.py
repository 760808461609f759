"""One settings module. Everything that differs between machines comes from the environment."""

import datetime
from pathlib import Path

import dj_database_url

from capaian.env import env_bool, env_int, env_list, env_str, secret_key_file

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
    "capaian.rpjmd",
    "capaian.kota",
    "capaian.hasil",
    "capaian.audit",
    "capaian.laporan",
    "capaian.demo",
    "capaian.web",
    "capaian.impor",
    "capaian.api",
    "capaian.cadangan",
    # Django's tasks framework stores its queue and results in the database (capaian.laporan.tugas).
    "django_tasks_db",
    # The JSON API (capaian.api) is built on Django Ninja; listed as an app so its bundled Swagger UI files
    # are served from /static/ (no CDN).
    "ninja",
    # Login lockout for the web sign-in and the API token (settings below).
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "capaian.web.sesi.SesiBergeserMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "capaian.web.tanpa_simpan.TanpaSimpanMiddleware",
    # The audit trail's door (web, api, admin) for everything the request changes.
    "capaian.web.pintu.PintuMiddleware",
    # A database that cannot be had (SQLite's lock after the busy timeout) is a 503, never a 500.
    "capaian.web.sibuk.BasisDataSibukMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Django's own CSP middleware: policy below, no inline script anywhere (all JS is in static files).
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes requires: it turns a locked-out sign-in into the lockout answer.
    "axes.middleware.AxesMiddleware",
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
                "capaian.web.sesi.konteks_sesi",
            ],
        },
    },
    # Jinja2 renders only the entry screen's rows (capaian/web/jinja2/): 57 rows of about 80 values each cost
    # ~45 ms of CPU in Django's template language, about half of the page, and ~4 ms in Jinja2
    # (capaian.web.jinja for why and how it matches Django's escaping and filters).
    {
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"environment": "capaian.web.jinja.lingkungan"},
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
# A PostgreSQL streaming replica for the pages that only read (capaian.replika); none by default.
if env_str("DATABASE_REPLICA_URL", ""):
    DATABASES["replika"] = {
        **dj_database_url.parse(env_str("DATABASE_REPLICA_URL", ""), conn_max_age=60),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["capaian.replika.RouterReplika"]
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
    "loggers": {
        "django.tasks": {"handlers": ["konsol"], "level": "INFO", "propagate": False},
        # A server error with its traceback, and a request refused as suspicious (400), on the console
        # whatever DEBUG says: Django's default sends them only to ADMINS by mail, so a production server
        # logged nothing of a 500 (found by make bench-beban, which reads the server's log).
        "django.request": {"handlers": ["konsol"], "level": "ERROR", "propagate": False},
        "django.security": {"handlers": ["konsol"], "level": "WARNING", "propagate": False},
    },
}
# django-axes first: it refuses a locked-out (username, address) before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

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
# Served over HTTPS (README, "Serving"): CAPAIAN_SECURE_COOKIES=1 sends the session and CSRF cookies only over
# HTTPS. Behind a reverse proxy that ends TLS, CAPAIAN_PROXY_HTTPS=1 trusts its X-Forwarded-Proto header (set
# it only when the proxy always sets or strips that header) and implies secure cookies.
PROXY_HTTPS = env_bool("CAPAIAN_PROXY_HTTPS", False)
if PROXY_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("CAPAIAN_SECURE_COOKIES", PROXY_HTTPS)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# API tokens live this many days (capaian.api.models.ApiToken), then a script signs in again.
CAPAIAN_API_TOKEN_HARI = env_int("CAPAIAN_API_TOKEN_HARI", 30)

# Web security (capaian.web): short office sessions, no framing, a strict same-origin CSP.
# A sliding session (capaian.web.sesi): it ends this long after the last request, not after signing in.
SESSION_COOKIE_AGE = env_int("CAPAIAN_SESI_MENIT", 120) * 60
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

# Login lockout (django-axes) for both doors, the web sign-in (capaian.web.masuk) and POST /api/auth/token:
# 5 failures for one username from one address lock that pair for 15 minutes; never per address alone (an
# office shares one address) and never per username alone (anyone could lock out a colleague). Usernames
# are compared case-insensitively. A success clears the pair's failures; attempts while locked are not
# counted, so the lock ends 15 minutes after the fifth failure.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "capaian.web.masuk.nama_untuk_penguncian"
AXES_CLIENT_IP_CALLABLE = "capaian.web.masuk.alamat_klien"
AXES_LOCKOUT_CALLABLE = "capaian.web.masuk.jawaban_terkunci"
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# The axes admin pages are not limited per pemda like the project's admin (capaian.organisasi.akses).
AXES_ENABLE_ADMIN = False
# No row per successful sign-in: nothing shows it (the axes admin is off), it would grow without end, and it
# would cost every login, the tests' force_login included, an INSERT. Failures are still recorded.
AXES_DISABLE_ACCESS_LOG = True
# The client address the lockout counts by. REMOTE_ADDR is right when `capaian serve` faces the clients.
# Behind a reverse proxy every client has the proxy's address, so the lockout would be per username only:
# set CAPAIAN_ALAMAT_KLIEN_META to the request.META key of the header the proxy sets to the client's
# address (for example HTTP_X_REAL_IP with nginx's `proxy_set_header X-Real-IP $remote_addr;`). Set it only
# behind a proxy that overwrites that header: a client can send any header it likes to a server it reaches
# directly, and pick a fresh "address" for every guess.
ALAMAT_KLIEN_META = env_str("CAPAIAN_ALAMAT_KLIEN_META", "REMOTE_ADDR")

# E-mail (reminders to agencies, capaian.kota.pengingat). Without CAPAIAN_EMAIL_HOST messages are written to
# the console (the server's output); with it they go out over SMTP. Tests use Django's in-memory outbox.
_EMAIL_HOST = env_str("CAPAIAN_EMAIL_HOST", "")
_EMAIL_SMTP = "django.core.mail.backends.smtp.EmailBackend"
_EMAIL_KONSOL = "django.core.mail.backends.console.EmailBackend"
_EMAIL_BACKEND = env_str("CAPAIAN_EMAIL_BACKEND", _EMAIL_SMTP if _EMAIL_HOST else _EMAIL_KONSOL)
MAILERS = {
    "default": {
        "BACKEND": _EMAIL_BACKEND,
        "OPTIONS": {
            "host": _EMAIL_HOST,
            "port": int(env_str("CAPAIAN_EMAIL_PORT", "587")),
            "username": env_str("CAPAIAN_EMAIL_USER", ""),
            "password": env_str("CAPAIAN_EMAIL_PASSWORD", ""),
            "use_tls": env_bool("CAPAIAN_EMAIL_TLS", True),
            "use_ssl": env_bool("CAPAIAN_EMAIL_SSL", False),
            "timeout": 20,
        }
        if _EMAIL_BACKEND == _EMAIL_SMTP
        else {},
    }
}
DEFAULT_FROM_EMAIL = env_str("CAPAIAN_EMAIL_FROM", "Capaian <capaian@localhost>")
