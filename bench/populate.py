"""Fill the (freshly migrated) benchmark database with a realistic volume.

100,000 published articles over five years (categories, units, 2–5 of 500
tags each, some with a featured photo), 5,000 agenda events and 2,000 meetings
with participants, written with PostgreSQL ``COPY`` (psycopg 3's
``cursor.copy()``), never the ORM one row at a time. Texts are Indonesian
paragraphs combined from templates, so pages and searches have realistic
sizes. Everything is fictional and generated; nothing is downloaded.

Run by bench/run.py with DATABASE_URL pointing at the benchmark database:
``python bench/populate.py`` (options: --articles, --events, --meetings).
"""

import argparse
import datetime
import os
import random
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "humas_site.settings")

SEED = 20241127
KABUPATEN = "Sukamaju"
KECAMATAN = [
    "Sukamaju Kota", "Cibening", "Karangsari", "Tanjungwangi", "Mekarjaya",
    "Sindangrasa", "Pasirlaya", "Cigadung", "Bojongmanik", "Talagasari",
    "Rancabuaya", "Sukaresmi", "Gunungsari", "Cikadu", "Margahayu",
]  # fmt: skip
KEGIATAN = [
    "Sosialisasi", "Bimbingan Teknis", "Rapat Koordinasi", "Uji Publik",
    "Rapat Pleno Terbuka", "Simulasi", "Monitoring", "Pelantikan", "Workshop",
    "Diskusi Publik", "Rapat Evaluasi", "Supervisi",
]  # fmt: skip
TOPIK = [
    "Pemutakhiran Data Pemilih", "Daftar Pemilih Tetap", "Pencocokan dan Penelitian",
    "Pemilih Pemula", "Tahapan Pilkada", "Rekapitulasi Suara", "Logistik Pemilu",
    "Pendidikan Pemilih", "Badan Adhoc", "Kampanye Damai", "Pemungutan Suara Ulang",
    "Daerah Pemilihan", "Partisipasi Masyarakat", "Penyandang Disabilitas",
    "Pengelolaan Arsip", "Keterbukaan Informasi Publik", "Anggaran Hibah",
]  # fmt: skip
PIHAK = [
    "PPK", "PPS", "Pantarlih", "KPPS", "Bawaslu", "Dinas Kependudukan",
    "Kesbangpol", "Polres", "Kodim", "tokoh agama", "pelajar SMA", "komunitas difabel",
    "organisasi kepemudaan", "partai politik peserta pemilu",
]  # fmt: skip
NAMA = [
    "Ahmad Fauzi", "Siti Rahmawati", "Budi Santoso", "Dewi Lestari", "Rizal Hakim",
    "Nurul Aini", "Agus Setiawan", "Rina Marlina", "Hendra Gunawan", "Yuni Astuti",
    "Dedi Kurniawan", "Lina Herlina", "Taufik Hidayat", "Wulan Sari", "Eko Prasetyo",
]  # fmt: skip
JABATAN = [
    "Ketua KPU Kabupaten Sukamaju", "Anggota KPU Divisi Teknis Penyelenggaraan",
    "Anggota KPU Divisi Perencanaan, Data dan Informasi", "Sekretaris KPU",
    "Kepala Subbagian Teknis dan Hubungan Partisipasi Masyarakat",
    "Anggota KPU Divisi Sosialisasi dan Pendidikan Pemilih",
]  # fmt: skip

