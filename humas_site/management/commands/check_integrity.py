from django.core.cache import cache
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from humas_site.integrity import scan

# The admin dashboard shows the last result.
LAST_RESULT_KEY = "humas_site:integrity:last"


class Command(BaseCommand):
    help = (
        "Periksa konten yang terbit dari tanda-tanda injeksi (kata judi online, "
        "tautan asing, teks tersembunyi, cloaking). Keluar dengan kode 1 bila ada "
        "temuan, sehingga bisa dijalankan dari cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-cloaking",
            action="store_true",
            help="Lewati pengambilan halaman sebagai peramban dan Googlebot.",
        )
        parser.add_argument(
            "--limit", type=int, default=None, help="Batas jumlah berita yang diambil."
        )

    def handle(self, *args, no_cloaking, limit, **options):
        findings = scan(cloaking=not no_cloaking, limit=limit)
        cache.set(
            LAST_RESULT_KEY,
            {"at": timezone.now(), "findings": [str(f) for f in findings]},
            None,
        )
        for finding in findings:
            self.stdout.write(str(finding))
        if findings:
            raise CommandError(f"{len(findings)} temuan integritas konten.")
        self.stdout.write(
            self.style.SUCCESS("Tidak ada tanda injeksi pada konten terbit.")
        )
