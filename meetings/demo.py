"""Demo meetings of the fictional KPU Kabupaten Sukamaju.

Names, places, letters and decisions are invented. Dates are relative to
today, so the follow-up board always shows overdue and upcoming work. Records
are looked up by natural keys (slug, name, order, number): running the seed
again updates them and adds no rows.
"""

import datetime

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from humas_site.models import InstitutionProfile, Unit

from .models import (
    AgendaItem,
    FollowUp,
    Meeting,
    Participant,
    ParticipantGroup,
    ReferencedLetter,
    Resolution,
)

CHAIR = ("Ahmad Fauzi Rahman", "Ketua KPU Kabupaten Sukamaju")
COMMISSIONERS = [
    ("Bambang Wicaksono", "Anggota, Divisi Teknis Penyelenggaraan"),
    ("Sri Lestari", "Anggota, Divisi Perencanaan, Data dan Informasi"),
    ("Nur Aini", "Anggota, Divisi Sosdiklih dan Parmas"),
    ("Yusuf Hidayat", "Anggota, Divisi Hukum dan Pengawasan"),
]
SECRETARY = ("Drs. Agus Salim Nugroho", "Sekretaris KPU Kabupaten Sukamaju")
HOME = "KPU Kabupaten Sukamaju"

P = Participant.Role
S = Resolution.Status


