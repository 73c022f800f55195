from django import forms
from django.contrib import admin
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField

from .models import InstitutionProfile, Unit
from .richtext import RICH_TEXT_EXTENSIONS


@admin.register(InstitutionProfile)
class InstitutionProfileAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "level", "time_zone"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "tagline", "level", "logo"]}),
        (_("Kontak"), {"fields": ["address", "phone", "email", "whatsapp"]}),
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
class UnitAdmin(admin.ModelAdmin):
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
