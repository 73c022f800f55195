import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from humas_site.models import InstitutionProfile


def row_counts():
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in {"humas_site", "news", "agendas", "meetings", "flatpages", "auth", "taggit"}
    }


@pytest.mark.django_db
def test_seed_demo_is_idempotent(capsys):
    call_command("seed_demo")
    first = row_counts()
    call_command("seed_demo")
    assert row_counts() == first
    out = capsys.readouterr().out
    assert "Login admin: admin / " in out


@pytest.mark.django_db
def test_seed_demo_builds_a_recognisable_office():
    call_command("seed_demo")
    profile = InstitutionProfile.objects.get()
    assert profile.name.startswith("KPU Kabupaten")
    assert profile.logo
    users = get_user_model().objects
    assert users.get(username="admin").is_superuser
    for username, role in [
        ("editor", "Editor"),
        ("kontributor", "Kontributor"),
        ("pimpinan", "Pimpinan"),
    ]:
        assert users.get(username=username).groups.filter(name=role).exists()
    titles = set(
        apps.get_model("flatpages", "FlatPage").objects.values_list("title", flat=True)
    )
    assert {
        "Profil",
        "Visi dan Misi",
        "Tugas dan Fungsi",
        "Struktur Organisasi",
        "Kontak",
        "PPID",
    } <= titles
