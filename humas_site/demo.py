"""Demo content for the site frame: a fictional regency election commission.

Names, places and texts are invented. Every function is idempotent: records are
looked up by a natural key and updated, never duplicated.
"""

import io
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from .models import InstitutionProfile, StaffProfile, Unit
from .richtext import sanitize_html
from .roles import CONTRIBUTOR, EDITOR, LEADER, sync_roles

INSTITUTION = {
    "name": "KPU Kabupaten Sukamaju",
    "short_name": "KPU Sukamaju",
    "tagline": "Melayani dengan integritas, transparan dan akuntabel",
    "level": InstitutionProfile.Level.REGENCY,
    "primary_color": "#8b1a1a",
    "address": "Jl. Merdeka Timur No. 17\nKelurahan Sukamaju Kota, Kecamatan Sukamaju\n"
    "Kabupaten Sukamaju 45123",
    "city": "Sukamaju",
    "phone": "(0291) 555 0170",
    "email": "humas@kpu-sukamaju.example",
    "whatsapp": "0812 0000 1717",
    "time_zone": "Asia/Jakarta",
    "facebook_url": "https://www.facebook.com/kpusukamaju.example",
    "instagram_url": "https://www.instagram.com/kpusukamaju.example",
    "x_url": "https://x.com/kpusukamaju_ex",
    "youtube_url": "https://www.youtube.com/@kpusukamaju.example",
    "tiktok_url": "",
    "footer_text": "Situs resmi Komisi Pemilihan Umum Kabupaten Sukamaju (demo).",
}

UNITS = [
    ("Sekretariat", "sekretariat", Unit.Kind.SECRETARIAT),
    ("Divisi Teknis Penyelenggaraan", "teknis", Unit.Kind.DIVISION),
    ("Divisi Perencanaan, Data dan Informasi", "data-informasi", Unit.Kind.DIVISION),
    (
        "Divisi Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat",
        "sosdiklih-parmas",
        Unit.Kind.DIVISION,
    ),
    ("Divisi Hukum dan Pengawasan", "hukum-pengawasan", Unit.Kind.DIVISION),
    ("Subbagian Teknis dan Hubungan Masyarakat", "humas", Unit.Kind.SUBDIVISION),
]

# username, first name, last name, role, unit slug, position
STAFF = [
    ("editor", "Rina", "Wulandari", EDITOR, "humas", "Pranata Humas"),
    (
        "kontributor",
        "Dimas",
        "Prasetyo",
        CONTRIBUTOR,
        "data-informasi",
        "Staf Divisi Perencanaan, Data dan Informasi",
    ),
    (
        "kontributor2",
        "Ayu",
        "Kartikasari",
        CONTRIBUTOR,
        "sosdiklih-parmas",
        "Staf Divisi Sosialisasi dan Parmas",
    ),
    ("pimpinan", "Hendra", "Saputra", LEADER, "sekretariat", "Ketua KPU Kabupaten"),
]
DEMO_STAFF_PASSWORD = "humas-demo-2026"

