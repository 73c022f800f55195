"""Demo agenda for the fictional KPU Kabupaten Sukamaju.

Dates are relative to today so the public agenda and the iCal feed always
show upcoming items. Idempotent: events are keyed on their slug, categories
on theirs, cancelled occurrences on (event, date).
"""

import datetime
from zoneinfo import ZoneInfo

from dateutil.relativedelta import FR, MO, relativedelta
from django.utils import timezone

from humas_site.models import InstitutionProfile, Unit

from .models import Event, EventCategory, EventException

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)

CATEGORIES = [
    ("Sosialisasi", "sosialisasi"),
    ("Uji Publik", "uji-publik"),
    ("Webinar", "webinar"),
    ("Rapat", "rapat"),
    ("Batas Waktu", "batas-waktu"),
    ("Pameran dan Layanan", "pameran-layanan"),
]


def _at(day, hour, minute=0, zone_name="Asia/Jakarta"):
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), ZoneInfo(zone_name)
    )


def _events(today):
    first_friday = today + relativedelta(day=1, weekday=FR(+1))
    if first_friday < today:
        # Start with last month's so the series is visibly under way.
        first_friday = (today - relativedelta(months=1)) + relativedelta(
            day=1, weekday=FR(+1)
        )
    first_monday_next = (today + relativedelta(months=1)) + relativedelta(
        day=1, weekday=MO(+1)
    )
    next_wednesday = today + relativedelta(days=1, weekday=2)
    return [
        {
            "slug": "webinar-ngobrol-demokrasi",
            "title": "Webinar Ngobrol Demokrasi: Pemilih Muda dan Informasi Sehat",
            "summary": "Diskusi daring bulanan setiap Jumat pertama tentang "
            "pendidikan pemilih, terbuka untuk umum.",
            "description": "<p>Webinar rutin Divisi Sosialisasi bersama pegiat "
            "literasi digital. Setiap edisi membahas satu tema: mengenali hoaks "
            "kepemiluan, cek data pemilih, hingga peran pemilih muda.</p>"
            "<p>Peserta mendapat e-sertifikat. Pertanyaan dapat dikirim melalui "
            "kolom obrolan.</p>",
            "category": "webinar",
            "unit": "sosdiklih-parmas",
            "starts_at": _at(first_friday, 14),
            "ends_at": _at(first_friday, 15, 30),
            "online_url": "https://vicon.kpu-sukamaju.example/ngobrol-demokrasi",
            "recurrence_frequency": Event.Frequency.MONTHLY,
            "recurrence_weekdays": "FR",
            "recurrence_week_of_month": Event.WeekOfMonth.FIRST,
            "recurrence_count": 8,
            "exceptions": [
                (
                    first_friday + relativedelta(months=2, day=1, weekday=FR(+1)),
                    "Ditiadakan: bertepatan dengan cuti bersama.",
                )
            ],
        },
        {
            "slug": "rapat-pleno-internal-bulanan",
            "title": "Rapat Pleno Internal Bulanan",
            "summary": "Evaluasi program kerja bulanan komisioner dan sekretariat.",
            "description": "<p>Rapat internal; tidak terbuka untuk umum.</p>",
            "category": "rapat",
            "unit": "sekretariat",
            "is_public": False,
            "starts_at": _at(first_monday_next, 9),
            "ends_at": _at(first_monday_next, 11),
            "place": "Ruang Rapat Lantai 2, Kantor KPU Kabupaten Sukamaju",
            "recurrence_frequency": Event.Frequency.MONTHLY,
            "recurrence_weekdays": "MO",
            "recurrence_week_of_month": Event.WeekOfMonth.FIRST,
            "recurrence_until": first_monday_next + relativedelta(months=6),
        },
        {
            "slug": "sosialisasi-pemilih-pemula-sman-2-sukamaju",
            "title": "Sosialisasi Pemilih Pemula di SMA Negeri 2 Sukamaju",
            "summary": "Pengenalan tahapan pemilihan dan cara mengecek data "
            "pemilih bagi siswa kelas XII.",
            "description": "<p>Materi: hak pilih, tahapan pemilihan, cara mengecek "
            "status di daftar pemilih, dan simulasi pemungutan suara.</p>",
            "category": "sosialisasi",
            "unit": "sosdiklih-parmas",
            "starts_at": _at(today + datetime.timedelta(days=3), 8),
            "ends_at": _at(today + datetime.timedelta(days=3), 11),
            "place": "Aula SMA Negeri 2 Sukamaju, Jl. Pendidikan No. 4",
        },
        {
            "slug": "bimtek-aplikasi-data-pemilih-pps",
            "title": "Bimbingan Teknis Aplikasi Data Pemilih bagi PPS",
            "summary": "Pelatihan pemutakhiran data pemilih untuk Panitia "
            "Pemungutan Suara.",
            "description": "<p>Bimbingan teknis bagi operator PPS di 14 kecamatan.</p>",
            "category": "rapat",
            "unit": "data-informasi",
            "status": Event.Status.CANCELLED,
            "status_note": "Dibatalkan karena jadwal bimtek tingkat provinsi "
            "dimajukan; materi akan disampaikan secara daring.",
            "starts_at": _at(today + datetime.timedelta(days=6), 9),
            "ends_at": _at(today + datetime.timedelta(days=6), 15),
            "place": "Hotel Griya Sukamaju, Ruang Melati",
        },
        {
            "slug": "batas-akhir-tanggapan-daftar-pemilih-sementara",
            "title": "Batas Akhir Tanggapan Masyarakat atas Daftar Pemilih Sementara",
            "summary": "Hari terakhir menyampaikan tanggapan atau keberatan atas "
            "Daftar Pemilih Sementara (DPS) di kantor desa/kelurahan.",
            "description": "<p>Masyarakat dapat menyampaikan tanggapan melalui PPS "
            "setempat atau kantor KPU Kabupaten.</p>",
            "category": "batas-waktu",
            "unit": "data-informasi",
            "all_day": True,
            "starts_at": _at(today + datetime.timedelta(days=9), 0),
            "ends_at": _at(today + datetime.timedelta(days=9), 0),
        },
        {
            "slug": "uji-publik-rancangan-penataan-dapil",
            "title": "Uji Publik Rancangan Penataan Daerah Pemilihan",
            "summary": "Menghimpun masukan partai politik, akademisi dan "
            "masyarakat atas rancangan daerah pemilihan.",
            "description": "<p>Peserta dapat menyampaikan masukan lisan dalam forum "
            "atau tertulis paling lambat tiga hari setelah uji publik.</p>",
            "category": "uji-publik",
            "unit": "teknis",
            "starts_at": _at(today + datetime.timedelta(days=12), 9),
            "ends_at": _at(today + datetime.timedelta(days=12), 12, 30),
            "place": "Gedung Serbaguna Kabupaten Sukamaju, Jl. Veteran No. 9",
            "online_url": "https://siaran.kpu-sukamaju.example/uji-publik-dapil",
        },
        {
            "slug": "audiensi-forum-disabilitas-sukamaju",
            "title": "Audiensi dengan Forum Disabilitas Sukamaju",
            "summary": "Membahas aksesibilitas TPS dan pendampingan pemilih "
            "penyandang disabilitas.",
            "description": "<p>Audiensi terbuka untuk peliputan media.</p>",
            "category": "rapat",
            "unit": "sosdiklih-parmas",
            "status": Event.Status.POSTPONED,
            "status_note": "Ditunda sampai pemberitahuan lebih lanjut atas "
            "permintaan forum.",
            "starts_at": _at(today + datetime.timedelta(days=15), 13),
            "ends_at": _at(today + datetime.timedelta(days=15), 15),
            "place": "Ruang Rapat Utama KPU Kabupaten Sukamaju",
        },
        {
            "slug": "pameran-edukasi-kepemiluan-alun-alun",
            "title": "Pameran Edukasi Kepemiluan di Alun-Alun Sukamaju",
            "summary": "Dua hari stan informasi, cek data pemilih, dan simulasi "
            "pencoblosan untuk keluarga.",
            "description": "<p>Terbuka untuk umum, gratis. Tersedia layanan cek data "
            "pemilih dan pojok pengaduan.</p>",
            "category": "pameran-layanan",
            "unit": "humas",
            "all_day": True,
            "starts_at": _at(today + datetime.timedelta(days=20), 0),
            "ends_at": _at(today + datetime.timedelta(days=21), 0),
            "place": "Alun-Alun Kabupaten Sukamaju",
        },
        {
            "slug": "layanan-konsultasi-ppid-rabu",
            "title": "Layanan Konsultasi Informasi Publik (PPID)",
            "summary": "Konsultasi tatap muka tentang permohonan informasi publik "
            "setiap Rabu.",
            "description": "<p>Datang langsung ke meja layanan PPID tanpa perlu "
            "mendaftar.</p>",
            "category": "pameran-layanan",
            "unit": "humas",
            "starts_at": _at(next_wednesday, 10),
            "ends_at": _at(next_wednesday, 12),
            "place": "Meja Layanan PPID, Kantor KPU Kabupaten Sukamaju",
            "recurrence_frequency": Event.Frequency.WEEKLY,
            "recurrence_weekdays": "WE",
            "recurrence_count": 10,
        },
        {
            "slug": "rakor-daring-kpu-kabupaten-mitra-wita",
            "title": "Rapat Koordinasi Daring dengan KPU Kabupaten Mitra",
            "summary": "Berbagi praktik baik pemutakhiran data pemilih; dipandu "
            "tuan rumah di zona WITA.",
            "description": "<p>Disiarkan langsung untuk umum melalui kanal video.</p>",
            "category": "rapat",
            "unit": "data-informasi",
            "time_zone": "Asia/Makassar",
            "starts_at": _at(
                today + datetime.timedelta(days=17), 10, 0, "Asia/Makassar"
            ),
            "ends_at": _at(today + datetime.timedelta(days=17), 12, 0, "Asia/Makassar"),
            "online_url": "https://siaran.kpu-sukamaju.example/rakor-mitra",
        },
        {
            "slug": "sosialisasi-kelompok-tani-desa-mekarsari",
            "title": "Sosialisasi Pemilihan bagi Kelompok Tani Desa Mekarsari",
            "summary": "Sosialisasi tatap muka di balai desa.",
            "description": "<p>Kegiatan telah terlaksana dengan 60 peserta.</p>",
            "category": "sosialisasi",
            "unit": "sosdiklih-parmas",
            "status": Event.Status.DONE,
            "starts_at": _at(today - datetime.timedelta(days=8), 13),
            "ends_at": _at(today - datetime.timedelta(days=8), 15),
            "place": "Balai Desa Mekarsari",
        },
    ]


