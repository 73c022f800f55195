"""SQL queries per public page, and EXPLAIN ANALYZE of each of them.

Every URL is requested once through Django's test Client to warm the
per-process caches (with a query string of its own, so a page cache cannot
answer the counted request), then once more inside ``CaptureQueriesContext``.
Each captured SELECT is run again with ``EXPLAIN (ANALYZE, BUFFERS)`` on the
benchmark database; sequential scans of the big tables are flagged.

Writes JSON (pages, sizes, query counts, flagged plans) to the path given as
the first argument and the plans to ``bench/results/explain.txt``; with
``--article-html PATH`` also saves the rendered article page (the static file
the benchmark compares against).
"""

import argparse
import json
import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_site.settings")

EXPLAIN_LIMIT_MS = 10_000
BIG_TABLES = {
    "news_article",
    "taggit_taggeditem",
    "news_articledailyview",
    "agendas_event",
    "meetings_meeting",
    "meetings_participant",
    "meetings_agendaitem",
}


def pick_urls():
    """The benchmarked pages plus every other public list, for the EXPLAIN."""
    from django.db.models import Count
    from django.utils import timezone
    from taggit.models import Tag

    from humas_site.models import Unit
    from news.models import Article, Category

    article = (
        Article.objects.published()
        .exclude(featured_image="")
        .annotate(n_tags=Count("tags"))
        .filter(n_tags__gte=3)
        .order_by("-published_at")[5]
    )
    tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("-n")[0]
    rare_tag = Tag.objects.annotate(n=Count("taggit_taggeditem_items")).order_by("n")[0]
    today = timezone.localdate()
    return {
        "home": "/",
        "list": "/berita/",
        "article": article.get_absolute_url(),
        "search": "/cari/?q=pemilih",
        "agenda": "/agenda/",
        # Not loaded with wrk, only counted and explained:
        "list_page_50": "/berita/?page=50",
        "category": Category.objects.get(slug="berita").get_absolute_url(),
        "tag_popular": f"/berita/tag/{tag.slug}/",
        "tag_rare": f"/berita/tag/{rare_tag.slug}/",
        "unit": Unit.objects.order_by("pk")[1].get_absolute_url(),
        "archive_month": f"/berita/arsip/{today.year}/{today.month}/",
        "search_rare": "/cari/?q=xyzzy",
        "agenda_past": "/agenda/lalu/",
        "agenda_month": f"/agenda/{today.year}/{today.month}/",
        "meetings": "/rapat/",
        "gallery": "/galeri/",
        "feed": "/feed/",
    }


def with_param(url, name, value):
    return f"{url}{'&' if '?' in url else '?'}{name}={value}"


def explain(sql):
    """The plan with real timings (second run, warm buffers); a query slower
    than the time limit gets the plan without ANALYZE and a note."""
    from django.db import OperationalError, connection, transaction

    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL statement_timeout = {EXPLAIN_LIMIT_MS}")
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)  # warm the buffers
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            return "\n".join(row[0] for row in cursor.fetchall())
    except OperationalError:
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
        return f"{plan}\nExecution Time: {EXPLAIN_LIMIT_MS} ms (over the limit: cut)"


def execution_ms(plan):
    for line in plan.splitlines():
        if line.startswith("Execution Time:"):
            return float(line.split(":")[1].split()[0])
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--article-html")
    parser.add_argument("--only", help="comma-separated page names (default: all)")
    parser.add_argument("--no-explain", action="store_true")
    parser.add_argument("--explain", default=BASE_DIR / "bench/results/explain.txt")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    urls = pick_urls()
    if args.only:
        urls = {name: url for name, url in urls.items() if name in args.only.split(",")}
    pages, report = {}, []
    for name, url in urls.items():
        client.get(with_param(url, "warm", "1"))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(with_param(url, "count", "1"))
        body = response.content
        if name == "article" and args.article_html:
            Path(args.article_html).write_bytes(body)
        selects = [
            q["sql"] for q in captured.captured_queries if q["sql"].startswith("SELECT")
        ]
        flagged, total_ms = [], 0.0
        report.append(f"=== {name}: {url} — {len(captured)} queries ===")
        for sql in [] if args.no_explain else selects:
            plan = explain(sql)
            ms = execution_ms(plan)
            total_ms += ms
            seq = sorted(
                {
                    table
                    for table in BIG_TABLES
                    if f"Seq Scan on {table} " in plan + " "
                    or f"Seq Scan on {table}\n" in plan + "\n"
                }
            )
            if seq or ms > 5:
                flagged.append({"sql": sql, "ms": ms, "seq_scans": seq})
            report += ["", sql, plan, ""]
        pages[name] = {
            "url": url,
            "status": response.status_code,
            "bytes": len(body),
            "queries": len(captured),
            "sql_ms": round(total_ms, 2),
            "flagged": flagged,
        }
    if not args.no_explain:
        Path(args.explain).write_text("\n".join(report) + "\n")
    Path(args.output).write_text(json.dumps(pages, indent=2))


if __name__ == "__main__":
    main()