PAGES = [
    (
        "/profil/",
        "Profil",
        "<p>KPU Kabupaten Sukamaju adalah penyelenggara pemilihan umum di tingkat "
        "kabupaten yang bersifat nasional, tetap dan mandiri. Kami menyelenggarakan "
        "pemilihan umum dan pemilihan kepala daerah di 14 kecamatan dan 212 desa/"
        "kelurahan.</p><h2>Komisioner</h2><ul><li>Ketua: Ahmad Fauzi Rahman</li>"
        "<li>Anggota: Sri Lestari, Bambang Wicaksono, Nur Aini, Yusuf Hidayat</li></ul>"
        "<p>Komisioner dibantu oleh Sekretariat yang dipimpin seorang Sekretaris.</p>",
    ),
    (
        "/profil/visi-dan-misi/",
        "Visi dan Misi",
        "<h2>Visi</h2><p>Menjadi penyelenggara pemilu yang mandiri, profesional dan "
        "berintegritas untuk pemilu yang berkualitas.</p><h2>Misi</h2><ol>"
        "<li>Membangun lembaga penyelenggara pemilu yang kredibel.</li>"
        "<li>Menyelenggarakan pemilu yang langsung, umum, bebas, rahasia, jujur dan "
        "adil.</li><li>Meningkatkan partisipasi dan pendidikan politik pemilih.</li>"
        "<li>Memanfaatkan teknologi informasi untuk keterbukaan informasi publik.</li>"
        "</ol>",
    ),
    (
        "/profil/tugas-dan-fungsi/",
        "Tugas dan Fungsi",
        "<p>Sesuai peraturan perundang-undangan, KPU Kabupaten bertugas antara "
        "lain:</p>"
        "<ul><li>menjabarkan program dan melaksanakan anggaran serta menetapkan jadwal "
        "di kabupaten;</li><li>melaksanakan tahapan penyelenggaraan pemilu;</li>"
        "<li>memutakhirkan data pemilih dan menetapkannya sebagai daftar pemilih;</li>"
        "<li>menyampaikan informasi kegiatan kepada masyarakat;</li>"
        "<li>melakukan sosialisasi dan pendidikan pemilih.</li></ul>",
    ),
    (
        "/profil/struktur-organisasi/",
        "Struktur Organisasi",
        "<p>Struktur organisasi KPU Kabupaten Sukamaju terdiri atas lima anggota "
        "komisioner dan Sekretariat.</p><table><tbody>"
        "<tr><th>Jabatan</th><th>Nama</th></tr>"
        "<tr><td>Ketua</td><td>Ahmad Fauzi Rahman</td></tr>"
        "<tr><td>Divisi Teknis Penyelenggaraan</td><td>Bambang Wicaksono</td></tr>"
        "<tr><td>Divisi Perencanaan, Data dan Informasi</td><td>Sri Lestari</td></tr>"
        "<tr><td>Divisi Sosdiklih dan Parmas</td><td>Nur Aini</td></tr>"
        "<tr><td>Divisi Hukum dan Pengawasan</td><td>Yusuf Hidayat</td></tr>"
        "<tr><td>Sekretaris</td><td>Drs. Agus Salim Nugroho</td></tr>"
        "</tbody></table>",
    ),
    (
        "/kontak/",
        "Kontak",
        "<p>Kantor KPU Kabupaten Sukamaju melayani masyarakat pada hari Senin–Jumat "
        "pukul 08.00–16.00 WIB.</p><ul><li>Alamat: Jl. Merdeka Timur No. 17, "
        "Sukamaju</li><li>Telepon: (0291) 555 0170</li><li>Surel: "
        '<a href="mailto:humas@kpu-sukamaju.example">humas@kpu-sukamaju.example</a>'
        "</li></ul>",
    ),
    (
        "/ppid/",
        "PPID",
        "<p>Pejabat Pengelola Informasi dan Dokumentasi (PPID) KPU Kabupaten Sukamaju "
        "melayani permohonan informasi publik sesuai Undang-Undang Nomor 14 Tahun 2008 "
        "tentang Keterbukaan Informasi Publik.</p><h2>Cara mengajukan permohonan</h2>"
        "<ol><li>Datang ke meja layanan PPID atau kirim surel ke "
        "ppid@kpu-sukamaju.example.</li><li>Isi formulir permohonan dan lampirkan "
        "salinan KTP.</li><li>Informasi diberikan paling lambat 10 hari kerja.</li>"
        "</ol><h2>Daftar informasi publik</h2><ul><li>Informasi berkala</li>"
        "<li>Informasi serta-merta</li><li>Informasi setiap saat</li></ul>",
    ),
]