PARAGRAPHS = [
    "KPU Kabupaten {kab} menggelar {kegiatan} {topik} di Kecamatan {kec} pada "
    "{hari} ({tanggal}). Kegiatan yang berlangsung sejak pukul {jam}.00 WIB itu "
    "diikuti sekitar {angka} peserta dari unsur {pihak}, {pihak2} dan masyarakat "
    "setempat.",
    "Dalam sambutannya, {nama} selaku {jabatan} menegaskan bahwa data pemilih yang "
    "akurat merupakan fondasi pemilu yang berintegritas. \u201cSetiap warga yang "
    "memenuhi syarat harus terdaftar, dan yang tidak memenuhi syarat harus "
    "dicoret sesuai ketentuan,\u201d ujarnya.",
    "Menurut {nama}, hingga pekan ini jajaran {pihak} telah mencocokkan {angka} "
    "pemilih di {desa} desa dan kelurahan. Petugas mendatangi rumah warga satu per "
    "satu, mencocokkan KTP elektronik dan kartu keluarga, lalu menempelkan stiker "
    "tanda telah dicoklit.",
    "Peserta juga mendapat penjelasan mengenai tata cara pengisian formulir, "
    "penanganan pemilih yang pindah domisili, pemilih yang meninggal dunia, serta "
    "anggota TNI dan Polri yang tidak memiliki hak pilih. Sesi tanya jawab "
    "berlangsung hangat hingga menjelang siang.",
    "Masyarakat yang belum terdaftar dapat memeriksa namanya melalui laman resmi "
    "cek DPT atau mendatangi kantor PPS setempat dengan membawa KTP elektronik. "
    "KPU membuka posko pengaduan di setiap kecamatan selama masa perbaikan.",
    "{kegiatan} ini merupakan bagian dari rangkaian tahapan yang telah ditetapkan "
    "dalam Peraturan KPU. Seluruh jajaran diminta bekerja cermat, transparan dan "
    "tepat waktu agar hasilnya dapat dipertanggungjawabkan kepada publik.",
    "Perwakilan {pihak} yang hadir menyampaikan dukungan penuh. Koordinasi lintas "
    "lembaga dinilai penting terutama untuk wilayah terpencil di Kecamatan {kec} "
    "yang aksesnya terbatas pada musim hujan.",
    "Selain itu, KPU menyiapkan layanan khusus bagi pemilih penyandang disabilitas, "
    "lansia dan pasien rumah sakit. Petugas akan mendata kebutuhan pendampingan "
    "dan alat bantu coblos di setiap TPS.",
    "Kegiatan ditutup dengan penandatanganan berita acara dan komitmen bersama "
    "untuk menjaga netralitas penyelenggara. Dokumentasi dan materi paparan dapat "
    "diunduh melalui laman PPID KPU Kabupaten {kab}.",
    "Data sementara menunjukkan terdapat {angka} pemilih baru, sebagian besar "
    "pemilih pemula yang berusia 17 tahun pada hari pemungutan suara. Mereka "
    "menjadi sasaran utama program pendidikan pemilih di sekolah dan kampus.",
    "Dalam kesempatan itu, peserta mempraktikkan simulasi pemungutan dan "
    "penghitungan suara, mulai dari pendaftaran pemilih di TPS, pemberian surat "
    "suara, hingga pengisian formulir hasil dan pengumuman salinan.",
    "KPU Kabupaten {kab} mengajak masyarakat turut mengawasi setiap tahapan dan "
    "melaporkan informasi yang menyesatkan. Klarifikasi resmi hanya disampaikan "
    "melalui kanal komunikasi KPU, bukan pesan berantai di media sosial.",
]
SUBHEADINGS = [
    "Latar belakang", "Pelaksanaan di lapangan", "Tanggapan peserta",
    "Langkah berikutnya", "Layanan bagi pemilih", "Catatan penting",
]  # fmt: skip
LISTS = [
    ["KTP elektronik asli", "Kartu keluarga", "Surat keterangan domisili"],
    ["Periksa nama di cek DPT", "Laporkan bila belum terdaftar", "Ajak keluarga"],
    ["Datang ke TPS tepat waktu", "Bawa undangan memilih", "Patuhi petugas KPPS"],
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
BULAN = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
    "September", "Oktober", "November", "Desember",
]  # fmt: skip
CATEGORIES = [
    ("Berita", "berita", 60),
    ("Siaran Pers", "siaran-pers", 12),
    ("Pengumuman", "pengumuman", 10),
    ("Artikel/Opini", "artikel-opini", 8),
    ("Klarifikasi Hoaks", "klarifikasi-hoaks", 4),
    ("Galeri Kegiatan", "galeri-kegiatan", 6),
]
UNITS = [
    ("Sekretariat", "sekretariat", "sekretariat"),
    ("Divisi Teknis Penyelenggaraan", "divisi-teknis", "divisi"),
    ("Divisi Perencanaan, Data dan Informasi", "divisi-data", "divisi"),
    ("Divisi Sosialisasi dan Pendidikan Pemilih", "divisi-sosialisasi", "divisi"),
    ("Divisi Hukum dan Pengawasan", "divisi-hukum", "divisi"),
    ("Divisi SDM dan Litbang", "divisi-sdm", "divisi"),
    ("Subbagian Keuangan, Umum dan Logistik", "subbag-keuangan", "divisi"),
    ("Subbagian Teknis dan Hupmas", "subbag-hupmas", "divisi"),
]
EVENT_CATEGORIES = [
    "Sosialisasi", "Rapat Pleno", "Bimtek", "Uji Publik", "Rekapitulasi", "Lainnya",
]  # fmt: skip
TAG_BASES = [
    "pemilu", "pilkada", "coklit", "dpt", "dps", "pemilih pemula", "pantarlih",
    "ppk", "pps", "kpps", "logistik", "rekapitulasi", "kampanye", "debat kandidat",
    "pencalonan", "dapil", "partisipasi", "disabilitas", "hoaks", "ppid",
    "anggaran", "badan adhoc", "bimtek", "sosialisasi", "uji publik", "tps",
    "surat suara", "sirekap", "silon", "sidalih", "netralitas", "perempuan",
    "relawan demokrasi", "rumah pintar pemilu", "pendidikan pemilih", "arsip",
    "jdih", "hukum", "sdm", "pelantikan", "evaluasi", "monitoring", "pengaduan",
    "media", "kerja sama", "sekolah", "kampus", "pesantren", "komunitas", "desa",
]  # fmt: skip
TAG_SUFFIXES = ["", "2020", "2024", "2029", "kecamatan", "kabupaten", "daring",
                "lanjutan", "serentak", "sukamaju"]  # fmt: skip