def seed(stdout):
    categories = {
        slug: EventCategory.objects.update_or_create(
            slug=slug, defaults={"name": name, "order": order}
        )[0]
        for order, (name, slug) in enumerate(CATEGORIES)
    }
    units = {unit.slug: unit for unit in Unit.objects.all()}
    zone = InstitutionProfile.objects.current().zone
    today = timezone.localdate(timezone=zone)
    for data in _events(today):
        exceptions = data.pop("exceptions", [])
        slug = data.pop("slug")
        data["category"] = categories[data["category"]]
        data["unit"] = units.get(data.pop("unit"))
        data.setdefault("time_zone", "Asia/Jakarta")
        defaults = {
            "is_public": True,
            "status": Event.Status.SCHEDULED,
            "status_note": "",
            "place": "",
            "online_url": "",
            "all_day": False,
            "recurrence_frequency": Event.Frequency.NONE,
            "recurrence_weekdays": "",
            "recurrence_week_of_month": None,
            "recurrence_until": None,
            "recurrence_count": None,
        } | data
        event = Event(slug=slug, **defaults)
        event.full_clean(exclude=["slug"], validate_unique=False)
        event, _created = Event.objects.update_or_create(slug=slug, defaults=defaults)
        dates = [day for day, _note in exceptions]
        event.exceptions.exclude(original_date__in=dates).delete()
        for day, note in exceptions:
            EventException.objects.update_or_create(
                event=event, original_date=day, defaults={"note": note}
            )
    stdout.write(
        f"Agenda: {Event.objects.count()} acara "
        f"({Event.objects.published().count()} publik), "
        f"{EventCategory.objects.count()} kategori."
    )