def demo_image(text, size=(1200, 800), seed=0, fmt="JPEG"):
    """A generated activity photo: a meeting room with a banner and participants.

    Drawn with Pillow at run time, nothing downloaded; ``seed`` varies colours
    and the number of people, ``text`` is printed on the banner.
    """
    rng = random.Random(seed)
    width, height = size
    wall = (rng.randint(150, 215), rng.randint(140, 205), rng.randint(125, 190))
    image = Image.new("RGB", size, wall)
    draw = ImageDraw.Draw(image)
    for y in range(height):  # light falling from the ceiling
        shade = int(40 * y / height)
        draw.line([(0, y), (width, y)], fill=tuple(max(0, c - shade) for c in wall))
    if width < 400:  # small pictures (logos) get a simple emblem
        draw.ellipse(
            [8, 8, width - 8, height - 8],
            fill=(139, 26, 26),
            outline=(255, 215, 0),
            width=6,
        )
        font = ImageFont.load_default(size=height // 4)
        draw.text((width / 2, height / 2), text, fill="white", font=font, anchor="mm")
        return _as_file(image, fmt)
    # Banner with the event title, wrapped to fit.
    banner = [width * 0.08, height * 0.08, width * 0.92, height * 0.36]
    draw.rectangle(banner, fill=(139, 26, 26), outline=(240, 240, 240), width=4)
    font_size = height // 14
    font = ImageFont.load_default(size=font_size)
    lines = _wrap(text, font, banner[2] - banner[0] - 40)
    while len(lines) > 2 and font_size > 12:
        font_size -= 2
        font = ImageFont.load_default(size=font_size)
        lines = _wrap(text, font, banner[2] - banner[0] - 40)
    centre_y = (banner[1] + banner[3]) / 2 - (len(lines) - 1) * font_size * 0.6
    for index, line in enumerate(lines[:2]):
        draw.text(
            (width / 2, centre_y + index * font_size * 1.2),
            line,
            fill="white",
            font=font,
            anchor="mm",
        )
    # Participants behind a long table.
    people = rng.randint(4, 8)
    for index in range(people):
        x = width * (0.1 + 0.8 * (index + 0.5) / people)
        head = height * 0.055
        colour = rng.choice(
            [(40, 40, 60), (90, 60, 40), (30, 70, 110), (120, 30, 30), (60, 60, 60)]
        )
        draw.rounded_rectangle(
            [x - head * 1.6, height * 0.5, x + head * 1.6, height * 0.75],
            radius=int(head),
            fill=colour,
        )
        draw.ellipse(
            [x - head, height * 0.5 - head * 2.1, x + head, height * 0.5 - head * 0.1],
            fill=(rng.randint(150, 210), rng.randint(110, 160), rng.randint(80, 120)),
        )
    draw.rectangle([0, height * 0.68, width, height * 0.8], fill=(90, 60, 35))
    draw.rectangle([0, height * 0.8, width, height], fill=(110, 110, 120))
    return _as_file(image, fmt)


def _wrap(text, font, max_width):
    lines, current = [], ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if font.getlength(candidate) <= max_width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    return [*lines, current] if current else lines


def _as_file(image, fmt):
    out = io.BytesIO()
    image.save(out, fmt, quality=80)
    return ContentFile(out.getvalue(), name=f"demo.{fmt.lower()}")


def update_if_changed(model, slug, values):
    """Create the object with this slug, or update it only if ``values`` differ.

    Unlike update_or_create, an unchanged object is not saved again, so models
    that keep a revision per save (articles) gain no rows on a second seed.
    """
    obj = model.objects.filter(slug=slug).first()
    if obj is None:
        return model.objects.create(slug=slug, **values), True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj, False


def seed(stdout):
    site, _created = Site.objects.get_or_create(pk=settings.SITE_ID)
    site.domain, site.name = "127.0.0.1:8000", INSTITUTION["short_name"]
    site.save()

    profile = InstitutionProfile.objects.order_by("pk").first() or InstitutionProfile()
    for field, value in INSTITUTION.items():
        setattr(profile, field, value)
    if not profile.logo:
        profile.logo.save(
            "logo.png", demo_image("KPU", (256, 256), seed=7, fmt="PNG"), save=False
        )
    profile.save()

    for order, (name, slug, kind) in enumerate(UNITS):
        Unit.objects.update_or_create(
            slug=slug, defaults={"name": name, "kind": kind, "order": order}
        )

    groups = sync_roles()
    humas = Unit.objects.get(slug="humas")
    for username, first_name, last_name, role, unit_slug, position in STAFF:
        user, _created = get_user_model().objects.update_or_create(
            username=username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{username}@kpu-sukamaju.example",
                "is_staff": True,
                "is_active": True,
            },
        )
        user.set_password(DEMO_STAFF_PASSWORD)
        user.save()
        user.groups.set([groups[role]])
        # Demo accounts keep the printed password (no forced change).
        StaffProfile.objects.update_or_create(
            user=user,
            defaults={
                "unit": Unit.objects.get(slug=unit_slug),
                "position": position,
                "phone": "0812 0000 0000",
                "must_change_password": False,
            },
        )

    for url, title, content in PAGES:
        page = FlatPage.objects.filter(url=url).first() or FlatPage(url=url)
        # Saved only when new or changed: every save is a page revision.
        if page.pk is None or (page.title, page.content) != (
            title,
            sanitize_html(content),
        ):
            page.title, page.content = title, content
            page.save()
        page.sites.set([site])

    stdout.write(
        f"Profil lembaga, {len(UNITS)} unit kerja, {len(STAFF)} akun staf "
        f"(sandi {DEMO_STAFF_PASSWORD}) dan {len(PAGES)} halaman statis. "
        f"Unit humas: {humas.name}."
    )
