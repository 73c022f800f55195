"""Content integrity: signs that published pages were injected with spam.

Defaced Indonesian government sites typically carry online-gambling text
("slot gacor", "togel"), links to betting domains, content hidden from readers
but visible to search engines, or pages that show search-engine crawlers
something else than people (cloaking), and rows changed straight in the
database. ``scan()`` looks for all of them in what the public can see;
``manage.py check_integrity`` runs it from cron.
"""

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.flatpages.models import FlatPage
from django.test import Client

from .contributions import contributors
from .models import InstitutionProfile

GAMBLING = re.compile(
    r"\b(slot\s*(gacor|online|88|thailand|deposit|demo|maxwin)|gacor|maxwin|togel"
    r"|toto\s*(gelap|macau|online)|judi\s*(online|bola|slot|togel)|situs\s*slot"
    r"|rtp\s*(live|slot)|scatter\s*hitam|sbobet|bandar\s*(togel|judi|slot|bola)"
    r"|pragmatic\s*play|kakek\s*zeus|sweet\s*bonanza|mahjong\s*ways|link\s*alternatif"
    r"|bonus\s*new\s*member|deposit\s*(pulsa|dana)|jackpot|casino|kasino)\b",
    re.IGNORECASE,
)
HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0"
    r"|(left|top|text-indent)\s*:\s*-\d{3,}|height\s*:\s*0|width\s*:\s*0",
    re.IGNORECASE,
)
# Official and social domains that published content may link to.
DEFAULT_ALLOWED_DOMAINS = [
    "go.id",
    "facebook.com",
    "instagram.com",
    "x.com",
    "twitter.com",
    "youtube.com",
    "youtu.be",
    "youtube-nocookie.com",
    "tiktok.com",
    "wa.me",
    "whatsapp.com",
    "t.me",
]
BROWSER_UA = (
    "Mozilla/5.0 (Linux; Android 14; SM-A155F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"
)
GOOGLEBOT_UA = (
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
)


@dataclass(frozen=True)
class Finding:
    kind: str  # "judi", "tautan", "tersembunyi", "revisi", "cloaking"
    where: str
    detail: str

    def __str__(self):
        return f"[{self.kind}] {self.where}: {self.detail}"


class _Markup(HTMLParser):
    """Collects links and elements hidden by attributes from a fragment."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links, self.anchors, self.hidden, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.anchors.append(attrs["href"])
        for name in ("href", "src", "action"):
            if attrs.get(name):
                self.links.append(attrs[name])
        style = attrs.get("style") or ""
        if "hidden" in attrs or HIDDEN_STYLE.search(style):
            self.hidden.append(f"<{tag} {style or 'hidden'}>")

    def handle_data(self, data):
        self.text.append(data)


def parse(html):
    parser = _Markup()
    parser.feed(html or "")
    return parser


def allowed_domains():
    hosts = [h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")]
    profile = InstitutionProfile.objects.current()
    socials = [urlsplit(url).hostname or "" for _label, url in profile.social_links]
    extra = getattr(settings, "INTEGRITY_ALLOWED_DOMAINS", [])
    return {
        d.lower().removeprefix("www.")
        for d in [*DEFAULT_ALLOWED_DOMAINS, *hosts, *socials, *extra]
        if d
    }


def is_allowed(url, domains):
    parts = urlsplit(url.strip())
    if parts.scheme in ("", "mailto", "tel") and not parts.netloc:
        return True  # relative links and contact links stay on the site
    host = (parts.hostname or "").lower().removeprefix("www.")
    return any(host == d or host.endswith("." + d) for d in domains)


def check_fragment(where, html, domains):
    """Findings in one stored piece of content (title, body, minutes …)."""
    markup = parse(html)
    findings = []
    text = " ".join(markup.text)
    for match in {m.group(0).lower() for m in GAMBLING.finditer(text)}:
        findings.append(Finding("judi", where, f"kata “{match}”"))
    for link in markup.links:
        if not is_allowed(link, domains):
            findings.append(Finding("tautan", where, f"tautan ke domain asing {link}"))
        elif GAMBLING.search(link):
            findings.append(Finding("judi", where, f"tautan {link}"))
    for element in markup.hidden:
        findings.append(Finding("tersembunyi", where, f"elemen tersembunyi {element}"))
    return findings


def content_sources():
    """(label, objects, fields) for every kind of public content: the pages,
    then what each app declares (``integrity_sources()`` on its AppConfig)."""
    return [
        ("Halaman", FlatPage.objects.all(), ["title", "content"]),
        *(
            source
            for config in contributors("integrity_sources")
            for source in config.integrity_sources()
        ),
    ]


def scan_content():
    domains = allowed_domains()
    findings = []
    for label, objects, fields in content_sources():
        for obj in objects.only("pk", *fields).iterator():
            where = f"{label} #{obj.pk} “{obj}”"
            for field in fields:
                findings += check_fragment(
                    f"{where} ({field})", getattr(obj, field), domains
                )
    return findings


def public_urls(limit=None):
    """The home page, the pages and what the apps declare
    (``integrity_urls(limit)`` on their AppConfig)."""
    return [
        "/",
        *(page.url for page in FlatPage.objects.all()),
        *(
            url
            for config in contributors("integrity_urls")
            for url in config.integrity_urls(limit)
        ),
    ]


def visible(html):
    """What a visitor sees of a page: its text and its links, in order."""
    markup = parse(html)
    text = " ".join(" ".join(markup.text).split())
    return text, markup.anchors


def scan_cloaking(limit=None):
    """Fetch public pages as a phone browser and as Googlebot; flag differences."""
    host = next(
        (
            h
            for h in settings.ALLOWED_HOSTS
            if h not in ("*", "") and not h.startswith(".")
        ),
        "localhost",
    )
    secure = getattr(settings, "SECURE_SSL_REDIRECT", False)
    findings = []
    for url in public_urls(limit):
        pages = []
        for agent in (BROWSER_UA, GOOGLEBOT_UA):
            response = Client(HTTP_HOST=host, HTTP_USER_AGENT=agent).get(
                url, secure=secure
            )
            pages.append(
                (
                    response.status_code,
                    visible(response.content.decode(errors="replace")),
                )
            )
        (
            (browser_status, (browser_text, browser_links)),
            (bot_status, (bot_text, bot_links)),
        ) = pages
        if browser_status != bot_status:
            findings.append(
                Finding(
                    "cloaking",
                    url,
                    f"status {browser_status} vs Googlebot {bot_status}",
                )
            )
        elif browser_text != bot_text or browser_links != bot_links:
            extra = sorted(set(bot_links) - set(browser_links))[:3]
            detail = "Googlebot melihat isi berbeda"
            findings.append(
                Finding(
                    "cloaking", url, detail + (f": {', '.join(extra)}" if extra else "")
                )
            )
    return findings


def scan(cloaking=True, limit=None):
    findings = scan_content()
    # The apps' own checks (``integrity_scans()`` on their AppConfig).
    for config in contributors("integrity_scans"):
        for check in config.integrity_scans():
            findings += check()
    if cloaking:
        findings += scan_cloaking(limit)
    return findings
