"""No axe-core violations on the reader's pages, on a phone and a desktop.

axe-core (the engine of the accessibility checkers readers' tools use, bundled
with axe-playwright-python: nothing is downloaded) runs in Debian's Chromium on
the demo site's pages, against WCAG 2.0/2.1/2.2 A and AA and axe's own best
practices.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from tests.demo_pages import reader_paths

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

RULESETS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.parametrize("width", [360, 1280])
def test_reader_pages_have_no_axe_violations(live_server, browser, width):
    call_command("seed_demo")
    context = browser.new_context(
        locale="id-ID", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    axe = Axe()
    found = {}
    for path in [*reader_paths(), "/halaman-yang-tidak-ada/"]:
        page.goto(live_server.url + path)
        results = axe.run(
            page,
            options={
                "runOnly": {"type": "tag", "values": RULESETS},
                "resultTypes": ["violations"],
            },
        )
        violations = results.response["violations"]
        if violations:
            found[path] = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])}×, e.g. "
                f"{v['nodes'][0]['target']})"
                for v in violations
            ]
    context.close()
    assert found == {}, "\n".join(f"{p}: {v}" for p, v in found.items())


def test_the_checker_reports_a_missing_alt_text(live_server, page):
    """The check above can fail: an image without alt text is reported."""
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.querySelector('main').append(Object.assign("
        "document.createElement('img'), {src: '/static/x.png'}))"
    )
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": RULESETS}})
    assert "image-alt" in [v["id"] for v in results.response["violations"]]
