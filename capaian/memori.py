"""Python's cycle collector, tuned for a process that builds reports of thousands of rows.

With CPython's default thresholds (700, 10, 10) the collector ran so often while a city's Form E.79 was built
from stored results (2,400 rows, ~10,000 model instances and their dicts, all alive until the report is
done) that it was ~45 % of that request's CPU: 430-460 ms with it, 210-300 ms with the collector off
(bench/nasional.py, --skala 0.02). The rows are freed by reference counting anyway; the collector only
finds cycles, which a request makes few of. So it runs less often, and the objects that live as long as
the process (Django, the URLconf, the apps, everything imported at start) are moved out of its way with
gc.freeze(), as CPython's documentation suggests for servers. Measured after: E.79 ~330 ms CPU, an entry
screen save ~6 % and its page ~12 % less CPU. A request's cycles are still collected, a little later."""

import gc

# Collect the youngest generation after 100,000 net allocations instead of 700; the older ones after 50
# and 100 younger collections.
AMBANG = (100_000, 50, 100)


def atur_pengumpul() -> None:
    """Called once per process when Django's apps are ready (capaian.web.apps)."""
    gc.freeze()
    gc.set_threshold(*AMBANG)
