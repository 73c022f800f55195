from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from humas_site.handover import content_hand_over


class Command(BaseCommand):
    help = (
        "Alihkan konten milik akun staf yang pindah tugas ke akun lain: "
        "handover_content <dari> <ke>."
    )

    def add_arguments(self, parser):
        parser.add_argument("departing", help="Nama akun lama.")
        parser.add_argument("successor", help="Nama akun penerus.")

    def handle(self, *args, departing, successor, **options):
        User = get_user_model()
        try:
            old = User.objects.get(username=departing)
            new = User.objects.get(username=successor)
        except User.DoesNotExist as error:
            raise CommandError(f"Akun tidak ditemukan: {error}") from error
        if old == new:
            raise CommandError("Akun asal dan tujuan sama.")
        moved = content_hand_over(departing=old, successor=new)
        for label, count in moved.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{sum(moved.values())} konten dialihkan dari {departing} ke "
                f"{successor}."
            )
        )
