"""Settings for the test suite: the project's own, with what only tests may cut.

- MD5 password hashing: Argon2 costs about 0.3 s per hash by design, which the demo's six users and every
  test of the real sign-in would pay; production keeps Argon2 (capaian.settings).
- SQLite tests run on a file, not in memory: the concurrency tests and the task worker's subprocess need a
  database that other connections and processes can open. One file per run, in the temporary folder, so two
  runs never share one; pytest-django creates and removes it.
- DATA_DIR (evidence, uploads, trial imports, ...) is a temporary folder of this process, removed when it
  ends, not the work tree's var/: pytest-xdist runs the suite in several processes at once, and none may
  find another's files. A subprocess started by a test inherits the folder through CAPAIAN_DATA_DIR unless
  the test gives it one of its own.
"""

import atexit
import os
import shutil
import tempfile

if not os.environ.get("CAPAIAN_DATA_DIR"):
    os.environ["CAPAIAN_DATA_DIR"] = tempfile.mkdtemp(prefix="capaian-uji-data-")
    atexit.register(shutil.rmtree, os.environ["CAPAIAN_DATA_DIR"], ignore_errors=True)
# An xdist worker inherits the main process's folder: it takes a folder of its own inside it (once; the
# processes it starts see the mark and keep what they are given).
_pekerja = os.environ.get("PYTEST_XDIST_WORKER", "")
if _pekerja and os.environ.get("CAPAIAN_UJI_PEKERJA") != _pekerja:
    os.environ["CAPAIAN_DATA_DIR"] = os.path.join(os.environ["CAPAIAN_DATA_DIR"], _pekerja)
    os.makedirs(os.environ["CAPAIAN_DATA_DIR"], exist_ok=True)
    os.environ["CAPAIAN_UJI_PEKERJA"] = _pekerja

from capaian.settings import *  # noqa: E402, F403
from capaian.settings import DATABASES  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"capaian-test-{os.getpid()}.sqlite3"),
    }