def _pdf(lines):
    """A tiny one-page PDF with the given text lines (plain text, no scripts)."""

    def escape(text):
        return (
            text.replace("\\", "\\\\")
            .replace("(", "\\(")
            .replace(")", "\\)")
            .encode("latin-1", "replace")
        )

    content = b"BT /F1 11 Tf 72 770 Td 15 TL "
    for line in lines:
        content += b"(" + escape(line) + b") Tj T* "
    content += b"ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def _meetings(today):
    """The demo meetings as plain data; dates relative to ``today``."""
    zone = InstitutionProfile.objects.current().zone

    def at(days, hour, minute=0):
        day = today + datetime.timedelta(days=days)
        return datetime.datetime.combine(day, datetime.time(hour, minute), zone)

    def due(days):
        return today + datetime.timedelta(days=days)

    staff = [
        ("Rina Wulandari", "Pranata Humas", HOME, P.NOTE_TAKER, True),
        (
            "Dimas Prasetyo",
            "Staf Subbagian Teknis dan Hupmas",
            HOME,
            P.PARTICIPANT,
            True,
        ),
        (
            "Larasati Putri",
            "Kepala Subbagian Keuangan, Umum dan Logistik",
            HOME,
            P.PARTICIPANT,
            True,
        ),
        (
            "Fajar Ramadhan",
            "Kepala Subbagian Perencanaan, Data dan Informasi",
            HOME,
            P.PARTICIPANT,
            True,
        ),
        (
            "Wahyu Kurniawan",
            "Kepala Subbagian Hukum dan SDM",
            HOME,
            P.PARTICIPANT,
            False,
        ),
        ("Maya Anggraini", "Operator Sistem Informasi", HOME, P.PARTICIPANT, True),
    ]
    return [
        {
            "slug": "rapat-internal-bulanan-seluruh-pegawai",
            "title": "Rapat Internal Bulanan Komisioner dan Seluruh Pegawai",
            "kind": Meeting.Kind.INTERNAL,
            "starts_at": at(-21, 9),
            "ends_at": at(-21, 11, 30),
            "mode": Meeting.Mode.OFFLINE,
            "place": "Ruang Rapat Utama KPU Kabupaten Sukamaju",
            "unit": "sekretariat",
            "host": "",
            "is_public": False,
            "status": Meeting.Status.HELD,
            "summary": (
                "Ketua membuka rapat dengan evaluasi kegiatan bulan lalu: laporan "
                "keuangan triwulan sudah disampaikan tepat waktu, tetapi unggahan "
                "dokumentasi kegiatan ke situs masih sering terlambat lebih dari "
                "tiga hari.\n\n"
                "Setiap divisi memaparkan rencana kerja bulan berjalan. Divisi "
                "Sosdiklih dan Parmas menyiapkan kelas pemilih pemula di enam SMA, "
                "Divisi Data menyiapkan pemutakhiran data pemilih berkelanjutan, "
                "dan Sekretariat mengingatkan batas waktu laporan barang milik "
                "negara.\n\n"
                "Rapat sepakat bahwa setiap kegiatan wajib dilaporkan ke Subbagian "
                "Hupmas paling lambat satu hari kerja setelah kegiatan, lengkap "
                "dengan foto dan daftar hadir."
            ),
            "minutes": (
                "<h2>Pembukaan</h2><p>Rapat dibuka pukul 09.05 WIB oleh Ketua dan "
                "dihadiri empat anggota, Sekretaris serta pegawai sekretariat.</p>"
                "<h2>Evaluasi bulan lalu</h2><ul><li>Serapan anggaran triwulan "
                "berjalan sesuai rencana.</li><li>Enam kegiatan belum diberitakan "
                "di situs karena bahan terlambat masuk.</li></ul>"
                "<h2>Rencana kerja</h2><p>Masing-masing divisi menyampaikan "
                "rencana; rincian tercantum dalam tabel keputusan.</p>"
                "<p>Rapat ditutup pukul 11.20 WIB.</p>"
            ),
            "participants": [
                (*CHAIR, HOME, P.CHAIR, True),
                *[
                    (name, pos, HOME, P.PARTICIPANT, True)
                    for name, pos in COMMISSIONERS
                ],
                (*SECRETARY, HOME, P.PARTICIPANT, True),
                *staff,
            ],
            "groups": [],
            "agenda": [
                ("Pembukaan dan arahan Ketua", CHAIR[0]),
                ("Evaluasi kegiatan dan anggaran bulan lalu", SECRETARY[0]),
                ("Rencana kerja divisi bulan berjalan", "Anggota KPU"),
                ("Lain-lain", ""),
            ],
            "resolutions": [
                (
                    "Setiap kegiatan dilaporkan ke Subbagian Hupmas paling lambat "
                    "satu hari kerja setelah kegiatan, dengan foto dan daftar hadir.",
                    "humas",
                    "",
                    due(-14),
                    S.DONE,
                    [
                        (-18, "Format laporan kegiatan dibagikan ke grup pegawai."),
                        (-14, "Semua divisi sudah memakai format laporan baru."),
                    ],
                ),
                (
                    "Menyusun jadwal kelas pemilih pemula di enam SMA/SMK.",
                    "sosdiklih-parmas",
                    "Nur Aini",
                    due(-5),
                    S.IN_PROGRESS,
                    [
                        (-10, "Empat sekolah sudah mengonfirmasi jadwal."),
                        (-3, "Dua sekolah menunggu jadwal ujian tengah semester."),
                    ],
                ),
                (
                    "Menyampaikan laporan barang milik negara semester berjalan.",
                    "sekretariat",
                    "Larasati Putri",
                    due(-2),
                    S.OPEN,
                    [],
                ),
                (
                    "Memperbarui daftar informasi publik di laman PPID.",
                    "data-informasi",
                    "",
                    due(10),
                    S.OPEN,
                    [],
                ),
            ],
            "letters": [],
        },
        {
            "slug": "rakor-kehumasan-kpu-provinsi-nusantara-barat",
            "title": "Rapat Koordinasi Kehumasan KPU se-Provinsi Nusantara Barat",
            "kind": Meeting.Kind.COORDINATION,
            "starts_at": at(-35, 13),
            "ends_at": at(-35, 16),
            "mode": Meeting.Mode.OFFLINE,
            "place": "Aula KPU Provinsi Nusantara Barat, Kota Wiramadya",
            "unit": "humas",
            "host": "KPU Provinsi Nusantara Barat",
            "is_public": True,
            "status": Meeting.Status.HELD,
            "summary": (
                "KPU Provinsi Nusantara Barat mengumpulkan pengelola humas dari "
                "seluruh KPU kabupaten/kota untuk menyamakan pola publikasi "
                "kegiatan dan penanganan informasi keliru di media sosial.\n\n"
                "Narasumber menekankan bahwa klarifikasi harus terbit cepat, "
                "singkat dan merujuk dokumen resmi. Setiap satuan kerja diminta "
                "menunjuk satu admin media sosial dan satu penanggung jawab "
                "konten.\n\n"
                "KPU Kabupaten Sukamaju diwakili Anggota Divisi Sosdiklih dan "
                "Parmas bersama pranata humas."
            ),
            "minutes": "",
            "participants": [
                (
                    "Ketut Widiarsa",
                    "Ketua KPU Provinsi Nusantara Barat",
                    "KPU Provinsi Nusantara Barat",
                    P.CHAIR,
                    True,
                ),
                (
                    "Dr. Hana Prameswari",
                    "Dosen Ilmu Komunikasi",
                    "Universitas Wiramadya",
                    P.SPEAKER,
                    True,
                ),
                (
                    "Teguh Santoso",
                    "Kepala Bagian Teknis dan Hupmas",
                    "KPU Provinsi Nusantara Barat",
                    P.MODERATOR,
                    True,
                ),
                ("Nur Aini", COMMISSIONERS[2][1], HOME, P.PARTICIPANT, True),
                ("Rina Wulandari", "Pranata Humas", HOME, P.PARTICIPANT, True),
            ],
            "groups": [("Pengelola humas KPU Kabupaten/Kota se-provinsi", 22)],
            "agenda": [
                ("Arahan Ketua KPU Provinsi", "Ketut Widiarsa"),
                (
                    "Strategi komunikasi dan klarifikasi informasi keliru",
                    "Dr. Hana Prameswari",
                ),
                ("Diskusi dan kesepakatan", "Teguh Santoso"),
            ],
            "resolutions": [
                (
                    "Menunjuk admin media sosial dan penanggung jawab konten, "
                    "lalu melaporkannya ke KPU Provinsi.",
                    "humas",
                    "Rina Wulandari",
                    due(-28),
                    S.DONE,
                    [
                        (-30, "Surat penunjukan ditandatangani Sekretaris."),
                        (-28, "Nama admin dilaporkan melalui surel ke KPU Provinsi."),
                    ],
                ),
                (
                    "Menyusun standar layanan klarifikasi informasi keliru "
                    "paling lama 1 x 24 jam.",
                    "humas",
                    "",
                    due(-7),
                    S.IN_PROGRESS,
                    [
                        (
                            -12,
                            "Draf standar layanan selesai, menunggu telaah Divisi "
                            "Hukum.",
                        )
                    ],
                ),
            ],
            "letters": [],
        },
        {
            "slug": "rakornas-kehumasan-daring-bakohumas",
            "title": "Rapat Koordinasi Nasional Kehumasan (Bakohumas) secara Daring",
            "kind": Meeting.Kind.COORDINATION,
            "starts_at": at(-12, 9),
            "ends_at": at(-12, 12),
            "mode": Meeting.Mode.ONLINE,
            "place": "Ruang Media Center KPU Kabupaten Sukamaju (mengikuti daring)",
            "online_link": "https://meet.example.org/bakohumas-kpu",
            "unit": "humas",
            "host": "KPU Republik Indonesia",
            "is_public": True,
            "status": Meeting.Status.HELD,
            "summary": (
                "Rapat koordinasi nasional membahas tindak lanjut surat edaran "
                "tentang publikasi tahapan dan keterbukaan informasi. Peserta "
                "berasal dari seluruh KPU provinsi dan KPU kabupaten/kota.\n\n"
                "Narasumber pertama memaparkan kalender konten nasional; "
                "narasumber kedua menjelaskan etika publikasi dan perlindungan "
                "data pribadi dalam foto dan daftar hadir kegiatan.\n\n"
                "Satuan kerja diminta menyesuaikan kalender konten daerah dan "
                "memastikan setiap unggahan mencantumkan sumber resmi."
            ),
            "minutes": "",
            "participants": [
                (
                    "Prof. Gunawan Hadisaputra",
                    "Anggota KPU RI, Koordinator Divisi Sosdiklih, Parmas dan SDM",
                    "KPU Republik Indonesia",
                    P.CHAIR,
                    True,
                ),
                (
                    "Dewi Kartikasari",
                    "Kepala Biro Humas",
                    "KPU Republik Indonesia",
                    P.SPEAKER,
                    True,
                ),
                (
                    "Arif Setiawan, M.I.Kom.",
                    "Pakar Komunikasi Publik",
                    "Lembaga Kajian Media Nusantara",
                    P.SPEAKER,
                    True,
                ),
                (
                    "Siti Marlina",
                    "Analis Kebijakan",
                    "KPU Republik Indonesia",
                    P.MODERATOR,
                    True,
                ),
                ("Nur Aini", COMMISSIONERS[2][1], HOME, P.PARTICIPANT, True),
                ("Rina Wulandari", "Pranata Humas", HOME, P.NOTE_TAKER, True),
                (
                    "Dimas Prasetyo",
                    "Staf Subbagian Teknis dan Hupmas",
                    HOME,
                    P.PARTICIPANT,
                    True,
                ),
            ],
            "groups": [("KPU Provinsi", 34), ("KPU Kabupaten/Kota", 514)],
            "agenda": [
                ("Pembukaan dan arahan", "Prof. Gunawan Hadisaputra"),
                ("Kalender konten nasional", "Dewi Kartikasari"),
                (
                    "Etika publikasi dan perlindungan data pribadi",
                    "Arif Setiawan, M.I.Kom.",
                ),
                ("Tanya jawab", "Siti Marlina"),
            ],
            "resolutions": [
                (
                    "Menyesuaikan kalender konten kabupaten dengan kalender "
                    "konten nasional.",
                    "humas",
                    "",
                    due(3),
                    S.IN_PROGRESS,
                    [(-8, "Kalender konten dua bulan ke depan sudah disusun.")],
                ),
                (
                    "Mengaburkan wajah anak dan data pribadi pada foto kegiatan "
                    "sebelum diunggah.",
                    "humas",
                    "Dimas Prasetyo",
                    due(-10),
                    S.DONE,
                    [(-10, "Panduan singkat diedarkan ke seluruh pegawai.")],
                ),
                (
                    "Melaporkan akun media sosial resmi untuk diverifikasi.",
                    "data-informasi",
                    "Maya Anggraini",
                    due(-4),
                    S.OPEN,
                    [],
                ),
            ],
            "letters": [
                (
                    "412/HM.01-SD/04/2026",
                    today - datetime.timedelta(days=20),
                    "Rapat koordinasi nasional kehumasan secara daring",
                ),
            ],
        },
        {
            "slug": "workshop-penulisan-berita-dan-fotografi",
            "title": "Workshop Penulisan Berita dan Fotografi Kegiatan Kepemiluan",
            "kind": Meeting.Kind.WORKSHOP,
            "starts_at": at(-6, 8, 30),
            "ends_at": at(-6, 15),
            "mode": Meeting.Mode.HYBRID,
            "place": "Aula KPU Kabupaten Sukamaju",
            "online_link": "https://meet.example.org/workshop-sukamaju",
            "unit": "humas",
            "host": "",
            "is_public": True,
            "status": Meeting.Status.HELD,
            "summary": (
                "Workshop ini membekali pegawai dan badan adhoc dengan "
                "keterampilan menulis berita kegiatan yang lengkap (apa, siapa, "
                "kapan, di mana, mengapa, bagaimana) dan memotret kegiatan "
                "dengan cahaya dan komposisi yang baik.\n\n"
                "Peserta praktik menulis berita dari rapat pleno simulasi dan "
                "mendapat umpan balik langsung dari narasumber. Sesi foto "
                "membahas izin subjek, keterangan foto dan kredit."
            ),
            "minutes": "",
            "participants": [
                (*CHAIR, HOME, P.CHAIR, True),
                (
                    "Bayu Aditya",
                    "Redaktur Pelaksana",
                    "Harian Warta Sukamaju",
                    P.SPEAKER,
                    True,
                ),
                (
                    "Citra Handayani",
                    "Fotografer",
                    "Kantor Berita Daerah Sukamaju",
                    P.SPEAKER,
                    True,
                ),
                ("Nur Aini", COMMISSIONERS[2][1], HOME, P.MODERATOR, True),
                ("Rina Wulandari", "Pranata Humas", HOME, P.NOTE_TAKER, True),
                (
                    "Dimas Prasetyo",
                    "Staf Subbagian Teknis dan Hupmas",
                    HOME,
                    P.PARTICIPANT,
                    True,
                ),
                (
                    "Maya Anggraini",
                    "Operator Sistem Informasi",
                    HOME,
                    P.PARTICIPANT,
                    True,
                ),
            ],
            "groups": [
                ("Sekretariat PPK se-Kabupaten Sukamaju", 28, Meeting.Mode.ONLINE),
                ("Pegawai sekretariat", 17, Meeting.Mode.OFFLINE),
            ],
            "agenda": [
                ("Pembukaan", CHAIR[0]),
                ("Menulis berita kegiatan yang lengkap dan akurat", "Bayu Aditya"),
                ("Fotografi kegiatan dan etika foto", "Citra Handayani"),
                ("Praktik dan umpan balik", "Nur Aini"),
            ],
            "resolutions": [
                (
                    "Setiap PPK mengirim satu berita kegiatan per bulan untuk "
                    "dimuat di situs.",
                    "sosdiklih-parmas",
                    "",
                    due(24),
                    S.OPEN,
                    [],
                ),
                (
                    "Membuat templat keterangan foto dan kredit foto.",
                    "humas",
                    "Rina Wulandari",
                    due(-1),
                    S.IN_PROGRESS,
                    [(-2, "Templat selesai, tinggal disetujui Ketua.")],
                ),
            ],
            "letters": [],
        },
        {
            "slug": "bimtek-pengelolaan-situs-dan-media-sosial",
            "title": "Bimbingan Teknis Pengelolaan Situs Web dan Media Sosial",
            "kind": Meeting.Kind.TRAINING,
            "starts_at": at(9, 9),
            "ends_at": at(9, 15),
            "mode": Meeting.Mode.OFFLINE,
            "place": "Ruang Rapat Utama KPU Kabupaten Sukamaju",
            "unit": "data-informasi",
            "host": "",
            "is_public": True,
            "status": Meeting.Status.PLANNED,
            "summary": (
                "Bimbingan teknis bagi operator dan kontributor berita: menulis "
                "draf, mengunggah foto yang aman, dan menjadwalkan publikasi."
            ),
            "minutes": "",
            "participants": [
                ("Sri Lestari", COMMISSIONERS[1][1], HOME, P.CHAIR, True),
                ("Maya Anggraini", "Operator Sistem Informasi", HOME, P.SPEAKER, True),
                ("Fajar Ramadhan", staff[3][1], HOME, P.MODERATOR, True),
            ],
            "groups": [("Kontributor berita dari divisi dan subbagian", 12)],
            "agenda": [
                ("Alur kerja berita: draf, tinjauan dan terbit", "Maya Anggraini"),
                ("Praktik mengunggah foto dan dokumen", "Maya Anggraini"),
            ],
            "resolutions": [],
            "letters": [],
        },
    ]