def tanggal(day):
    return f"{day.day} {BULAN[day.month - 1]} {day.year}"


def paragraph_context(rng, when):
    return {
        "kab": KABUPATEN,
        "kec": rng.choice(KECAMATAN),
        "kegiatan": rng.choice(KEGIATAN),
        "topik": rng.choice(TOPIK).lower(),
        "pihak": rng.choice(PIHAK),
        "pihak2": rng.choice(PIHAK),
        "nama": rng.choice(NAMA),
        "jabatan": rng.choice(JABATAN),
        "hari": HARI[when.weekday()],
        "tanggal": tanggal(when),
        "jam": rng.randint(8, 15),
        "angka": f"{rng.randint(40, 48000):,}".replace(",", "."),
        "desa": rng.randint(3, 120),
    }


def rich_body(rng, when, paragraphs):
    """Sanitised-style HTML (p, h2, ul, blockquote, strong) of ``paragraphs``."""
    ctx = paragraph_context(rng, when)
    parts = []
    for index, template in enumerate(rng.sample(PARAGRAPHS, paragraphs)):
        if index == 3:
            parts.append(f"<h2>{rng.choice(SUBHEADINGS)}</h2>")
        if index == 5 and rng.random() < 0.5:
            items = "".join(f"<li>{item}</li>" for item in rng.choice(LISTS))
            parts.append(f"<ul>{items}</ul>")
        text = template.format(**ctx)
        if index == 1 and rng.random() < 0.3:
            parts.append(f"<blockquote><p>{text}</p></blockquote>")
        else:
            parts.append(f"<p>{text}</p>")
    return "".join(parts)


def slugify(text):
    keep = [c.lower() if c.isalnum() else "-" for c in text]
    return "-".join(filter(None, "".join(keep).split("-")))


EMPTY_VALUES = {
    "text": "",
    "character varying": "",
    "integer": 0,
    "bigint": 0,
    "smallint": 0,
    "boolean": False,
    "jsonb": "{}",
}


def required_columns(cursor, table, columns):
    """NOT NULL columns without a database default that ``columns`` lacks.

    The apps keep growing while the benchmark does not: a new required column
    gets an empty value instead of breaking the run.
    """
    cursor.execute(
        "SELECT column_name, data_type FROM information_schema.columns "
        "WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL "
        "AND is_identity = 'NO' AND is_generated = 'NEVER'",
        [table],
    )
    extra = []
    for name, data_type in cursor.fetchall():
        if name not in columns:
            if data_type.startswith("timestamp"):
                extra.append((name, datetime.datetime.now(datetime.UTC)))
            else:
                extra.append((name, EMPTY_VALUES[data_type]))
    return extra


