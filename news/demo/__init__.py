"""Demo news for the fictional KPU Kabupaten Sukamaju.

All names, places and events are invented. ``seed`` is idempotent: categories
and articles are keyed on their slug, photos are generated only when missing,
and the daily view counts of the last two weeks are rewritten in place.
"""

import datetime
import json
import random
from html import escape
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

from humas_site.demo import demo_image, update_if_changed
from humas_site.models import Unit

from ..models import Article, ArticleDailyView, ArticlePhoto, Category

CATEGORIES = [
    ("Berita", "berita", "Kegiatan dan kabar terbaru KPU Kabupaten Sukamaju."),
    ("Siaran Pers", "siaran-pers", "Siaran pers resmi untuk media massa."),
    ("Artikel/Opini", "artikel-opini", "Tulisan jajaran KPU tentang kepemiluan."),
    ("Pengumuman", "pengumuman", "Pengumuman resmi kepada masyarakat."),
    (
        "Klarifikasi Hoaks",
        "klarifikasi-hoaks",
        "Penjelasan atas kabar bohong seputar pemilu yang beredar di masyarakat.",
    ),
]

WRITERS = ["Dimas Prasetyo", "Siti Marlina", "Agus Salim Harahap", "Rina Wulandari"]
EDITOR = "Rina Wulandari"
PHOTOGRAPHERS = ["Fajar Nugroho", "Siti Marlina", "Yoga Pratama"]

# Each article: slug, title, category, unit, tags, days ago (negative = in the
# future), lead, body blocks, and optional flags. Blocks: ("p", text),
# ("h", subheading), ("q", quote, speaker), ("ul"/"ol", [items]).
# The demo articles are data (``articles.json`` beside this module): each has
# its slug, title, category and unit slugs, tags, "days" before today, lead and
# body "blocks" (["p", html], ["h", text], ["q", quote, who], ["ul"/"ol",
# items], ["table", rows]).
ARTICLES = json.loads((Path(__file__).parent / "articles.json").read_text("utf-8"))


def _body(blocks):
    html = []
    for block in blocks:
        kind = block[0]
        if kind == "p":
            html.append(f"<p>{block[1]}</p>")
        elif kind == "h":
            html.append(f"<h2>{escape(block[1])}</h2>")
        elif kind == "q":
            html.append(
                f"<blockquote><p>“{escape(block[1])}”</p>"
                f"<p>— {escape(block[2])}</p></blockquote>"
            )
        elif kind in ("ul", "ol"):
            items = "".join(f"<li><p>{item}</p></li>" for item in block[1])
            html.append(f"<{kind}>{items}</{kind}>")
        elif kind == "table":
            head, *rows = block[1]
            cells = "".join(f"<th><p>{escape(c)}</p></th>" for c in head)
            body = "".join(
                "<tr>" + "".join(f"<td><p>{escape(c)}</p></td>" for c in row) + "</tr>"
                for row in rows
            )
            html.append(f"<table><tbody><tr>{cells}</tr>{body}</tbody></table>")
    return "".join(html)


def _published_at(days, index):
    """``days`` before today at a varied office hour, in the site's time zone."""
    today = timezone.localdate()
    hour = datetime.time(7 + index % 9, (index * 7) % 60)
    local = datetime.datetime.combine(today - datetime.timedelta(days=days), hour)
    return timezone.make_aware(local)


def seed(stdout):
    _seed_articles(stdout)
    _seed_workflow(stdout)
    _seed_comments(stdout)