@transaction.atomic
def seed(stdout):
    today = timezone.localdate()
    units = {unit.slug: unit for unit in Unit.objects.all()}
    users = _staff_accounts()
    counts = {"meetings": 0, "resolutions": 0}
    for data in _meetings(today):
        meeting, _created = Meeting.objects.update_or_create(
            slug=data["slug"],
            defaults={
                "title": data["title"],
                "kind": data["kind"],
                "starts_at": data["starts_at"],
                "ends_at": data["ends_at"],
                "mode": data["mode"],
                "place": data["place"],
                "online_link": data.get("online_link", ""),
                "organiser_unit": units.get(data["unit"]),
                "host_institution": data["host"],
                "summary": data["summary"],
                "minutes": data["minutes"],
                "is_public": data["is_public"],
                "status": data["status"],
            },
        )
        counts["meetings"] += 1
        for order, (name, position, organisation, role, present) in enumerate(
            data["participants"], start=1
        ):
            Participant.objects.update_or_create(
                meeting=meeting,
                name=name,
                defaults={
                    "order": order,
                    "position": position,
                    "organisation": organisation,
                    "role": role,
                    "present": present,
                    "user": users.get(name),
                },
            )
        for order, (label, count, *mode) in enumerate(data["groups"], start=1):
            ParticipantGroup.objects.update_or_create(
                meeting=meeting,
                label=label,
                defaults={"count": count, "order": order, "mode": "".join(mode)},
            )
        # Groups renamed in later demo versions ("… (daring)") are replaced.
        meeting.participant_groups.exclude(
            label__in=[label for label, *_rest in data["groups"]]
        ).delete()
        for order, (topic, presenter) in enumerate(data["agenda"], start=1):
            AgendaItem.objects.update_or_create(
                meeting=meeting,
                order=order,
                defaults={"topic": topic, "presenter": presenter},
            )
        for order, (text, unit, person, due_date, status, notes) in enumerate(
            data["resolutions"], start=1
        ):
            resolution, _created = Resolution.objects.update_or_create(
                meeting=meeting,
                order=order,
                defaults={
                    "text": text,
                    "responsible_unit": units.get(unit),
                    "responsible_person": person,
                    "due_date": due_date,
                    "status": status,
                },
            )
            counts["resolutions"] += 1
            for days, note in notes:
                FollowUp.objects.update_or_create(
                    resolution=resolution,
                    note=note,
                    defaults={
                        "date": today + datetime.timedelta(days=days),
                        "author": users.get("Rina Wulandari"),
                    },
                )
        for number, date, subject in data["letters"]:
            letter, _created = ReferencedLetter.objects.update_or_create(
                meeting=meeting,
                number=number,
                defaults={"date": date, "subject": subject},
            )
            if not letter.file:
                text = [
                    "KOMISI PEMILIHAN UMUM (DEMO)",
                    f"Nomor: {number}",
                    f"Perihal: {subject}",
                    "",
                    "Dokumen contoh untuk situs demo Humas CMS.",
                ]
                letter.file.save("surat.pdf", ContentFile(_pdf(text)), save=True)
    _news_from_meetings(users.get("Rina Wulandari"))
    stdout.write(
        f"{counts['meetings']} rapat dengan {counts['resolutions']} keputusan "
        "dan tindak lanjutnya; 2 berita ditulis dari rapat (1 terbit, 1 draf)."
    )


def _news_from_meetings(editor):
    """The meeting → news pipeline: one published story, one waiting draft."""
    from humas_site.demo import demo_image
    from news.models import Article

    from .services import meeting_create_news_draft

    workshop = Meeting.objects.get(slug="workshop-penulisan-berita-dan-fotografi")
    article, created = meeting_create_news_draft(meeting=workshop, user=editor)
    if created:
        article.image_caption = "Peserta workshop berlatih memotret kegiatan."
        article.image_credit = "dok. Humas KPU Sukamaju"
        article.featured_image.save(
            "workshop.jpg", demo_image("Workshop berita dan foto", seed=31), save=False
        )
        article.status = Article.Status.PUBLISHED
        article.published_at = workshop.ends_at + datetime.timedelta(hours=3)
        article.save()
    bakohumas = Meeting.objects.get(slug="rakornas-kehumasan-daring-bakohumas")
    meeting_create_news_draft(meeting=bakohumas, user=editor)


def _staff_accounts():
    """Demo staff accounts by full name, to link participants to them."""
    from django.contrib.auth import get_user_model

    users = get_user_model().objects.filter(
        username__in=["editor", "kontributor", "pimpinan"]
    )
    return {user.get_full_name(): user for user in users}
