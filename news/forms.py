from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from humas_site.forms import ask_to_choose_files_again, choose_again_message
from humas_site.images import SafeImageFormField

from .models import Article

MAX_DRAFT_PHOTOS = 10


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultiplePhotoField(forms.FileField):
    """Several photos from one file input, each verified and re-encoded exactly
    like ``SafeImageField`` uploads; every problem names its file."""

    widget = MultiplePhotoInput

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultiplePhotoInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        files = [f for f in (data if isinstance(data, list | tuple) else [data]) if f]
        if not files:
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return []
        if len(files) > MAX_DRAFT_PHOTOS:
            raise ValidationError(
                _(
                    "Paling banyak %(max)d foto sekaligus; foto lain bisa "
                    "ditambah nanti."
                ),
                params={"max": MAX_DRAFT_PHOTOS},
            )
        single = SafeImageFormField()
        photos, accepted, errors = [], [], []
        for upload in files:
            try:
                photos.append(single.clean(upload))
                accepted.append(upload.name)
            except ValidationError as error:
                errors.append(
                    _("%(name)s: %(problem)s")
                    % {"name": upload.name, "problem": " ".join(error.messages)}
                )
        if errors:
            if accepted:
                errors.append(choose_again_message(accepted))
            raise ValidationError(errors)
        return photos


class ArticleAdminForm(forms.ModelForm):
    """The admin's article form (fields come from ArticleAdmin's fieldsets)."""

    def clean_published_at(self):
        # The form shows the time to the second, the database keeps
        # microseconds: a time the editor left alone keeps its stored value,
        # so a plain save records no change of "waktu terbit".
        if "published_at" not in self.changed_data:
            return self.instance.published_at
        return self.cleaned_data["published_at"]


class ContributorDraftForm(forms.ModelForm):
    """The short "write a news draft" form for unit staff (5W1H, photos)."""

    what = forms.CharField(
        label=_("Apa yang terjadi?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Ceritakan kegiatannya dengan kalimat biasa, seperti memberi kabar ke "
            "rekan kerja. Editor akan merapikan bahasanya."
        ),
        error_messages={
            "required": _(
                "Ceritakan sedikit tentang kegiatannya, beberapa kalimat cukup."
            )
        },
    )
    when = forms.DateField(
        label=_("Kapan?"),
        required=False,
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tanggal kegiatan. Boleh dikosongkan."),
        error_messages={"invalid": _("Tulis tanggal seperti 04/05/2026.")},
    )
    where = forms.CharField(
        label=_("Di mana?"),
        required=False,
        max_length=200,
        help_text=_("Misalnya: Aula Kantor Kecamatan Sukamaju."),
    )
    who = forms.CharField(
        label=_("Siapa saja yang terlibat?"),
        required=False,
        max_length=300,
        help_text=_("Misalnya: Ketua KPU, 40 anggota PPK, perwakilan Bawaslu."),
    )
    photos = MultiplePhotoField(
        label=_("Foto kegiatan"),
        required=False,
        help_text=_(
            "Pilih beberapa foto sekaligus (JPEG, PNG atau WebP, masing-masing "
            "maksimal 10 MB). Foto pertama menjadi foto utama."
        ),
    )

    class Meta:
        model = Article
        fields = ["title"]
        labels = {"title": _("Judul berita")}
        help_texts = {
            "title": _(
                "Satu kalimat singkat: siapa melakukan apa. Contoh: KPU Sukamaju "
                "Gelar Bimtek PPK."
            )
        }
        error_messages = {
            "title": {"required": _("Beri judul singkat, editor bisa mengubahnya.")}
        }

    def full_clean(self):
        super().full_clean()
        if self._errors:
            ask_to_choose_files_again(self)