def _seed_articles(stdout):
    categories = {}
    for order, (name, slug, description) in enumerate(CATEGORIES):
        categories[slug], _ = Category.objects.update_or_create(
            slug=slug,
            defaults={"name": name, "description": description, "order": order},
        )
    units = {unit.slug: unit for unit in Unit.objects.all()}
    author = get_user_model().objects.filter(username="kontributor").first()
    today = timezone.localdate()
    created = photos = 0
    for index, data in enumerate(ARTICLES):
        rng = random.Random(data["slug"])
        defaults = {
            "title": data["title"],
            "lead": data["lead"],
            "body": _body(data["blocks"]),
            "category": categories[data["category"]],
            "unit": units.get(data["unit"]),
            "writer": WRITERS[index % len(WRITERS)],
            "editor": EDITOR,
            "photographer": PHOTOGRAPHERS[index % len(PHOTOGRAPHERS)],
            "status": data.get("status", Article.Status.PUBLISHED),
            "published_at": _published_at(data["days"], index),
            "is_headline": data.get("headline", False),
            "video_url": data.get("video", ""),
            "image_caption": "Dokumentasi kegiatan: "
            + data["title"].split(",")[0].removeprefix("[Klarifikasi] ")[:150],
            "image_credit": "dok. Humas KPU Sukamaju",
        }
        # Saved only when new or changed, so each article gets its first
        # revision once and running the seed again adds no rows.
        article, was_created = update_if_changed(Article, data["slug"], defaults)
        created += was_created
        if author and not article.created_by_id:
            Article.objects.filter(pk=article.pk).update(created_by=author)
        article.tags.set(data["tags"])
        if not article.featured_image:
            article.featured_image.save(
                "foto.jpg",
                demo_image(data["title"], size=(1600, 1067), seed=index),
                save=True,
            )
        if data.get("gallery") and not article.photos.exists():
            for number in range(data["gallery"]):
                ArticlePhoto.objects.create(
                    article=article,
                    image=demo_image(
                        f"Dokumentasi {number + 1}",
                        size=(1200, 800),
                        seed=index * 10 + number,
                    ),
                    caption=f"{data['title'].split(',')[0][:120]} (foto {number + 1})",
                    credit=PHOTOGRAPHERS[number % len(PHOTOGRAPHERS)],
                    order=number,
                )
                photos += 1
        if article.is_published_now():
            # The last two weeks of daily counts, rewritten in place so that
            # running the seed again changes no row count.
            total = 0
            popularity = rng.randint(5, 120) * (3 if data["days"] < 7 else 1)
            for offset in range(14):
                day = today - datetime.timedelta(days=offset)
                if day < article.published_at.date():
                    continue
                views = max(0, int(popularity * rng.uniform(0.2, 1.2)))
                total += views
                ArticleDailyView.objects.update_or_create(
                    article=article, date=day, defaults={"views": views}
                )
            Article.objects.filter(pk=article.pk).update(
                views_count=total + rng.randint(0, 400) * (data["days"] > 14)
            )
    published = Article.objects.published().count()
    stdout.write(
        f"Berita: {len(ARTICLES)} artikel ({created} baru, {published} tayang), "
        f"{len(CATEGORIES)} kategori, {photos} foto galeri baru."
    )


# ---- editorial workflow examples (staff roles) ----
WORKFLOW_DRAFTS = [
    {
        "slug": "pelatihan-operator-desa-pemutakhiran-data",
        "title": "Pelatihan Operator Desa untuk Pemutakhiran Data Pemilih",
        "author": "kontributor",
        "unit": "data-informasi",
        "what": (
            "Divisi Data melatih operator desa memakai aplikasi pemutakhiran data "
            "pemilih. Peserta praktik langsung memasukkan data pemilih baru dan "
            "pemilih pindahan."
        ),
        "status": Article.Status.DRAFT,
        "note": (
            "Terima kasih, Mas Dimas. Tolong tambahkan jumlah peserta dan nama "
            "narasumber, lalu ganti foto kedua yang kurang jelas. Setelah itu "
            "kirim lagi."
        ),
        "hours_ago": 30,
    },
    {
        "slug": "sosialisasi-pemilih-pemula-sma-negeri-2",
        "title": "Sosialisasi Pemilih Pemula di SMA Negeri 2 Sukamaju",
        "author": "kontributor2",
        "unit": "sosdiklih-parmas",
        "what": (
            "Sebanyak 120 siswa kelas XII mengikuti sosialisasi tentang cara "
            "memeriksa nama di daftar pemilih dan tata cara mencoblos. Siswa "
            "antusias bertanya tentang pemilih yang baru berusia 17 tahun."
        ),
        "status": Article.Status.REVIEW,
        "note": "",
        "hours_ago": 3,
    },
]