def copy_rows(cursor, table, columns, rows):
    extra = required_columns(cursor, table, columns)
    columns = list(columns) + [name for name, _value in extra]
    tail = tuple(value for _name, value in extra)
    names = ", ".join(f'"{column}"' for column in columns)
    with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(tuple(row) + tail)


def reset_sequences(cursor, tables):
    for table in tables:
        cursor.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 1))"
        )


def make_photos(count):
    """A handful of real JPEG files in MEDIA_ROOT that many articles share."""
    from django.conf import settings

    from humas_site.demo import demo_image

    folder = Path(settings.MEDIA_ROOT) / "berita" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    photos = []
    for index in range(count):
        name = f"berita/bench/foto-{index}.jpg"
        text = f"Kegiatan KPU {KABUPATEN} {index + 1}"
        content = demo_image(text, (1600, 1000), index)
        (Path(settings.MEDIA_ROOT) / name).write_bytes(content.read())
        photos.append((name, 1600, 1000))
    return photos


def populate(*, articles, events, meetings, tags=500, photos=6, log=print):
    import django

    django.setup()
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from news.models import Article

    rng = random.Random(SEED)
    now = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
    five_years = 5 * 365 * 86400
    article_type = ContentType.objects.get_for_model(Article).pk
    photo_files = make_photos(photos)
    started = time.monotonic()

    with transaction.atomic(), connection.cursor() as cursor:
        copy_rows(
            cursor,
            "humas_site_institutionprofile",
            ["id", "name", "short_name", "tagline", "level", "logo", "primary_color",
             "address", "phone", "email", "whatsapp", "time_zone", "facebook_url",
             "instagram_url", "x_url", "youtube_url", "tiktok_url", "footer_text"],
            [(1, f"KPU Kabupaten {KABUPATEN}", f"KPU {KABUPATEN}",
              "Melayani dengan integritas", "kabupaten", "", "#8b1a1a",
              "Jl. Merdeka Timur No. 17, Sukamaju", "(0291) 555 0170",
              "humas@kpu-sukamaju.example", "", "Asia/Jakarta",
              "https://www.facebook.com/kpusukamaju.example", "", "", "", "",
              "Situs resmi (fiktif) untuk uji beban.")],
        )  # fmt: skip
        copy_rows(
            cursor,
            "humas_site_unit",
            ["id", "name", "slug", "kind", "description", "order", "parent_id"],
            [(i + 1, name, slug, kind, "", i, None)
             for i, (name, slug, kind) in enumerate(UNITS)],
        )  # fmt: skip
        copy_rows(
            cursor,
            "news_category",
            ["id", "name", "slug", "description", "order"],
            [(i + 1, name, slug, f"{name} KPU Kabupaten {KABUPATEN}.", i)
             for i, (name, slug, _w) in enumerate(CATEGORIES)],
        )  # fmt: skip
        tag_names = []
        for suffix in TAG_SUFFIXES:
            for base in TAG_BASES:
                tag_names.append(f"{base} {suffix}".strip())
        tag_names = tag_names[:tags]
        copy_rows(
            cursor,
            "taggit_tag",
            ["id", "name", "slug"],
            [(i + 1, name, slugify(name)) for i, name in enumerate(tag_names)],
        )
        # A few popular tags, a long tail of rare ones.
        tag_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(tag_names))]
        category_weights = [w for _n, _s, w in CATEGORIES]

        article_rows, tagged_rows = [], []
        # news keeps the tag names in a column for its full-text index.
        cursor.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_name = "
            "'news_article' AND column_name = 'search_tags'"
        )
        has_search_tags = cursor.fetchone() is not None
        taggeditem_id = 0
        for pk in range(1, articles + 1):
            # Ids grow with time, as when written day after day.
            age = five_years * (1 - pk / articles) + rng.randint(0, 3600)
            published = now - datetime.timedelta(seconds=age + 60)
            topic = rng.choice(TOPIK)
            title = (
                f"{rng.choice(KEGIATAN)} {topic} di Kecamatan {rng.choice(KECAMATAN)}"
                f" Bersama {rng.choice(PIHAK).title()}"
            )[:200]
            lead = (
                f"KPU Kabupaten {KABUPATEN} melaksanakan kegiatan "
                f"{topic.lower()} bersama {rng.choice(PIHAK)} untuk memastikan "
                f"setiap tahapan berjalan tertib dan terbuka."
            )
            status = "published" if rng.random() < 0.97 else "draft"
            photo = rng.choice(photo_files) if rng.random() < 0.4 else ("", None, None)
            article_rows.append(
                (
                    pk, published, published, title, f"{slugify(title)[:200]}-{pk}",
                    lead, rich_body(rng, published, rng.randint(5, 9)),
                    photo[0], photo[1], photo[2],
                    "", f"Suasana {topic.lower()} di Kecamatan Sukamaju." if photo[0]
                    else "", "dok. Humas KPU Sukamaju" if photo[0] else "",
                    rng.choice(NAMA), rng.choice(NAMA),
                    rng.choice(NAMA) if photo[0] else "",
                    status, published, rng.random() < 0.02, True, "", "", "",
                    rng.randint(0, 5000), None, rng.randint(1, len(UNITS)),
                    rng.choices(range(1, len(CATEGORIES) + 1), category_weights)[0],
                    None,
                )
            )  # fmt: skip
            tag_ids = set(
                rng.choices(range(1, len(tag_names) + 1), tag_weights, k=5)[
                    : rng.randint(2, 5)
                ]
            )
            for tag_id in tag_ids:
                taggeditem_id += 1
                tagged_rows.append((taggeditem_id, pk, article_type, tag_id))
            if has_search_tags:
                article_rows[-1] += (
                    " ".join(sorted(tag_names[i - 1] for i in tag_ids)),
                )
        copy_rows(
            cursor,
            "news_article",
            ["id", "created_at", "updated_at", "title", "slug", "lead", "body",
             "featured_image", "featured_image_width", "featured_image_height",
             "image_alt", "image_caption", "image_credit", "writer", "editor",
             "photographer", "status", "published_at", "is_headline",
             "allow_comments", "video_url", "meta_description", "share_image",
             "views_count", "created_by_id", "unit_id", "category_id", "meeting_id"]
            + (["search_tags"] if has_search_tags else []),
            article_rows,
        )  # fmt: skip
        copy_rows(
            cursor,
            "taggit_taggeditem",
            ["id", "object_id", "content_type_id", "tag_id"],
            tagged_rows,
        )
        log(
            f"  {articles} articles, {len(tagged_rows)} tag links "
            f"({time.monotonic() - started:.1f} s)"
        )
        # Two weeks of daily views for the newest 3,000 articles (Terpopuler).
        today = now.date()
        copy_rows(
            cursor,
            "news_articledailyview",
            ["article_id", "date", "views"],
            (
                (pk, today - datetime.timedelta(days=day), rng.randint(1, 400))
                for pk in range(max(1, articles - 3000), articles + 1)
                for day in range(14)
                if rng.random() < 0.6
            ),
        )

        copy_rows(
            cursor,
            "agendas_eventcategory",
            ["id", "name", "slug", "order"],
            [(i + 1, n, slugify(n), i) for i, n in enumerate(EVENT_CATEGORIES)],
        )
        event_rows = []
        for pk in range(1, events + 1):
            # From four years ago to one year ahead, at office hours (WIB).
            offset = rng.uniform(-4 * 365, 365)
            day = (now + datetime.timedelta(days=offset)).date()
            start = datetime.datetime.combine(
                day, datetime.time(rng.randint(1, 7), 0), datetime.UTC
            )
            end = start + datetime.timedelta(hours=rng.randint(1, 4))
            frequency, until, count = "", None, None
            if rng.random() < 0.02:
                frequency = rng.choice(["WEEKLY", "MONTHLY"])
                count = rng.randint(3, 12)
            past = start < now
            status = "selesai" if past else rng.choice(["terjadwal"] * 8 + ["ditunda"])
            if rng.random() < 0.03:
                status = "dibatalkan"
            title = (
                f"{rng.choice(KEGIATAN)} {rng.choice(TOPIK)} "
                f"Kecamatan {rng.choice(KECAMATAN)}"
            )[:200]
            event_rows.append(
                (
                    pk, title, f"{slugify(title)[:180]}-{pk}",
                    f"{title} bersama {rng.choice(PIHAK)}."[:300],
                    rich_body(rng, day, 3), start, end, False, "Asia/Jakarta",
                    f"Aula Kantor Kecamatan {rng.choice(KECAMATAN)}", "",
                    rng.random() < 0.9, status, "", frequency, 1, "", None, until,
                    count, start, start, rng.randint(1, len(UNITS)),
                    rng.randint(1, len(EVENT_CATEGORIES)), None, None,
                )
            )  # fmt: skip
        copy_rows(
            cursor,
            "agendas_event",
            ["id", "title", "slug", "summary", "description", "starts_at", "ends_at",
             "all_day", "time_zone", "place", "online_url", "is_public", "status",
             "status_note", "recurrence_frequency", "recurrence_interval",
             "recurrence_weekdays", "recurrence_week_of_month", "recurrence_until",
             "recurrence_count", "created_at", "updated_at", "unit_id",
             "category_id", "article_id", "meeting_id"],
            event_rows,
        )  # fmt: skip

        meeting_rows, participant_rows, group_rows, item_rows = [], [], [], []
        kinds = ["rapat-koordinasi", "rapat-internal", "rapat-pleno", "workshop",
                 "bimtek", "webinar", "sosialisasi", "audiensi"]  # fmt: skip
        for pk in range(1, meetings + 1):
            offset = rng.uniform(-5 * 365, 60)
            start = (now + datetime.timedelta(days=offset)).replace(minute=0, second=0)
            past = start < now
            kind = rng.choice(kinds)
            title = f"{kind.replace('-', ' ').title()} {rng.choice(TOPIK)}"
            meeting_rows.append(
                (
                    pk, title, f"{slugify(title)[:230]}-{pk}", kind, start,
                    start + datetime.timedelta(hours=rng.randint(1, 5)),
                    rng.choice(["luring", "daring", "hybrid"]),
                    "Ruang Rapat Utama KPU Kabupaten Sukamaju", "", "",
                    PARAGRAPHS[5].format(**paragraph_context(rng, start.date())),
                    rich_body(rng, start.date(), 4), rng.random() < 0.6,
                    "terlaksana" if past else "direncanakan", start, start,
                    rng.randint(1, len(UNITS)),
                )
            )  # fmt: skip
            roles = ["pimpinan", "moderator", "notulis"] + ["narasumber"] * rng.randint(
                1, 2
            )
            roles += ["peserta"] * rng.randint(3, 10)
            for order, role in enumerate(roles):
                participant_rows.append(
                    (pk, order, rng.choice(NAMA), rng.choice(JABATAN),
                     f"KPU Kabupaten {KABUPATEN}", role, rng.random() < 0.9, None)
                )  # fmt: skip
            if rng.random() < 0.2:
                group_rows.append((pk, "PPK se-Kabupaten Sukamaju", 75, 0))
            for order in range(3):
                item_rows.append((pk, order, rng.choice(TOPIK), rng.choice(NAMA), ""))
        copy_rows(
            cursor,
            "meetings_meeting",
            ["id", "title", "slug", "kind", "starts_at", "ends_at", "mode", "place",
             "online_link", "host_institution", "summary", "minutes", "is_public",
             "status", "created_at", "updated_at", "organiser_unit_id"],
            meeting_rows,
        )  # fmt: skip
        copy_rows(
            cursor,
            "meetings_participant",
            ["meeting_id", "order", "name", "position", "organisation", "role",
             "present", "user_id"],
            participant_rows,
        )  # fmt: skip
        copy_rows(
            cursor,
            "meetings_participantgroup",
            ["meeting_id", "label", "count", "order"],
            group_rows,
        )
        copy_rows(
            cursor,
            "meetings_agendaitem",
            ["meeting_id", "order", "topic", "presenter", "notes"],
            item_rows,
        )
        reset_sequences(
            cursor,
            ["humas_site_institutionprofile", "humas_site_unit", "news_category",
             "taggit_tag", "news_article", "taggit_taggeditem",
             "news_articledailyview", "agendas_eventcategory", "agendas_event",
             "meetings_meeting", "meetings_participant",
             "meetings_participantgroup", "meetings_agendaitem"],
        )  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(
        f"  {events} events, {meetings} meetings ({len(participant_rows)} "
        f"participants) — {time.monotonic() - started:.1f} s in all"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--meetings", type=int, default=2_000)
    args = parser.parse_args()
    populate(articles=args.articles, events=args.events, meetings=args.meetings)


if __name__ == "__main__":
    main()
