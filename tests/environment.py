"""Loaded with ``-p tests.environment`` (see pyproject.toml), before Django starts.

Tests run the production code path (debug off), which requires a secret key;
HTTPS redirects are off because the test client speaks plain http.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("DJANGO_HTTPS", "0")
# Most tests log staff in with force_login; tests/humas_site/test_accounts.py
# switches two-factor enforcement on to check it.
os.environ.setdefault("DJANGO_STAFF_2FA", "0")
# Views are tested as rendered; tests/humas_site/test_page_cache.py switches
# the whole-page cache on to test it.
os.environ.setdefault("DJANGO_PAGE_CACHE_SECONDS", "0")
