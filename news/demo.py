"""Demo news for the fictional KPU Kabupaten Sukamaju.

All names, places and events are invented. ``seed`` is idempotent: categories
and articles are keyed on their slug, photos are generated only when missing,
and the daily view counts of the last two weeks are rewritten in place.
"""

import datetime
import random
from html import escape

from django.contrib.auth import get_user_model
from django.utils import timezone

from humas_site.demo import demo_image, update_if_changed
from humas_site.models import Unit

from .models import Article, ArticleDailyView, ArticlePhoto, Category

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
ARTICLES = [
    {
        "slug": "rakor-persiapan-coklit-bersama-ppk-se-kabupaten-sukamaju",
        "title": "Rakor Persiapan Coklit, KPU Sukamaju Minta PPK Petakan Wilayah Sulit",
        "category": "berita",
        "unit": "data-informasi",
        "tags": ["coklit", "pemutakhiran data pemilih", "PPK"],
        "days": 1,
        "headline": True,
        "gallery": 3,
        "lead": "KPU Kabupaten Sukamaju menggelar rapat koordinasi persiapan "
        "pencocokan dan penelitian (coklit) bersama 14 Panitia Pemilihan "
        "Kecamatan di aula kantor KPU, Senin pagi.",
        "blocks": [
            (
                "p",
                "Rapat dipimpin Ketua KPU Kabupaten Sukamaju, Ahmad Fauzan "
                "Hidayat, dan diikuti ketua serta anggota divisi data dari setiap "
                "PPK. Agenda utamanya menyamakan langkah sebelum petugas pemutakhiran "
                "data pemilih (pantarlih) turun mendatangi rumah warga.",
            ),
            (
                "p",
                "Anggota KPU Divisi Perencanaan, Data dan Informasi, Nurul Aini "
                "Rahmawati, meminta setiap PPK memetakan desa yang sulit dijangkau, "
                "terutama di Kecamatan Tanjungwangi dan Pasirluhur yang sebagian "
                "wilayahnya hanya bisa dicapai dengan sepeda motor.",
            ),
            (
                "q",
                "Coklit bukan sekadar menempel stiker. Setiap nama yang kami "
                "catat harus benar-benar orangnya ada, masih hidup, dan memenuhi "
                "syarat sebagai pemilih.",
                "Nurul Aini Rahmawati",
            ),
            ("h", "Hal yang disepakati"),
            (
                "ul",
                [
                    "PPK menyerahkan peta wilayah kerja pantarlih paling lambat "
                    "Jumat pekan ini.",
                    "Setiap pantarlih membawa formulir model A dan salinan daftar "
                    "pemilih dalam bentuk cetak.",
                    "Temuan pemilih ganda dilaporkan setiap sore melalui grup "
                    "koordinasi kecamatan.",
                ],
            ),
            (
                "p",
                "Rapat ditutup dengan simulasi pengisian formulir oleh operator "
                "data dari Kecamatan Sukamaju Kota.",
            ),
        ],
    },
    {
        "slug": "bimtek-pantarlih-gelombang-pertama",
        "title": "Bimtek Pantarlih Gelombang Pertama Diikuti 212 Petugas",
        "category": "berita",
        "unit": "teknis",
        "tags": ["pantarlih", "bimtek", "coklit"],
        "days": 3,
        "gallery": 2,
        "lead": "Sebanyak 212 petugas pemutakhiran data pemilih dari enam kecamatan "
        "mengikuti bimbingan teknis gelombang pertama di Gedung Serbaguna "
        "Sukamaju.",
        "blocks": [
            (
                "p",
                "Bimtek berlangsung sehari penuh dengan tiga sesi: tata cara "
                "coklit, penggunaan aplikasi pendukung di ponsel, dan etika petugas "
                "saat mendatangi rumah warga.",
            ),
            (
                "p",
                "Anggota KPU Divisi Teknis Penyelenggaraan, Yusuf Maulana, "
                "mengingatkan bahwa pantarlih wajib menemui pemilih secara langsung. "
                "Data tidak boleh hanya disalin dari daftar lama atau keterangan "
                "tetangga.",
            ),
            (
                "q",
                "Kalau pemilih sedang bekerja di luar kota, catat dan kembali "
                "lagi. Jangan ditebak-tebak.",
                "Yusuf Maulana",
            ),
            (
                "p",
                "Gelombang kedua dijadwalkan Kamis depan untuk delapan kecamatan "
                "lainnya.",
            ),
        ],
    },
    {
        "slug": "bakohumas-sukamaju-sepakati-kanal-informasi-bersama",
        "title": "Forum Bakohumas Sukamaju Sepakati Kanal Informasi Bersama Jelang "
        "Tahapan Kampanye",
        "category": "berita",
        "unit": "humas",
        "tags": ["bakohumas", "kehumasan", "media sosial"],
        "days": 5,
        "lead": "Humas KPU Kabupaten Sukamaju menjadi tuan rumah pertemuan Badan "
        "Koordinasi Kehumasan (Bakohumas) yang dihadiri humas dari 23 perangkat "
        "daerah, Polres, Kodim, dan Bawaslu kabupaten.",
        "blocks": [
            (
                "p",
                "Pertemuan membahas cara menyebarkan informasi tahapan pemilu "
                "secara serempak melalui akun resmi setiap instansi. Peserta "
                "sepakat membagikan ulang unggahan KPU tentang jadwal dan lokasi "
                "layanan pemilih.",
            ),
            ("h", "Tiga kesepakatan forum"),
            (
                "ol",
                [
                    "Satu jalur verifikasi: informasi kepemiluan yang meragukan "
                    "dikonfirmasi lebih dulu ke Humas KPU sebelum diunggah.",
                    "Kalender konten bersama diperbarui setiap Senin.",
                    "Admin media sosial setiap instansi tergabung dalam satu grup "
                    "respons cepat untuk menangkal hoaks.",
                ],
            ),
            (
                "p",
                "Kepala Subbagian Teknis dan Hubungan Masyarakat, Lina "
                "Marlianti, menyebut forum ini akan rutin digelar setiap dua bulan "
                "untuk mengoptimalkan jangkauan informasi publik.",
            ),
        ],
    },
    {
        "slug": "klarifikasi-hoaks-surat-suara-sudah-dicoblos",
        "title": "[Klarifikasi] Video Surat Suara Sudah Dicoblos Bukan dari Sukamaju",
        "category": "klarifikasi-hoaks",
        "unit": "hukum-pengawasan",
        "tags": ["hoaks", "surat suara", "cek fakta"],
        "days": 2,
        "lead": "Beredar video pendek di grup percakapan yang menyebut surat suara "
        "di gudang logistik KPU Sukamaju sudah tercoblos. KPU memastikan video "
        "itu tidak direkam di Sukamaju.",
        "blocks": [
            (
                "p",
                "Video berdurasi 40 detik itu memperlihatkan tumpukan surat "
                "suara dengan tanda coblos. Berdasarkan penelusuran, video yang sama "
                "telah beredar sejak pemilu sebelumnya di daerah lain dan sudah "
                "dinyatakan keliru oleh lembaga pemeriksa fakta.",
            ),
            (
                "p",
                "KPU Kabupaten Sukamaju juga belum menerima surat suara untuk "
                "tahapan saat ini. Gudang logistik di Jalan Merdeka Timur masih berisi "
                "kotak suara kosong dan bilik yang sedang diinventarisasi.",
            ),
            (
                "q",
                "Kami mengundang wartawan dan warga yang ingin melihat langsung "
                "kondisi gudang. Pintu kami terbuka pada jam kerja.",
                "Bambang Setiadi, Anggota KPU Divisi Hukum dan Pengawasan",
            ),
            ("h", "Cara memeriksa kabar serupa"),
            (
                "ul",
                [
                    "Perhatikan apakah video menyebut tanggal dan tempat yang jelas.",
                    "Cocokkan dengan kanal resmi KPU kabupaten, provinsi dan pusat.",
                    "Laporkan ke layanan informasi KPU Sukamaju melalui WhatsApp "
                    "resmi.",
                ],
            ),
        ],
    },
    {
        "slug": "siaran-pers-jadwal-pendaftaran-ppk",
        "title": "Siaran Pers: Pendaftaran Anggota PPK Dibuka 10 Hari",
        "category": "siaran-pers",
        "unit": "sekretariat",
        "tags": ["badan adhoc", "PPK", "rekrutmen"],
        "days": 20,
        "lead": "KPU Kabupaten Sukamaju membuka pendaftaran calon anggota Panitia "
        "Pemilihan Kecamatan (PPK) untuk 14 kecamatan, dengan kebutuhan lima orang "
        "per kecamatan.",
        "blocks": [
            (
                "p",
                "Pendaftaran dilakukan secara daring melalui aplikasi "
                "rekrutmen badan adhoc dan secara langsung di kantor KPU. Pendaftar "
                "yang kesulitan mengunggah berkas dapat dibantu petugas layanan di "
                "ruang informasi.",
            ),
            ("h", "Syarat utama"),
            (
                "ul",
                [
                    "Warga negara Indonesia berusia paling rendah 17 tahun.",
                    "Berdomisili di kecamatan tempat mendaftar.",
                    "Tidak menjadi anggota partai politik, atau telah keluar paling "
                    "singkat lima tahun.",
                    "Berpendidikan paling rendah SMA atau sederajat.",
                ],
            ),
            (
                "p",
                "Keterwakilan perempuan paling sedikit 30 persen diperhatikan "
                "dalam seleksi. Informasi lengkap tersedia di papan pengumuman kantor "
                "KPU dan di situs ini.",
            ),
        ],
    },
    {
        "slug": "sosialisasi-pemilih-pemula-sman-2-sukamaju",
        "title": "Ratusan Siswa SMAN 2 Sukamaju Ikuti Simulasi Pemungutan Suara",
        "category": "berita",
        "unit": "sosdiklih-parmas",
        "tags": ["pemilih pemula", "sosialisasi", "pendidikan pemilih"],
        "days": 4,
        "gallery": 3,
        "lead": "Suasana aula SMAN 2 Sukamaju berubah menjadi tempat pemungutan "
        "suara tiruan ketika 340 siswa kelas XII mengikuti sosialisasi pemilih "
        "pemula.",
        "blocks": [
            (
                "p",
                "Siswa tidak hanya mendengarkan materi, tetapi juga bergantian "
                "menjadi anggota KPPS, saksi, dan pemilih. Mereka antre, menunjukkan "
                "undangan, mencoblos di bilik, lalu mencelupkan jari ke tinta.",
            ),
            (
                "q",
                "Ternyata prosesnya panjang dan diawasi banyak orang. Saya jadi "
                "yakin suara saya benar-benar dihitung.",
                "Nadia, siswi kelas XII IPS",
            ),
            (
                "p",
                "Anggota KPU Divisi Sosialisasi, Pendidikan Pemilih dan "
                "Partisipasi Masyarakat, Ratna Sari Ningsih, menyebut kelompok "
                "pemilih pemula di Sukamaju diperkirakan lebih dari 18 ribu orang. "
                "Sekolah menjadi tempat paling efektif untuk menjangkau mereka.",
            ),
            (
                "p",
                "Kegiatan serupa dijadwalkan di sembilan SMA, SMK dan madrasah "
                "aliyah hingga akhir bulan.",
            ),
        ],
    },
    {
        "slug": "workshop-penulisan-berita-untuk-operator-kecamatan",
        "title": "Workshop Penulisan Berita untuk Operator Kecamatan: Tulis yang "
        "Penting Lebih Dulu",
        "category": "berita",
        "unit": "humas",
        "tags": ["kehumasan", "workshop", "PPK"],
        "days": 8,
        "lead": "Sebanyak 28 operator dan sekretariat PPK belajar menulis berita "
        "kegiatan yang singkat, akurat, dan siap diunggah ke situs KPU.",
        "blocks": [
            (
                "p",
                "Pemateri dari Persatuan Wartawan Sukamaju, Hendri Gunawan, "
                "mengajak peserta membiasakan struktur piramida terbalik: informasi "
                "terpenting di paragraf pertama, detail pendukung di bawahnya.",
            ),
            ("h", "Daftar periksa sebelum mengirim berita"),
            (
                "ol",
                [
                    "Apakah judul menyebut siapa dan apa?",
                    "Apakah nama dan jabatan narasumber sudah ditulis lengkap?",
                    "Apakah foto disertai keterangan dan nama pemotret?",
                    "Apakah angka sudah dicek ulang dengan dokumen?",
                ],
            ),
            (
                "p",
                "Setiap peserta membawa pulang tugas menulis satu berita "
                "kegiatan kecamatan yang akan disunting bersama tim humas.",
            ),
        ],
    },
    {
        "slug": "pengumuman-layanan-pindah-memilih",
        "title": "Pengumuman: Layanan Pindah Memilih Dibuka di Kantor KPU dan PPS",
        "category": "pengumuman",
        "unit": "data-informasi",
        "tags": ["pindah memilih", "DPTb", "layanan pemilih"],
        "days": 6,
        "lead": "Pemilih yang pada hari pemungutan suara berada di luar alamat "
        "domisilinya dapat mengurus pindah memilih.",
        "blocks": [
            (
                "p",
                "Layanan tersedia di kantor KPU Kabupaten Sukamaju setiap hari "
                "kerja pukul 08.00–15.00 WIB, serta di sekretariat PPS desa dan "
                "kelurahan.",
            ),
            ("h", "Dokumen yang dibawa"),
            (
                "ul",
                [
                    "KTP elektronik atau identitas kependudukan digital.",
                    "Bukti alasan pindah, misalnya surat tugas, surat keterangan "
                    "rawat inap, atau kartu mahasiswa.",
                ],
            ),
            (
                "p",
                "Pemilih akan menerima formulir model A pindah memilih yang "
                "dibawa ke TPS tujuan. Jangan sampai hilang: formulir ini tidak "
                "dapat diterbitkan dua kali.",
            ),
        ],
    },
    {
        "slug": "opini-menjaga-akurasi-daftar-pemilih",
        "title": "Menjaga Akurasi Daftar Pemilih adalah Kerja Bersama",
        "category": "artikel-opini",
        "unit": "data-informasi",
        "tags": ["opini", "daftar pemilih", "pemutakhiran data pemilih"],
        "days": 12,
        "lead": "Daftar pemilih yang akurat tidak lahir dari meja kantor KPU saja, "
        "melainkan dari kesediaan warga memeriksa namanya sendiri.",
        "blocks": [
            (
                "p",
                "Setiap pemilu, keluhan yang sama muncul: nama anggota keluarga "
                "yang sudah meninggal masih tercantum, atau warga yang baru pindah "
                "justru tidak terdaftar. Sebagian besar persoalan itu sebenarnya "
                "dapat diselesaikan jauh sebelum hari pemungutan suara.",
            ),
            (
                "p",
                "Pemutakhiran data pemilih berkelanjutan memberi ruang bagi "
                "warga untuk melapor kapan saja. Laporan kematian dari ketua RT, "
                "data pindah datang dari kelurahan, dan pengecekan mandiri melalui "
                "laman cek DPT daring adalah bahan baku yang sangat berharga.",
            ),
            (
                "q",
                "Daftar pemilih adalah cermin. Ia hanya sebersih tangan-tangan "
                "yang ikut merawatnya.",
                "Nurul Aini Rahmawati",
            ),
            (
                "p",
                "Karena itu, kami mengajak perangkat desa, tokoh masyarakat, "
                "dan pengurus RT/RW menjadi mata dan telinga penyelenggara. Satu "
                "laporan hari ini bisa mencegah satu sengketa di kemudian hari.",
            ),
            (
                "p",
                "<em>Penulis adalah Anggota KPU Kabupaten Sukamaju Divisi "
                "Perencanaan, Data dan Informasi.</em>",
            ),
        ],
    },
    {
        "slug": "rapat-pleno-rekapitulasi-dpb-triwulan",
        "title": "Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan "
        "Triwulan Ketiga",
        "category": "berita",
        "unit": "data-informasi",
        "tags": ["DPB", "rapat pleno", "pemutakhiran data pemilih"],
        "days": 15,
        "lead": "KPU Kabupaten Sukamaju menetapkan rekapitulasi daftar pemilih "
        "berkelanjutan triwulan ketiga sebanyak 812.436 pemilih dalam rapat pleno "
        "terbuka.",
        "blocks": [
            (
                "p",
                "Rapat pleno dihadiri Bawaslu Kabupaten Sukamaju, Dinas "
                "Kependudukan dan Pencatatan Sipil, perwakilan partai politik, serta "
                "Polres Sukamaju.",
            ),
            (
                "table",
                [
                    ["Keterangan", "Jumlah"],
                    ["Pemilih baru", "3.214"],
                    ["Pemilih tidak memenuhi syarat", "2.087"],
                    ["Perbaikan data", "1.560"],
                ],
            ),
            (
                "p",
                "Dibanding triwulan sebelumnya, jumlah pemilih bertambah 1.127 "
                "orang, sebagian besar warga yang genap berusia 17 tahun.",
            ),
        ],
    },
    {
        "slug": "kpu-sukamaju-terima-audiensi-forum-disabilitas",
        "title": "Terima Audiensi Forum Disabilitas, KPU Sukamaju Siapkan TPS Ramah "
        "Akses",
        "category": "berita",
        "unit": "sosdiklih-parmas",
        "tags": ["disabilitas", "TPS", "aksesibilitas"],
        "days": 9,
        "lead": "Forum Komunikasi Disabilitas Sukamaju menyampaikan sejumlah "
        "masukan mengenai aksesibilitas tempat pemungutan suara.",
        "blocks": [
            (
                "p",
                "Ketua forum, Wahyu Hidayatullah, menyebut masih ada TPS pada "
                "pemilu lalu yang berada di lantai dua atau di halaman berbatu "
                "sehingga menyulitkan pengguna kursi roda.",
            ),
            (
                "q",
                "Kami tidak minta diistimewakan. Kami minta bisa masuk bilik "
                "suara sendiri, seperti warga lainnya.",
                "Wahyu Hidayatullah",
            ),
            (
                "p",
                "KPU berjanji memasukkan syarat aksesibilitas ke dalam bimtek "
                "KPPS, termasuk penyediaan alat bantu coblos tunanetra dan meja "
                "bilik yang dapat dijangkau dari kursi roda.",
            ),
        ],
    },
    {
        "slug": "siaran-pers-hasil-seleksi-administrasi-ppk",
        "title": "Siaran Pers: 318 Pendaftar Lolos Seleksi Administrasi Calon "
        "Anggota PPK",
        "category": "siaran-pers",
        "unit": "sekretariat",
        "tags": ["badan adhoc", "PPK", "rekrutmen"],
        "days": 11,
        "lead": "Dari 402 pendaftar, sebanyak 318 orang dinyatakan memenuhi syarat "
        "administrasi dan berhak mengikuti tes tertulis berbasis komputer.",
        "blocks": [
            (
                "p",
                "Tes tertulis berlangsung di laboratorium komputer SMKN 1 "
                "Sukamaju dalam empat sesi. Peserta diminta hadir 45 menit sebelum "
                "sesi dimulai dengan membawa KTP elektronik asli.",
            ),
            (
                "p",
                "Pendaftar yang belum lolos dapat meminta penjelasan alasan "
                "ketidaklolosan melalui layanan informasi KPU pada jam kerja.",
            ),
        ],
    },
    {
        "slug": "hoaks-pendaftaran-kpps-berbayar",
        "title": "[Klarifikasi] Pendaftaran Badan Adhoc Tidak Dipungut Biaya",
        "category": "klarifikasi-hoaks",
        "unit": "hukum-pengawasan",
        "tags": ["hoaks", "badan adhoc", "penipuan"],
        "days": 10,
        "lead": "KPU Kabupaten Sukamaju menerima laporan adanya pesan berantai "
        "yang meminta transfer uang agar pendaftar dijamin lolos seleksi.",
        "blocks": [
            (
                "p",
                "KPU menegaskan seluruh tahapan seleksi badan adhoc tidak "
                "dipungut biaya. Tidak ada pihak mana pun yang dapat menjamin "
                "kelulusan.",
            ),
            (
                "ul",
                [
                    "Jangan mentransfer uang kepada siapa pun yang "
                    "mengatasnamakan KPU.",
                    "Simpan bukti percakapan dan nomor pengirim.",
                    "Laporkan ke kantor KPU atau kepolisian terdekat.",
                ],
            ),
            (
                "p",
                "KPU telah berkoordinasi dengan Polres Sukamaju untuk menelusuri "
                "nomor-nomor yang dilaporkan warga.",
            ),
        ],
    },
    {
        "slug": "monitoring-coklit-kecamatan-karangsari",
        "title": "Monitoring Coklit di Karangsari, Komisioner Temukan Pemilih Ganda "
        "Antar-Desa",
        "category": "berita",
        "unit": "data-informasi",
        "tags": ["coklit", "monitoring", "pemilih ganda"],
        "days": 1,
        "gallery": 2,
        "lead": "Hari ketiga coklit, komisioner KPU Sukamaju turun memantau kerja "
        "pantarlih di Kecamatan Karangsari.",
        "blocks": [
            (
                "p",
                "Di Desa Karangsari Wetan, tim menemukan empat pemilih yang "
                "juga tercatat di desa tetangga karena pindah rumah setelah menikah. "
                "Pantarlih langsung mencatatnya untuk dicoret dari salah satu desa "
                "sesuai domisili terbaru.",
            ),
            (
                "p",
                "Nurul Aini Rahmawati meminta pantarlih tidak ragu bertanya "
                "kepada ketua RT ketika menemui rumah kosong.",
            ),
            (
                "q",
                "Rumah kosong belum tentu pemilihnya tidak ada. Bisa jadi "
                "sedang di sawah. Datangi lagi sore hari.",
                "Nurul Aini Rahmawati",
            ),
        ],
    },
    {
        "slug": "rapat-internal-evaluasi-website-dan-media-sosial",
        "title": "Rapat Internal Evaluasi Situs dan Media Sosial: Unggah Lebih Cepat, "
        "Tetap Akurat",
        "category": "berita",
        "unit": "humas",
        "tags": ["kehumasan", "media sosial", "rapat internal"],
        "days": 18,
        "lead": "Seluruh komisioner dan pegawai sekretariat mengevaluasi kinerja "
        "situs dan akun media sosial KPU Sukamaju selama tiga bulan terakhir.",
        "blocks": [
            (
                "p",
                "Data yang dipaparkan tim humas menunjukkan sebagian besar "
                "pembaca membuka situs dari ponsel, terutama setelah tautan "
                "dibagikan di grup WhatsApp warga.",
            ),
            (
                "ul",
                [
                    "Berita kegiatan diunggah paling lambat tiga jam setelah acara.",
                    "Setiap divisi menunjuk satu kontributor berita.",
                    "Foto diberi keterangan dan nama pemotret.",
                ],
            ),
            (
                "p",
                "Ketua KPU Ahmad Fauzan Hidayat meminta tim menjaga keseimbangan "
                "antara kecepatan dan ketepatan informasi.",
            ),
        ],
    },
    {
        "slug": "pengumuman-jadwal-layanan-informasi-publik",
        "title": "Pengumuman: Jadwal Layanan Informasi Publik Selama Tahapan",
        "category": "pengumuman",
        "unit": "humas",
        "tags": ["informasi publik", "PPID", "layanan"],
        "days": 25,
        "lead": "Selama tahapan berlangsung, layanan informasi publik KPU "
        "Kabupaten Sukamaju diperpanjang hingga Sabtu.",
        "blocks": [
            (
                "table",
                [
                    ["Hari", "Jam layanan"],
                    ["Senin–Kamis", "08.00–16.00 WIB"],
                    ["Jumat", "08.00–16.30 WIB"],
                    ["Sabtu", "08.00–12.00 WIB"],
                ],
            ),
            (
                "p",
                "Permohonan juga dapat diajukan melalui surel dan formulir di "
                "situs ini. Jawaban diberikan paling lambat sepuluh hari kerja.",
            ),
        ],
    },
    {
        "slug": "kpu-sukamaju-sosialisasi-di-pasar-tradisional",
        "title": "Sosialisasi di Pasar Cikadu, Pedagang Tanyakan Cara Cek Nama di DPT",
        "category": "berita",
        "unit": "sosdiklih-parmas",
        "tags": ["sosialisasi", "cek DPT", "partisipasi masyarakat"],
        "days": 7,
        "gallery": 2,
        "lead": "Tim sosialisasi KPU Sukamaju membuka meja layanan cek daftar "
        "pemilih di tengah Pasar Cikadu sejak pagi.",
        "blocks": [
            (
                "p",
                "Pedagang sayur dan pembeli bergantian menyodorkan KTP untuk "
                "dicek. Dalam empat jam, petugas melayani 187 warga, sembilan di "
                "antaranya belum terdaftar dan langsung dicatat untuk ditindaklanjuti.",
            ),
            (
                "q",
                "Saya kira harus ke kantor kelurahan. Ternyata bisa dicek di "
                "sini sambil jualan.",
                "Ibu Entin, pedagang sayur",
            ),
            (
                "p",
                "Kegiatan serupa akan digelar di Pasar Tanjungwangi dan Pasar "
                "Baru Sukamaju Kota.",
            ),
        ],
    },
    {
        "slug": "apel-siaga-pengamanan-logistik",
        "title": "Apel Siaga Bersama Polres, KPU Sukamaju Siapkan Pengamanan "
        "Gudang Logistik",
        "category": "berita",
        "unit": "teknis",
        "tags": ["logistik", "pengamanan", "Polres"],
        "days": 30,
        "lead": "KPU Kabupaten Sukamaju dan Polres Sukamaju menggelar apel siaga "
        "di halaman gudang logistik.",
        "blocks": [
            (
                "p",
                "Pengamanan gudang dilakukan bergantian selama 24 jam. Kamera "
                "pengawas dipasang di setiap pintu dan lorong penyimpanan.",
            ),
            (
                "p",
                "Yusuf Maulana menjelaskan alur keluar-masuk logistik dicatat "
                "dalam berita acara dan disaksikan Bawaslu.",
            ),
        ],
    },
    {
        "slug": "siaran-pers-penetapan-dps",
        "title": "Siaran Pers: KPU Sukamaju Umumkan Daftar Pemilih Sementara, "
        "Warga Diminta Memberi Tanggapan",
        "category": "siaran-pers",
        "unit": "data-informasi",
        "tags": ["DPS", "daftar pemilih", "tanggapan masyarakat"],
        "days": -3,
        "lead": "Daftar pemilih sementara akan diumumkan di setiap kantor desa dan "
        "kelurahan selama sepuluh hari.",
        "blocks": [
            (
                "p",
                "Warga diminta memeriksa nama dan data diri, lalu melapor ke "
                "PPS jika menemukan kekeliruan.",
            ),
        ],
    },
    {
        "slug": "pengumuman-rekrutmen-kpps",
        "title": "Pengumuman: Rekrutmen Anggota KPPS (draf)",
        "category": "pengumuman",
        "unit": "sekretariat",
        "tags": ["KPPS", "rekrutmen"],
        "days": 0,
        "status": Article.Status.DRAFT,
        "lead": "Draf pengumuman rekrutmen KPPS menunggu data kebutuhan per TPS.",
        "blocks": [("p", "Jumlah kebutuhan anggota KPPS per desa akan dilengkapi.")],
    },
    {
        "slug": "artikel-mengapa-tinta-pemilu-tidak-mudah-hilang",
        "title": "Mengapa Tinta Pemilu Tidak Mudah Hilang?",
        "category": "artikel-opini",
        "unit": "teknis",
        "tags": ["logistik", "tinta", "edukasi pemilih"],
        "days": 22,
        "lead": "Tinta di jari setelah mencoblos bukan sekadar tradisi. Ia adalah "
        "pengaman sederhana agar satu orang hanya memilih satu kali.",
        "blocks": [
            (
                "p",
                "Tinta pemilu mengandung bahan yang menempel pada lapisan luar "
                "kulit dan kuku sehingga tidak hilang dengan sabun biasa. Warnanya "
                "perlahan memudar dalam beberapa hari seiring pergantian sel kulit.",
            ),
            (
                "p",
                "Tinta juga diuji kehalalan dan keamanannya bagi kulit sebelum "
                "didistribusikan. Pemilih yang memiliki alergi atau kondisi tertentu "
                "dapat menyampaikannya kepada KPPS.",
            ),
            ("h", "Yang perlu diingat pemilih"),
            (
                "ul",
                [
                    "Tinta dicelupkan setelah surat suara dimasukkan ke kotak.",
                    "Pemilih yang tidak memiliki jari dapat ditandai di bagian tubuh "
                    "lain sesuai petunjuk KPPS.",
                ],
            ),
        ],
    },
    {
        "slug": "rapat-koordinasi-dengan-disdukcapil",
        "title": "Rakor dengan Disdukcapil, Data Kematian Dikirim Setiap Bulan",
        "category": "berita",
        "unit": "data-informasi",
        "tags": ["Disdukcapil", "rapat koordinasi", "pemutakhiran data pemilih"],
        "days": 35,
        "lead": "KPU Kabupaten Sukamaju dan Disdukcapil menyepakati pertukaran "
        "data kependudukan untuk memperbaiki daftar pemilih berkelanjutan.",
        "blocks": [
            (
                "p",
                "Disdukcapil akan mengirim data kematian dan pindah datang "
                "setiap awal bulan. KPU menindaklanjutinya dengan verifikasi faktual "
                "melalui PPS.",
            ),
            (
                "q",
                "Satu data kependudukan, satu daftar pemilih. Itu target kita bersama.",
                "Kepala Disdukcapil Sukamaju, Irawan Saputra",
            ),
        ],
    },
    {
        "slug": "kpu-sukamaju-ikuti-rakor-kehumasan-provinsi",
        "title": "Ikuti Rakor Kehumasan Provinsi, Humas KPU Sukamaju Bawa Pulang "
        "Pekerjaan Rumah",
        "category": "berita",
        "unit": "humas",
        "tags": ["kehumasan", "rapat koordinasi", "KPU Provinsi"],
        "days": 40,
        "lead": "Tim humas mengikuti rapat koordinasi kehumasan yang digelar KPU "
        "Provinsi secara daring bersama kabupaten/kota se-provinsi.",
        "blocks": [
            (
                "p",
                "Rakor menekankan pentingnya konsistensi informasi di semua "
                "tingkatan dan kecepatan merespons pertanyaan warga di media sosial.",
            ),
            (
                "p",
                "Sepulang rakor, humas menyusun jadwal unggahan mingguan dan "
                "menyiapkan templat infografis tahapan.",
            ),
        ],
    },
    {
        "slug": "bimtek-kpps-simulasi-penghitungan-suara",
        "title": "Bimtek KPPS: Simulasi Penghitungan Suara Hingga Larut Malam",
        "category": "berita",
        "unit": "teknis",
        "tags": ["KPPS", "bimtek", "penghitungan suara"],
        "days": 45,
        "gallery": 3,
        "lead": "Peserta bimtek diajak merasakan langsung beratnya penghitungan "
        "suara lima jenis surat suara.",
        "blocks": [
            (
                "p",
                "Simulasi dimulai pukul 13.00 dan baru selesai menjelang pukul "
                "21.00. Peserta mencatat hasil di formulir plano dan menyalinnya "
                "ke formulir salinan.",
            ),
            (
                "ol",
                [
                    "Buka kotak suara di hadapan saksi.",
                    "Hitung surat suara sah dan tidak sah satu per satu.",
                    "Catat di formulir plano yang dapat dilihat semua orang.",
                    "Tanda tangani berita acara dan serahkan salinan kepada saksi.",
                ],
            ),
        ],
    },
    {
        "slug": "hoaks-ktp-dikumpulkan-untuk-coklit",
        "title": "[Klarifikasi] Pantarlih Tidak Meminta KTP untuk Dibawa Pulang",
        "category": "klarifikasi-hoaks",
        "unit": "hukum-pengawasan",
        "tags": ["hoaks", "coklit", "pantarlih"],
        "days": 1,
        "lead": "Pesan berantai menyebut pantarlih akan mengumpulkan KTP warga. "
        "Informasi itu tidak benar.",
        "blocks": [
            (
                "p",
                "Pantarlih hanya mencocokkan data pada KTP atau kartu keluarga "
                "dengan daftar pemilih, di hadapan pemilih, lalu mengembalikannya "
                "saat itu juga.",
            ),
            (
                "p",
                "Pantarlih resmi membawa surat tugas dan tanda pengenal dari "
                "KPU. Warga berhak memintanya sebelum menunjukkan dokumen.",
            ),
        ],
    },
    {
        "slug": "kunjungan-kerja-kpu-provinsi-ke-gudang-logistik",
        "title": "KPU Provinsi Tinjau Gudang Logistik Sukamaju",
        "category": "berita",
        "unit": "sekretariat",
        "tags": ["logistik", "kunjungan kerja", "KPU Provinsi"],
        "days": 50,
        "lead": "Anggota KPU Provinsi meninjau kesiapan gudang dan tata kelola "
        "arsip KPU Kabupaten Sukamaju.",
        "blocks": [
            (
                "p",
                "Rombongan memeriksa kelembapan ruang, rak penyimpanan, dan "
                "buku catatan keluar-masuk barang.",
            ),
        ],
    },
    {
        "slug": "pelatihan-pengelolaan-ppid-desa",
        "title": "Sekretariat Latih Petugas PPID Pembantu di Tingkat Kecamatan",
        "category": "berita",
        "unit": "sekretariat",
        "tags": ["informasi publik", "PPID", "pelatihan"],
        "days": 55,
        "lead": "Pelatihan membahas cara melayani permohonan informasi dan "
        "mendokumentasikannya.",
        "blocks": [
            (
                "p",
                "Petugas berlatih mengisi register permohonan dan menyusun "
                "jawaban tertulis yang jelas.",
            ),
            (
                "q",
                "Jawaban yang jelas adalah bentuk hormat kepada pemohon.",
                "Sekretaris KPU Sukamaju, Heru Wibisono",
            ),
        ],
    },
    {
        "slug": "opini-media-sosial-dan-pemilih-muda",
        "title": "Media Sosial dan Pemilih Muda: Jangan Hanya Menyapa Saat Kampanye",
        "category": "artikel-opini",
        "unit": "sosdiklih-parmas",
        "tags": ["opini", "pemilih muda", "media sosial"],
        "days": 28,
        "lead": "Pemilih muda menghabiskan waktu di platform yang berbeda dari "
        "orang tuanya. Pendidikan pemilih perlu mengikuti.",
        "blocks": [
            (
                "p",
                "Video pendek, siaran langsung, dan forum diskusi daring adalah "
                "ruang tempat anak muda membentuk pendapat politiknya. Penyelenggara "
                "yang hanya hadir menjelang hari pemungutan suara akan kalah cepat "
                "dari kabar bohong.",
            ),
            (
                "p",
                "Konten pendidikan pemilih sebaiknya menjawab pertanyaan nyata: "
                "bagaimana jika saya kuliah di luar kota, apa yang harus dibawa ke "
                "TPS, dan mengapa suara saya penting.",
            ),
            (
                "p",
                "<em>Penulis adalah Anggota KPU Kabupaten Sukamaju Divisi "
                "Sosialisasi, Pendidikan Pemilih dan Partisipasi Masyarakat.</em>",
            ),
        ],
    },
    {
        "slug": "siaran-pers-uji-publik-rancangan-dapil",
        "title": "Siaran Pers: Uji Publik Rancangan Penataan Daerah Pemilihan",
        "category": "siaran-pers",
        "unit": "teknis",
        "tags": ["dapil", "uji publik"],
        "days": 60,
        "lead": "KPU Kabupaten Sukamaju menggelar uji publik rancangan penataan "
        "daerah pemilihan anggota DPRD kabupaten.",
        "blocks": [
            (
                "p",
                "Dua rancangan dipaparkan, masing-masing dengan enam daerah "
                "pemilihan. Peserta memberikan masukan tertulis yang akan dibahas "
                "dalam rapat pleno.",
            ),
        ],
    },
    {
        "slug": "kpu-goes-to-campus-universitas-sukamaju",
        "title": "KPU Goes to Campus: Mahasiswa Universitas Sukamaju Diajak Jadi "
        "Relawan Demokrasi",
        "category": "berita",
        "unit": "sosdiklih-parmas",
        "tags": ["relawan demokrasi", "mahasiswa", "sosialisasi"],
        "days": 14,
        "lead": "Lebih dari 200 mahasiswa menghadiri diskusi tentang peran anak "
        "muda dalam menjaga integritas pemilu.",
        "blocks": [
            (
                "p",
                "Diskusi menghadirkan dosen ilmu politik dan anggota KPU. "
                "Mahasiswa antusias bertanya tentang pindah memilih karena banyak "
                "yang berasal dari luar daerah.",
            ),
            (
                "p",
                "Di akhir acara, 46 mahasiswa mendaftar sebagai calon relawan "
                "demokrasi basis pemilih muda.",
            ),
        ],
    },
    {
        "slug": "pengumuman-hasil-tes-wawancara-ppk",
        "title": "Pengumuman: Hasil Tes Wawancara Calon Anggota PPK",
        "category": "pengumuman",
        "unit": "sekretariat",
        "tags": ["PPK", "rekrutmen", "badan adhoc"],
        "days": -6,
        "lead": "Hasil tes wawancara akan diumumkan setelah rapat pleno penetapan.",
        "blocks": [("p", "Daftar nama terlampir dalam dokumen pengumuman resmi.")],
    },
    {
        "slug": "rapat-evaluasi-anggaran-triwulan",
        "title": "Rapat Evaluasi Serapan Anggaran Triwulan",
        "category": "berita",
        "unit": "sekretariat",
        "tags": ["anggaran", "rapat internal"],
        "days": 65,
        "status": Article.Status.ARCHIVED,
        "lead": "Sekretariat mengevaluasi realisasi anggaran triwulan.",
        "blocks": [("p", "Arsip rapat internal.")],
    },
    {
        "slug": "webinar-literasi-digital-lawan-hoaks-pemilu",
        "title": "Webinar Literasi Digital: Cek Dulu Sebelum Membagikan",
        "category": "berita",
        "unit": "humas",
        "tags": ["webinar", "hoaks", "literasi digital"],
        "days": 16,
        "video": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        "lead": "Webinar yang digelar Humas KPU Sukamaju diikuti 430 peserta dari "
        "kalangan guru, mahasiswa, dan pengurus karang taruna.",
        "blocks": [
            (
                "p",
                "Narasumber dari komunitas pemeriksa fakta daerah membagikan "
                "teknik sederhana memeriksa foto dan video yang diragukan, mulai dari "
                "pencarian gambar terbalik hingga membaca metadata unggahan.",
            ),
            (
                "q",
                "Hoaks menyebar karena kita ingin menjadi yang pertama "
                "membagikan. Lebih baik menjadi yang terakhir, asal benar.",
                "Maya Puspitasari, pemeriksa fakta",
            ),
            (
                "p",
                "Rekaman webinar dapat disaksikan kembali melalui kanal YouTube "
                "KPU Kabupaten Sukamaju.",
            ),
        ],
    },
    {
        "slug": "penyerahan-sk-pantarlih-kecamatan-cibeureum-hilir",
        "title": "Penyerahan SK Pantarlih di Cibeureum Hilir, Camat Minta Warga "
        "Terima Petugas dengan Baik",
        "category": "berita",
        "unit": "data-informasi",
        "tags": ["pantarlih", "coklit"],
        "days": 6,
        "lead": "PPS se-Kecamatan Cibeureum Hilir menyerahkan surat keputusan "
        "kepada 96 pantarlih.",
        "blocks": [
            (
                "p",
                "Camat Cibeureum Hilir meminta kepala desa mengumumkan "
                "kedatangan pantarlih melalui pengeras suara masjid dan grup warga.",
            ),
        ],
    },
    {
        "slug": "kpu-sukamaju-raih-penghargaan-keterbukaan-informasi",
        "title": "KPU Sukamaju Raih Predikat Informatif dalam Monev Keterbukaan "
        "Informasi",
        "category": "berita",
        "unit": "humas",
        "tags": ["informasi publik", "penghargaan", "PPID"],
        "days": 70,
        "lead": "Komisi Informasi Provinsi menetapkan KPU Kabupaten Sukamaju "
        "sebagai badan publik berpredikat informatif.",
        "blocks": [
            (
                "p",
                "Penilaian mencakup ketersediaan informasi berkala di situs, "
                "kecepatan layanan permohonan, dan inovasi layanan.",
            ),
            (
                "q",
                "Predikat ini milik seluruh pegawai yang melayani dengan sabar "
                "setiap hari.",
                "Ahmad Fauzan Hidayat",
            ),
        ],
    },
    {
        "slug": "siaran-pers-rekapitulasi-hasil-coklit",
        "title": "Siaran Pers: Rekapitulasi Hasil Coklit Tingkat Kabupaten (draf)",
        "category": "siaran-pers",
        "unit": "data-informasi",
        "tags": ["coklit", "rekapitulasi"],
        "days": 0,
        "status": Article.Status.REVIEW,
        "lead": "Draf siaran pers menunggu hasil rapat pleno kecamatan.",
        "blocks": [("p", "Angka akan diisi setelah pleno seluruh PPK.")],
    },
    {
        "slug": "sosialisasi-kepada-komunitas-nelayan-pasirluhur",
        "title": "Sosialisasi di Kampung Nelayan Pasirluhur Digelar Selepas Melaut",
        "category": "berita",
        "unit": "sosdiklih-parmas",
        "tags": ["sosialisasi", "partisipasi masyarakat", "nelayan"],
        "days": 19,
        "gallery": 2,
        "lead": "Tim sosialisasi menyesuaikan jadwal dengan jam kerja nelayan dan "
        "baru memulai acara pukul 15.00.",
        "blocks": [
            (
                "p",
                "Puluhan nelayan dan keluarganya berkumpul di balai tempat "
                "pelelangan ikan. Pertanyaan yang paling banyak muncul adalah "
                "bagaimana mencoblos bila hari pemungutan suara bertepatan dengan "
                "musim melaut.",
            ),
            (
                "p",
                "Petugas menjelaskan jam buka TPS dan pentingnya memeriksa nama "
                "di daftar pemilih sebelum berangkat.",
            ),
        ],
    },
    {
        "slug": "rakor-bersama-bawaslu-pengawasan-coklit",
        "title": "Rakor Bersama Bawaslu, Temuan Pengawasan Coklit Dibahas Setiap Pekan",
        "category": "berita",
        "unit": "hukum-pengawasan",
        "tags": ["Bawaslu", "rapat koordinasi", "coklit"],
        "days": 2,
        "lead": "KPU dan Bawaslu Kabupaten Sukamaju sepakat membahas temuan "
        "pengawasan coklit setiap Jumat.",
        "blocks": [
            (
                "p",
                "Bawaslu menyampaikan beberapa temuan awal, antara lain stiker "
                "coklit yang ditempel tanpa menemui pemilih.",
            ),
            (
                "p",
                "KPU meminta PPK menindaklanjuti temuan dalam dua hari dan "
                "melaporkan hasilnya secara tertulis.",
            ),
        ],
    },
    {
        "slug": "artikel-mengenal-badan-adhoc-pemilu",
        "title": "Mengenal PPK, PPS dan KPPS: Tiga Lapis Badan Adhoc Pemilu",
        "category": "artikel-opini",
        "unit": "teknis",
        "tags": ["badan adhoc", "edukasi pemilih", "PPK"],
        "days": 33,
        "lead": "Ribuan warga terlibat sebagai penyelenggara sementara di tingkat "
        "kecamatan, desa, dan TPS.",
        "blocks": [
            (
                "ul",
                [
                    "<strong>PPK</strong> bekerja di kecamatan dan "
                    "merekapitulasi hasil dari desa.",
                    "<strong>PPS</strong> bekerja di desa atau kelurahan dan membantu "
                    "pemutakhiran data pemilih.",
                    "<strong>KPPS</strong> melaksanakan pemungutan dan penghitungan "
                    "suara di TPS.",
                ],
            ),
            (
                "p",
                "Ketiganya dibentuk melalui seleksi terbuka dan bekerja dalam "
                "masa tugas yang ditentukan.",
            ),
        ],
    },
    {
        "slug": "donor-darah-hut-kpu",
        "title": "Peringati Hari Jadi, Pegawai KPU Sukamaju Gelar Donor Darah",
        "category": "berita",
        "unit": "sekretariat",
        "tags": ["kegiatan internal", "sosial"],
        "days": 80,
        "lead": "Sebanyak 41 kantong darah terkumpul dalam kegiatan donor darah "
        "bersama PMI Kabupaten Sukamaju.",
        "blocks": [
            (
                "p",
                "Selain pegawai, anggota PPK dan warga sekitar kantor ikut "
                "mendonorkan darah.",
            ),
        ],
    },
    {
        "slug": "siaran-pers-pengumuman-dps-daring",
        "title": "Siaran Pers: Warga Kini Bisa Memberi Tanggapan DPS Secara Daring",
        "category": "siaran-pers",
        "unit": "data-informasi",
        "tags": ["DPS", "layanan pemilih", "tanggapan masyarakat"],
        "days": 13,
        "lead": "Selain di papan pengumuman desa, tanggapan atas daftar pemilih "
        "sementara dapat disampaikan melalui formulir daring.",
        "blocks": [
            (
                "p",
                "Formulir daring meminta nomor induk kependudukan, nama, dan "
                "jenis tanggapan. Setiap tanggapan ditindaklanjuti PPS dengan "
                "verifikasi faktual.",
            ),
            (
                "p",
                "KPU menjamin data pribadi yang dikirim hanya digunakan untuk "
                "perbaikan daftar pemilih.",
            ),
        ],
    },
]


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

    from .models import ArticleComment

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