def _seed_workflow(stdout):
    """A draft sent back with a note and one waiting in the review queue."""
    users = get_user_model().objects
    editor = users.filter(username="editor").first()
    added = 0
    for data in WORKFLOW_DRAFTS:
        author = users.filter(username=data["author"]).first()
        if author is None or Article.objects.filter(slug=data["slug"]).exists():
            continue
        submitted = timezone.now() - datetime.timedelta(hours=data["hours_ago"])
        article = Article(
            slug=data["slug"],
            title=data["title"],
            lead=data["what"].split(". ")[0] + ".",
            body=f"<p>{data['what']}</p>",
            unit=Unit.objects.filter(slug=data["unit"]).first(),
            writer=author.get_full_name(),
            created_by=author,
            status=data["status"],
            submitted_at=submitted,
            review_note=data["note"],
            reviewed_by=editor if data["note"] else None,
            published_at=submitted,
        )
        article._history_user = author
        article.save()
        article.featured_image.save(
            "foto.jpg",
            demo_image(data["title"][:48], size=(1600, 1067), seed=len(data["slug"])),
            save=True,
        )
        added += 1
    stdout.write(
        f"Alur kerja: {len(WORKFLOW_DRAFTS)} contoh draf ({added} baru): satu "
        "dikembalikan dengan catatan, satu menunggu tinjauan."
    )


# ---- reader comments (fictional readers): approved ones and one pending ----
DEMO_COMMENTS = [
    # (article index in ARTICLES, name, email, comment, approved, days after)
    (
        0,
        "Wahyu Pratama",
        "wahyu.pratama@contoh.id",
        "Terima kasih informasinya. Apakah jadwal ini juga berlaku untuk desa "
        "kami di kecamatan sebelah?",
        True,
        0,
    ),
    (
        0,
        "Siti Rahmawati",
        "siti.rahmawati@contoh.id",
        "Semoga kegiatan seperti ini rutin diadakan, sangat membantu warga.",
        True,
        1,
    ),
    (
        1,
        "Agus Setiawan",
        "agus.setiawan@contoh.id",
        "Mantap, tahapan berjalan lancar. Tetap semangat untuk semua petugas!",
        True,
        0,
    ),
    (
        1,
        "Dewi Lestari",
        "dewi.lestari@contoh.id",
        "Mohon info, di mana kami bisa mengecek nama di daftar pemilih?",
        False,
        1,
    ),
]


def _seed_comments(stdout):
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.sites.models import Site

    from ..models import ArticleComment

    content_type = ContentType.objects.get_for_model(Article)
    site = Site.objects.get_current()
    approved = pending = 0
    for index, name, email, text, is_public, days in DEMO_COMMENTS:
        article = Article.objects.filter(slug=ARTICLES[index]["slug"]).first()
        if article is None:
            continue
        ArticleComment.objects.update_or_create(
            content_type=content_type,
            object_pk=str(article.pk),
            user_name=name,
            comment=text,
            defaults={
                "user_email": email,
                "site": site,
                "submit_date": min(
                    timezone.now(),
                    article.published_at + datetime.timedelta(days=days, hours=3),
                ),
                "is_public": is_public,
                "is_removed": False,
                "is_spam": False,
            },
        )
        approved += is_public
        pending += not is_public
    stdout.write(f"Komentar: {approved} disetujui, {pending} menunggu moderasi.")
