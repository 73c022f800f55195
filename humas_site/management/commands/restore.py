from django.core.management.base import BaseCommand, CommandError

from humas_site.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Pulihkan arsip dari `manage.py backup` ke basis data yang masih kosong."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Berkas .tar.gz hasil perintah backup.")

    def handle(self, *args, archive, **options):
        try:
            manifest = restore_backup(archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(f"Cadangan {manifest['created_at']} telah dipulihkan.")
        )
