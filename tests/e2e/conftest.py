"""Browser tests: Debian's Chromium driven by Playwright (no downloaded browsers)."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that same thread are safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: apt-get install chromium")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); CI is unset")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(
        locale="id-ID", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(autouse=True)
def plain_static_urls(settings):
    """Unhashed static URLs, which the live server finds in the source folders.

    live_server serves static files through the finders, which do not know the
    session's hashed (collected) names: without this, pages would be tested
    without their stylesheet and script.
    """
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {
            "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        },
    }
