import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from humas_site import demo
from humas_site.contributions import contributors


class Command(BaseCommand):
    help = (
        "Isi situs dengan konten demo berbahasa Indonesia (idempoten) dan "
        "buat/perbarui akun administrator."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default=os.environ.get("DEMO_ADMIN_USER", "admin")
        )
        parser.add_argument(
            "--password",
            default=os.environ.get("DEMO_ADMIN_PASSWORD", "humas-demo-2026"),
        )

    @transaction.atomic
    def handle(self, *args, username, password, **options):
        # The institution first, then each app's own demo content through its
        # AppConfig, in INSTALLED_APPS order (meetings write news articles, so
        # they come last).
        demo.seed(self.stdout)
        for config in contributors("seed_demo"):
            config.seed_demo(self.stdout)
        admin = self._admin(username, password)
        self.stdout.write(self.style.SUCCESS("Konten demo siap."))
        self.stdout.write(
            f"Login admin: {username} / {password}  (akun: {admin.email})"
        )

    def _admin(self, username, password):
        user, _created = get_user_model().objects.update_or_create(
            username=username,
            defaults={
                "email": f"{username}@humas.example",
                "first_name": "Administrator",
                "is_staff": True,
                "is_superuser": True,
                "is_active": True,
            },
        )
        user.set_password(password)
        user.save()
        return user
