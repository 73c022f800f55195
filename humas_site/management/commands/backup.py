from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from humas_site.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Cadangkan basis data dan berkas media ke satu arsip .tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            help="Berkas arsip (bawaan: backups/humas-<tanggal>.tar.gz).",
        )

    def handle(self, *args, output, **options):
        output = output or f"backups/humas-{timezone.now():%Y%m%d-%H%M%S}.tar.gz"
        try:
            path = create_backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(f"Cadangan tersimpan: {path}"))
