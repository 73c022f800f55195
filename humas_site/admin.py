from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from .admin_mixins import (
    ChooseFilesAgainMixin,
    MaintainedListAdminMixin,
    ThumbnailImageInput,
)
from .images import SafeImageField
from .models import InstitutionProfile, Unit
from .richtext import RICH_TEXT_EXTENSIONS


@admin.register(InstitutionProfile)
class InstitutionProfileAdmin(ChooseFilesAgainMixin, admin.ModelAdmin):
    list_display = ["name", "short_name", "level", "time_zone"]
    formfield_overrides = {SafeImageField: {"widget": ThumbnailImageInput}}
    fieldsets = [
        (None, {"fields": ["name", "short_name", "tagline", "level", "logo"]}),
        (
            _("Kontak"),
            {"fields": ["address", "city", "phone", "email", "whatsapp"]},
        ),
        (
            _("Media sosial"),
            {
                "fields": [
                    "facebook_url",
                    "instagram_url",
                    "x_url",
                    "youtube_url",
                    "tiktok_url",
                ]
            },
        ),
        (_("Tampilan"), {"fields": ["time_zone", "primary_color", "footer_text"]}),
    ]

    def has_add_permission(self, request):
        # One institution per site: the row is edited, never duplicated.
        return not InstitutionProfile.objects.exists() and super().has_add_permission(
            request
        )

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Unit)
class UnitAdmin(MaintainedListAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "order"]
    list_filter = ["kind"]
    list_editable = ["order"]
    list_select_related = ["parent"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


class RichFlatpageForm(FlatpageForm):
    content = ProseEditorFormField(
        label=_("isi"), required=False, extensions=RICH_TEXT_EXTENSIONS, sanitize=True
    )

    class Meta(FlatpageForm.Meta):
        widgets = {"title": forms.TextInput(attrs={"size": 60})}


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class InstitutionPageAdmin(FlatPageAdmin):
    form = RichFlatpageForm


# ---- staff accounts, roles and the audit log ----
from django.conf import settings  # noqa: E402
from django.contrib import messages  # noqa: E402
from django.contrib.admin import helpers  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.admin import GroupAdmin, UserAdmin  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.exceptions import PermissionDenied  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.urls import reverse  # noqa: E402

from .admin_mixins import PermissionLabelsMixin  # noqa: E402
from .models import AuditEvent, StaffProfile  # noqa: E402
from .roles import ROLES, staff_by_role  # noqa: E402

User = get_user_model()


class StaffProfileForm(forms.ModelForm):
    # On the "add account" page the profile is always saved, so that a new
    # account must replace its temporary password at first login.
    always_save = False

    class Meta:
        model = StaffProfile
        fields = ["unit", "position", "phone", "must_change_password"]

    def has_changed(self):
        return self.always_save or super().has_changed()


class StaffProfileInline(admin.StackedInline):
    model = StaffProfile
    form = StaffProfileForm
    can_delete = False
    min_num = 0
    max_num = 1
    verbose_name = _("profil staf")
    verbose_name_plural = _("profil staf (unit kerja, jabatan, telepon)")

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.always_save = obj is None
        formset.form.base_fields["must_change_password"].initial = obj is None
        return formset


class RoleFilter(admin.SimpleListFilter):
    title = _("peran")
    parameter_name = "peran"

    def lookups(self, request, model_admin):
        return [(role, role) for role in ROLES]

    def queryset(self, request, queryset):
        if self.value() in ROLES:
            return queryset.filter(groups__name=self.value())
        return queryset


class HandoverForm(forms.Form):
    successor = forms.ModelChoiceField(
        label=_("alihkan ke akun"),
        queryset=User.objects.filter(is_active=True, is_staff=True).order_by(
            "username"
        ),
        help_text=_(
            "Berita, rapat dan agenda yang dibuat oleh akun terpilih dicatat atas "
            "nama akun ini."
        ),
    )


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(Group)
class RoleGroupAdmin(PermissionLabelsMixin, GroupAdmin):
    pass


@admin.register(User)
class StaffUserAdmin(PermissionLabelsMixin, UserAdmin):
    inlines = [StaffProfileInline]
    list_display = [
        "username",
        "full_name",
        "roles_label",
        "unit_label",
        "is_active",
        "last_login",
    ]
    list_filter = [RoleFilter, "staff_profile__unit", "is_active", "is_superuser"]
    list_select_related = ["staff_profile__unit"]
    search_fields = ["username", "first_name", "last_name", "email"]
    actions = ["hand_over_content"]
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "username",
                    "first_name",
                    "last_name",
                    "email",
                    "usable_password",
                    "password1",
                    "password2",
                    "groups",
                ),
                "description": _(
                    "Pilih peran (Administrator, Editor, Kontributor atau Pimpinan) "
                    "dan unit kerja di bawah: akun dengan peran otomatis bisa login "
                    "ke panel admin. Beri sandi sementara dan sampaikan kepada "
                    "pemiliknya. Yang harus dilakukan pemilik akun saat login "
                    "pertama: (1) masuk dengan nama pengguna dan sandi sementara, "
                    "(2) membuat sandi sendiri (minimal 12 karakter), (3) "
                    "mendaftarkan verifikasi dua langkah dengan aplikasi "
                    "autentikator di ponsel dan menyimpan kode cadangannya."
                ),
            },
        ),
    )
    staff_status_help = _(
        "Status staf mengikuti peran: akun dengan peran (grup) Administrator, "
        "Editor, Kontributor atau Pimpinan, atau superuser, bisa login ke panel "
        "admin; akun tanpa peran tidak bisa."
    )

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "is_staff"] if obj is not None else fields

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        return [
            (
                name,
                {**options, "description": self.staff_status_help}
                if "is_staff" in options["fields"]
                else options,
            )
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        # The roles chosen in this form are saved after the account (with
        # save_related), so staff status is set from the form here.
        if "groups" in form.cleaned_data:
            obj.is_staff = staff_by_role(
                is_superuser=obj.is_superuser,
                role_names=[group.name for group in form.cleaned_data["groups"]],
            )
        super().save_model(request, obj, form, change)

    def response_add(self, request, obj, post_url_continue=None):
        response = super().response_add(request, obj, post_url_continue)
        if not obj.is_staff:
            self.message_user(
                request,
                _(
                    "Akun «%(user)s» belum punya peran, jadi belum bisa login ke "
                    "panel admin. Pilih perannya di bagian Hak akses."
                )
                % {"user": obj.get_username()},
                messages.WARNING,
            )
            return response
        if settings.STAFF_2FA_REQUIRED:
            steps = _(
                "Sampaikan kepada pemiliknya: login di %(url)s dengan nama pengguna "
                "«%(user)s» dan sandi sementara, buat sandi sendiri, lalu daftarkan "
                "verifikasi dua langkah (wajib) dengan aplikasi autentikator di "
                "ponsel dan simpan kode cadangannya."
            )
        else:
            steps = _(
                "Sampaikan kepada pemiliknya: login di %(url)s dengan nama pengguna "
                "«%(user)s» dan sandi sementara, buat sandi sendiri, lalu aktifkan "
                "verifikasi dua langkah dari dasbor dan simpan kode cadangannya."
            )
        self.message_user(
            request,
            steps
            % {
                "url": request.build_absolute_uri(reverse("admin:login")),
                "user": obj.get_username(),
            },
            messages.INFO,
        )
        return response

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")

    @admin.display(description=_("nama lengkap"), ordering="first_name")
    def full_name(self, user):
        return user.get_full_name()

    @admin.display(description=_("peran"))
    def roles_label(self, user):
        return ", ".join(g.name for g in user.groups.all()) or "—"

    @admin.display(description=_("unit kerja"), ordering="staff_profile__unit")
    def unit_label(self, user):
        profile = getattr(user, "staff_profile", None)
        return (profile.unit if profile and profile.unit else None) or "—"

    @admin.action(
        description=_("Alihkan konten ke akun lain (staf yang pindah tugas)"),
        permissions=["change"],
    )
    def hand_over_content(self, request, queryset):
        from .handover import content_hand_over

        if not request.user.is_superuser and not request.user.has_perm(
            "auth.change_user"
        ):
            raise PermissionDenied
        form = HandoverForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            successor = form.cleaned_data["successor"]
            total = 0
            for departing in queryset.exclude(pk=successor.pk):
                total += sum(
                    content_hand_over(departing=departing, successor=successor).values()
                )
            self.message_user(
                request,
                _("%(count)d konten dialihkan ke %(user)s.")
                % {"count": total, "user": successor.get_username()},
                messages.SUCCESS,
            )
            return None
        return render(
            request,
            "admin/auth/user/hand_over.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Alihkan konten"),
                "form": form,
                "users": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            },
        )


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    """The audit log: readable by administrators and Pimpinan, editable by nobody."""

    list_display = [
        "at",
        "actor_name",
        "action",
        "object_type",
        "object_repr",
        "ip_address",
    ]
    list_filter = ["action", "object_type"]
    search_fields = ["actor_name", "object_repr", "message"]
    date_hierarchy = "at"
    list_select_related = ["actor"]
    fields = [
        "at",
        "actor",
        "actor_name",
        "action",
        "object_type",
        "object_id",
        "object_repr",
        "message",
        "ip_address",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# ---- third-party models, in Indonesian and only what the office needs ----
# Importing their admin modules first registers their ModelAdmins, which are
# then replaced (as FlatPage above).
from django_otp.plugins.otp_static import admin as otp_static_admin  # noqa: E402
from django_otp.plugins.otp_totp import admin as otp_totp_admin  # noqa: E402
from taggit import admin as taggit_admin  # noqa: E402

admin.site.unregister(taggit_admin.Tag)


@admin.register(taggit_admin.Tag)
class TagAdmin(MaintainedListAdminMixin, taggit_admin.TagAdmin):
    # Which articles carry a tag is shown on the public tag page; the generic
    # inline of tagged items (content type, object id) is noise here.
    inlines = []

    @admin.action(description=_("Gabungkan tag terpilih"))
    def render_tag_form(self, request, queryset):
        return super().render_tag_form(request, queryset)


class SecondFactorAdmin(admin.ModelAdmin):
    """The second factors staff enrolled: an administrator removes a lost one.

    Staff enrol (and print backup codes) on the two-factor pages themselves;
    the raw device settings and secrets are never shown or edited here.
    """

    list_display = ["user", "name", "confirmed", "created_at", "last_used_at"]
    list_filter = ["confirmed"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


for device_model in (otp_static_admin.StaticDevice, otp_totp_admin.TOTPDevice):
    admin.site.unregister(device_model)
    admin.site.register(device_model, SecondFactorAdmin)
