"""Shared test data (factory_boy)."""

import factory
from django.contrib.auth import get_user_model

from humas_site.models import InstitutionProfile, Unit


class InstitutionProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstitutionProfile

    name = "KPU Kabupaten Contoh"
    short_name = "KPU Contoh"
    address = "Jl. Pemilu No. 1, Contoh"
    time_zone = "Asia/Jakarta"


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Divisi Contoh {n}")
    slug = factory.Sequence(lambda n: f"divisi-contoh-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staf{n}")
    first_name = factory.Faker("first_name", locale="id_ID")
    last_name = factory.Faker("last_name", locale="id_ID")
    email = factory.LazyAttribute(lambda user: f"{user.username}@contoh.example")
    password = factory.django.Password("sandi-uji-coba-123")


class StaffFactory(UserFactory):
    is_staff = True
