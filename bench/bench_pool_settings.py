"""Benchmark-only settings: psycopg 3's connection pool instead of persistent
connections (``python bench/run.py --settings bench_pool_settings``)."""

from humas_site.settings import *  # noqa: F403
from humas_site.settings import DATABASES

# Django refuses persistent connections together with the pool.
DATABASES["default"]["CONN_MAX_AGE"] = 0
DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": 2}
