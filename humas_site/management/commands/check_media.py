from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from humas_site.media_check import check_media


class Command(BaseCommand):
    help = (
        "Bandingkan berkas unggahan dengan data: laporkan baris yang berkasnya "
        "hilang dan berkas yatim (tanpa baris); --delete menghapus berkas yatim."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--delete",
            action="store_true",
            help="hapus berkas yang tidak dirujuk baris mana pun",
        )

    def handle(self, *args, delete, **options):
        missing, orphans = check_media()
        for name, model, pk, field in missing:
            self.stdout.write(f"berkas hilang: {name} ({model} #{pk}, {field})")
        for name in orphans:
            if delete:
                default_storage.delete(name)
                self.stdout.write(f"berkas yatim dihapus: {name}")
            else:
                self.stdout.write(f"berkas yatim: {name}")
        self.stdout.write(
            f"{len(missing)} berkas hilang, {len(orphans)} berkas yatim"
            + (" (dihapus)" if delete and orphans else "")
        )
        if missing or (orphans and not delete):
            raise CommandError("Media dan data tidak cocok.", returncode=1)
