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
    "capaian.rpjmd",
    "capaian.kota",
    "capaian.audit",
    "capaian.laporan",
    "capaian.demo",
    "capaian.web",
    "capaian.impor",
    "capaian.api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
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
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

# E-mail (reminders to agencies, capaian.kota.pengingat). Without CAPAIAN_EMAIL_HOST messages are written to
# the console (the server's output); with it they go out over SMTP. Tests use Django's in-memory outbox.
EMAIL_HOST = env_str("CAPAIAN_EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "CAPAIAN_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = int(env_str("CAPAIAN_EMAIL_PORT", "587"))
EMAIL_HOST_USER = env_str("CAPAIAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_str("CAPAIAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("CAPAIAN_EMAIL_TLS", True)
EMAIL_USE_SSL = env_bool("CAPAIAN_EMAIL_SSL", False)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("CAPAIAN_EMAIL_FROM", "Capaian <capaian@localhost>")
