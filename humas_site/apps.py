from axes import apps as axes_apps
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _
from django_comments.apps import DjangoCommentsAdminConfig
from django_otp.plugins.otp_static import apps as otp_static_apps
from django_otp.plugins.otp_totp import apps as otp_totp_apps
from taggit.apps import TaggitAppConfig

# Third-party apps whose content public pages show (page-cache invalidation).
PUBLIC_THIRD_PARTY_APPS = ["flatpages", "taggit", "sites", "django_comments"]


class HumasSiteConfig(AppConfig):
    default = True
    name = "humas_site"
    verbose_name = _("Profil lembaga")

    def ready(self):
        from . import audit, checks, signals, staff  # noqa: F401
        from .page_cache import invalidate_on_change

        # Public pages show the institution profile, units and these
        # third-party apps' content; each app of the project watches its own.
        invalidate_on_change(self, except_models={"auditevent", "staffprofile"})
        for label in PUBLIC_THIRD_PARTY_APPS:
            invalidate_on_change(self.apps.get_app_config(label))


class HumasAdminConfig(admin_apps.AdminConfig):
    """Django's admin app, with the site that enforces two-factor login."""

    default = False
    default_site = "humas_site.admin_site.HumasAdminSite"


# Third-party apps under Indonesian names: the admin's menu, headings and
# permission lists show an app's verbose_name, and these apps name
# themselves in English ("Taggit", "Axes") or after their label ("Otp_Totp").


class TaggitConfig(TaggitAppConfig):
    verbose_name = _("Tag")


class AxesConfig(axes_apps.AppConfig):
    verbose_name = _("Keamanan login")


class CommentsConfig(DjangoCommentsAdminConfig):
    verbose_name = _("Komentar pembaca")


class StaticDeviceConfig(otp_static_apps.DefaultConfig):
    verbose_name = _("Kode cadangan login")

    def ready(self):
        super().ready()
        name_otp_models(self, _("daftar kode cadangan"), _("kode cadangan"))


class TOTPDeviceConfig(otp_totp_apps.DefaultConfig):
    verbose_name = _("Verifikasi dua langkah")

    def ready(self):
        super().ready()
        name_otp_models(self, _("aplikasi autentikator"))


def name_otp_models(app_config, device_name, token_name=None):
    """Give django-otp's models (named by plain English strings) Indonesian names.

    Only the runtime names change: migrations read the declared Meta and field
    options, so no migration of the third-party app follows.
    """
    for model in app_config.get_models():
        name = device_name if model.__name__.endswith("Device") else token_name
        model._meta.verbose_name = model._meta.verbose_name_plural = name
        for field in model._meta.fields:
            if field.name in OTP_FIELD_NAMES:
                field.verbose_name = OTP_FIELD_NAMES[field.name]


OTP_FIELD_NAMES = {
    "user": _("pengguna"),
    "name": _("nama"),
    "confirmed": _("aktif"),
    "created_at": _("dibuat"),
    "last_used_at": _("terakhir dipakai"),
    "device": _("daftar kode"),
    "token": _("kode"),
}
