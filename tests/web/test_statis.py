"""The vendored Chart.js and the dashboard script are served by the app itself (no CDN).

Kept apart from test_dasbor.py: live_server makes a transactional test, which PostgreSQL cannot flush inside
the module-wide demo transaction that those tests share (demo_per_modul).
"""

import urllib.request
from typing import Any

CHARTJS = "/static/vendor/chartjs/chart.umd.min.js"


def test_chartjs_disajikan_aplikasi(live_server: Any) -> None:
    with urllib.request.urlopen(live_server.url + CHARTJS) as jawab:  # noqa: S310 (the test server)
        assert jawab.status == 200
        isi = jawab.read()
    assert isi.startswith(b"/*!\n * Chart.js v4.")
    assert b"sourceMappingURL" not in isi
    with urllib.request.urlopen(live_server.url + "/static/web/dasbor.js") as jawab:  # noqa: S310
        assert jawab.status == 200
