"""Settings for the test suite: the project's own, with what only tests may cut.

- MD5 password hashing: Argon2 costs about 0.3 s per hash by design, which the demo's six users and every
  test of the real sign-in would pay; production keeps Argon2 (capaian.settings).
- SQLite tests run on a file, not in memory: the concurrency tests and the task worker's subprocess need a
  database that other connections and processes can open. One file per run, in the temporary folder, so two
  runs never share one; pytest-django creates and removes it.
"""

import os
import tempfile

from capaian.settings import *  # noqa: F403
from capaian.settings import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"capaian-test-{os.getpid()}.sqlite3"),
    }
