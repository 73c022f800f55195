"""Every link and button is a big enough target on a phone (WCAG 2.2 SC 2.5.8).

A 360 px Chromium measures the bounding box of every visible link, button and
summary on the pages the accessibility checker flagged. A target smaller than
24 × 24 CSS px passes only under the exception axe-core's `target-size` rule
applies to inline links: an inline link inside a line of text ("... lihat
<a>halaman ini</a> ..."), whose size is set by the text around it. Targets of
their own (breadcrumbs, menus, buttons, lists of links) get no exception.
"""

import pytest
from django.core.management import call_command

from tests.demo_pages import reader_paths

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

SMALL_TARGETS = """() => {
  const MIN = 24;
  const targets = document.querySelectorAll(
    'a[href], button, summary, input[type=submit], input[type=button], [role=button]'
  );
  // axe-core's exception: an inline target in a block of text.
  const blockOf = (el) => {
    let node = el.parentElement;
    while (node && getComputedStyle(node).display.startsWith('inline')) {
      node = node.parentElement;
    }
    return node;
  };
  const inSentence = (el) => {
    if (!getComputedStyle(el).display.startsWith('inline')) return false;
    const block = blockOf(el);
    if (!block) return false;
    const copy = block.cloneNode(true);
    copy.querySelectorAll('a, button, summary, input').forEach((t) => t.remove());
    return /[A-Za-z0-9À-ž]{2,}/.test(copy.textContent);
  };
  const problems = [];
  for (const el of targets) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right <= 0 || box.bottom <= 0) continue;  // moved off screen (skip link)
    if (box.width >= MIN - 0.01 && box.height >= MIN - 0.01) continue;
    if (inSentence(el)) continue;
    problems.push(
      `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}" `
      + `${box.width.toFixed(1)}×${box.height.toFixed(1)}`
    );
  }
  return problems;
}"""


def test_every_link_and_button_is_at_least_24_px_on_a_phone(live_server, browser):
    call_command("seed_demo")
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    problems = {}
    for path in reader_paths():
        page.goto(live_server.url + path)
        small = page.evaluate(SMALL_TARGETS)
        if small:
            problems[path] = small
    context.close()
    assert problems == {}, "\n".join(f"{p}: {s}" for p, s in problems.items())
