from django.core.management.base import BaseCommand

from humas_site.roles import sync_roles


class Command(BaseCommand):
    help = (
        "Buat atau perbarui grup peran (Administrator, Editor, Kontributor, "
        "Pimpinan) beserta hak aksesnya. Jalankan setelah migrate."
    )

    def handle(self, *args, **options):
        for name, group in sync_roles().items():
            self.stdout.write(f"{name}: {group.permissions.count()} hak akses")
