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


# ---- meetings app ----
class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Meeting"

    title = factory.Sequence(lambda n: f"Rapat koordinasi kehumasan ke-{n}")
    slug = factory.Sequence(lambda n: f"rapat-koordinasi-kehumasan-{n}")
    kind = "rapat-koordinasi"
    starts_at = factory.LazyFunction(lambda: _tz.now() - _dt.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda m: m.starts_at + _dt.timedelta(hours=2))
    mode = "luring"
    place = "Ruang Rapat KPU Kabupaten Contoh"
    organiser_unit = factory.SubFactory(UnitFactory)
    summary = "Rapat membahas rencana publikasi tahapan bulan depan."
    is_public = True
    status = "terlaksana"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Participant"

    meeting = factory.SubFactory(MeetingFactory)
    name = factory.Sequence(lambda n: f"Peserta Contoh {n}")
    position = "Staf"
    organisation = "KPU Kabupaten Contoh"
    role = "peserta"
    present = True
    order = factory.Sequence(int)


class ParticipantGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.ParticipantGroup"

    meeting = factory.SubFactory(MeetingFactory)
    label = "KPU Provinsi"
    count = 34


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.AgendaItem"

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    topic = factory.Sequence(lambda n: f"Pokok bahasan {n}")
    presenter = "Ketua"


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.Resolution"

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(int)
    text = factory.Sequence(lambda n: f"Keputusan contoh nomor {n}")
    responsible_unit = factory.SubFactory(UnitFactory)
    due_date = factory.LazyFunction(lambda: _tz.localdate() + _dt.timedelta(days=7))
    status = "terbuka"


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.FollowUp"

    resolution = factory.SubFactory(ResolutionFactory)
    date = factory.LazyFunction(_tz.localdate)
    note = "Sudah dikoordinasikan dengan unit terkait."


class ReferencedLetterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.ReferencedLetter"

    meeting = factory.SubFactory(MeetingFactory)
    number = factory.Sequence(lambda n: f"{170 + n}/2021")
    date = _dt.date(2021, 3, 1)
    subject = "Rapat koordinasi kehumasan"


# ---- agendas ----
from zoneinfo import ZoneInfo as _ZoneInfo  # noqa: E402


class EventCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agendas.EventCategory"
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Kategori Agenda {n}")
    slug = factory.Sequence(lambda n: f"kategori-agenda-{n}")


class EventFactory(factory.django.DjangoModelFactory):
    """A public one-off event of two hours, 10.00 WIB on 4 May 2026."""

    class Meta:
        model = "agendas.Event"

    title = factory.Sequence(lambda n: f"Sosialisasi Tahapan Pemilihan {n}")
    slug = factory.Sequence(lambda n: f"sosialisasi-tahapan-{n}")
    summary = "Sosialisasi tahapan pemilihan bagi masyarakat."
    description = "<p>Terbuka untuk umum.</p>"
    category = factory.SubFactory(EventCategoryFactory)
    unit = factory.SubFactory(UnitFactory)
    time_zone = "Asia/Jakarta"
    starts_at = factory.LazyAttribute(
        lambda e: _dt.datetime(2026, 5, 4, 10, tzinfo=_ZoneInfo(e.time_zone))
    )
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + _dt.timedelta(hours=2))
    place = "Aula Kantor KPU Kabupaten Contoh"
    is_public = True


class EventExceptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "agendas.EventException"

    event = factory.SubFactory(EventFactory)
    original_date = factory.LazyAttribute(lambda e: e.event.local_start.date())
    note = "Ditiadakan karena hari libur."
