from django import forms
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentForm

from humas_site.forms import ask_to_choose_files_again, choose_again_message
from humas_site.images import SafeImageFormField
from humas_site.models import Unit
from humas_site.page_cache import cached_widget

from .comments import is_spam
from .models import Article, ArticleComment, Category
from .search import MAX_QUERY_LENGTH, clean_query, search_terms

MAX_DRAFT_PHOTOS = 10

# Messages about a posted comment carry this tag: the comment section shows
# them, where the reader lands after posting, not the top of the page.
COMMENT_MESSAGE_TAG = "komentar"
MAX_NAME_LENGTH = 50
MAX_COMMENT_LENGTH = 2000
# A security hash older than this is refused; generous, because the article
# page carrying the form may come from the page cache.
FORM_MAX_AGE_SECONDS = 24 * 60 * 60


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


class ArticleCommentForm(CommentForm):
    """Name, email (never shown) and the comment, in Indonesian; the library's
    security fields (content type, object, timestamp, signed hash) and
    honeypot stay."""

    name = forms.CharField(
        label=_("Nama"),
        max_length=MAX_NAME_LENGTH,
        error_messages={
            "required": _("Tuliskan nama Anda."),
            "max_length": _("Nama paling banyak %(limit_value)d karakter."),
        },
    )
    email = forms.EmailField(
        label=_("Surel"),
        help_text=_("Tidak ditampilkan kepada pembaca lain."),
        max_length=254,
        error_messages={
            "required": _("Tuliskan alamat surel Anda."),
            "invalid": _("Alamat surel tidak valid, misalnya nama@contoh.id."),
        },
    )
    url = None
    comment = forms.CharField(
        label=_("Komentar"),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=MAX_COMMENT_LENGTH,
        # Formatted when shown, so it follows the reader's language.
        help_text=format_lazy(
            _(
                "Teks biasa, paling banyak {max} karakter. Komentar tampil setelah "
                "disetujui redaksi."
            ),
            max=MAX_COMMENT_LENGTH,
        ),
        error_messages={
            "required": _("Tuliskan komentar Anda."),
            "max_length": _(
                "Komentar terlalu panjang: paling banyak %(limit_value)d karakter "
                "(sekarang %(show_value)d)."
            ),
        },
    )
    honeypot = forms.CharField(
        required=False,
        label=_("Jangan isi kolom ini"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, target_object, data=None, initial=None, **kwargs):
        if data is not None:
            data = data.copy()
            for key in list(data):
                data.setlist(key, [v.replace("\x00", "") for v in data.getlist(key)])
        super().__init__(target_object, data=data, initial=initial, **kwargs)

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get("honeypot"))

    def clean_timestamp(self):
        timestamp = self.cleaned_data["timestamp"]
        if timezone.now().timestamp() - timestamp > FORM_MAX_AGE_SECONDS:
            raise self._expired()
        return timestamp

    def clean_security_hash(self):
        try:
            return super().clean_security_hash()
        except forms.ValidationError as error:
            raise self._expired() from error

    def _expired(self):
        return forms.ValidationError(
            _(
                "Formulir ini sudah kedaluwarsa. Muat ulang halaman berita lalu "
                "kirim lagi komentar Anda (teksnya masih ada di bawah)."
            ),
            code="expired",
        )

    def get_comment_create_data(self, site_id=None):
        # The library's version also reads the "url" field this form drops.
        return {
            "content_type": ContentType.objects.get_for_model(self.target_object),
            "object_pk": str(self.target_object.pk),
            "user_name": self.cleaned_data["name"],
            "user_email": self.cleaned_data["email"],
            "comment": self.cleaned_data["comment"],
            "submit_date": timezone.now(),
            "site_id": site_id or getattr(settings, "SITE_ID", None),
            "is_public": False,  # waits for an editor
            "is_removed": False,
            "is_spam": is_spam(self.cleaned_data["comment"]),
        }

    def check_for_duplicate_comment(self, new):
        # The library compares user_url, which this form does not have.
        duplicate = (
            ArticleComment.objects.for_article(self.target_object)
            .filter(
                user_name=new.user_name,
                user_email=new.user_email,
                comment=new.comment,
                submit_date__date=new.submit_date.date(),
            )
            .first()
        )
        return duplicate or new

    def security_errors(self):
        errors = super().security_errors()
        errors.pop("honeypot", None)
        return errors


class SearchForm(forms.Form):
    """The search box and its filters; every problem becomes an Indonesian
    message on a normal page."""

    q = forms.CharField(label=_("Kata kunci"), required=False, strip=False)
    kategori = forms.ModelChoiceField(
        label=_("Kategori"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua kategori"),
        error_messages={"invalid_choice": _("Kategori tidak dikenal.")},
    )
    unit = forms.ModelChoiceField(
        label=_("Unit kerja"),
        queryset=Unit.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Semua unit"),
        error_messages={"invalid_choice": _("Unit kerja tidak dikenal.")},
    )
    tahun = forms.TypedChoiceField(
        label=_("Tahun"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Tahun tidak tersedia.")},
    )

    def __init__(self, data=None, **kwargs):
        if data is not None:
            data = data.copy()
            for name in self.base_fields:
                values = [clean_query(v) for v in data.getlist(name)]
                data.setlist(name, values[:1])
        super().__init__(data, **kwargs)
        years = cached_widget(
            "search_years",
            lambda: list(
                Article.objects.published().dates("published_at", "year", "DESC")
            ),
        )
        self.fields["tahun"].choices = [("", _("Semua tahun"))] + [
            (day.year, day.year) for day in years
        ]

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _(
                    "Kata kunci terlalu panjang: %(length)d karakter. Gunakan "
                    "paling banyak %(max)d karakter."
                ),
                params={"length": len(query), "max": MAX_QUERY_LENGTH},
                code="too_long",
            )
        if query and not search_terms(query):
            raise forms.ValidationError(
                _(
                    "Kata kunci harus memuat huruf atau angka. Tanda baca dan "
                    "simbol saja tidak dapat dicari."
                ),
                code="no_words",
            )
        return query

    def filter(self, queryset):
        """Apply the valid filters (an invalid one is reported, not applied)."""
        data = getattr(self, "cleaned_data", {})
        if data.get("kategori"):
            queryset = queryset.filter(category=data["kategori"])
        if data.get("unit"):
            queryset = queryset.filter(unit=data["unit"])
        if data.get("tahun"):
            queryset = queryset.filter(published_at__year=data["tahun"])
        return queryset

    @property
    def terms(self):
        data = getattr(self, "cleaned_data", {})
        return search_terms(data.get("q", ""))
