from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone


class Command(BaseCommand):
    help = (
        "Nonaktifkan akun staf yang tidak login selama N hari (bawaan 90). "
        "Aman dijalankan dari cron; mencetak akun yang dinonaktifkan."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=90)
        parser.add_argument(
            "--dry-run", action="store_true", help="Tampilkan saja, jangan ubah."
        )

    def handle(self, *args, days, dry_run, **options):
        cutoff = timezone.now() - timedelta(days=days)
        # Accounts that never logged in count from the day they were created.
        dormant = get_user_model().objects.filter(
            Q(last_login__lt=cutoff)
            | Q(last_login__isnull=True, date_joined__lt=cutoff),
            is_staff=True,
            is_active=True,
        )
        usernames = list(
            dormant.order_by("username").values_list("username", flat=True)
        )
        if not dry_run:
            dormant.update(is_active=False)
        verb = "akan dinonaktifkan" if dry_run else "dinonaktifkan"
        for username in usernames:
            self.stdout.write(f"{username} {verb}")
        self.stdout.write(
            f"{len(usernames)} akun staf {verb} (tidak aktif sejak "
            f"{cutoff:%d-%m-%Y}, {days} hari)."
        )
