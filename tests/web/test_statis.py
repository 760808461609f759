"""The vendored Chart.js and the dashboard script are served by the app itself (no CDN).

Kept apart from test_dasbor.py: live_server makes a transactional test, which PostgreSQL cannot flush inside
the module-wide demo transaction that those tests share (demo_per_modul).
"""

import urllib.request
from typing import Any

from django.db import connections

CHARTJS = "/static/vendor/chartjs/chart.umd.min.js"


def test_chartjs_disajikan_aplikasi(live_server: Any) -> None:
    with urllib.request.urlopen(live_server.url + CHARTJS) as jawab:  # noqa: S310 (the test server)
        assert jawab.status == 200
        isi = jawab.read()
    assert isi.startswith(b"/*!\n * Chart.js v4.")
    assert b"sourceMappingURL" not in isi
    with urllib.request.urlopen(live_server.url + "/static/web/dasbor.js") as jawab:  # noqa: S310
        assert jawab.status == 200


def test_jalur_yang_keluar_dari_folder_statis_404() -> None:
    """What `capaian serve` serves (capaian.web.statis): a climbing path is a missing file, not a 500."""
    from wsgiref.util import setup_testing_defaults

    from capaian.web.statis import BerkasStatis
    from capaian.wsgi import application

    # The application's request_started closes unusable connections, which reads an open one; this test has
    # no database access, so it starts from none open, as it does when it runs after the transactional
    # tests (pytest-django's order) and not after an ordinary database test (as xdist may run it).
    connections.close_all()
    aplikasi = BerkasStatis(application)
    for jalur in ["/static/../settings.py", "/static/web/../../../../etc/passwd", "/static/tidak-ada.css"]:
        lingkungan: dict[str, Any] = {}
        setup_testing_defaults(lingkungan)
        lingkungan["PATH_INFO"] = jalur
        status: list[str] = []
        isi = b"".join(aplikasi(lingkungan, lambda s, kepala, *_, status=status: status.append(s)))
        assert status == ["404 Not Found"], (jalur, status)
        assert b"root:" not in isi
