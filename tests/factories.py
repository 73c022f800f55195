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


# ---- news ----
import datetime as _dt  # noqa: E402

from django.utils import timezone as _tz  # noqa: E402

from humas_site.demo import demo_image as _demo_image  # noqa: E402


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.Category"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article (published an hour ago) unless told otherwise."""

    class Meta:
        model = "news.Article"
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Rapat koordinasi tahapan ke-{n}")
    slug = factory.Sequence(lambda n: f"rapat-koordinasi-tahapan-{n}")
    lead = "KPU Kabupaten Contoh menggelar rapat koordinasi bersama PPK."
    body = "<p>Rapat membahas jadwal pemutakhiran data pemilih.</p>"
    category = factory.SubFactory(CategoryFactory)
    unit = factory.SubFactory(UnitFactory)
    writer = "Sari Anggraini"
    editor = "Budi Hartono"
    status = "published"
    published_at = factory.LazyFunction(lambda: _tz.now() - _dt.timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)


class ArticlePhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "news.ArticlePhoto"

    article = factory.SubFactory(ArticleFactory)
    image = factory.LazyFunction(lambda: _demo_image("Foto", size=(900, 600)))
    caption = factory.Sequence(lambda n: f"Peserta kegiatan {n}")
    credit = "dok. Humas"
    order = factory.Sequence(int)
