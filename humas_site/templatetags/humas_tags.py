"""Indonesian date and time display: "Selasa, 4 Mei 2021 · 10.00 WIB"."""

from zoneinfo import ZoneInfo

from django import template
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from humas_site.models import TIME_ZONE_ABBREVIATIONS, InstitutionProfile

register = template.Library()


def _local(value, zone_name):
    zone = (
        ZoneInfo(zone_name) if zone_name else InstitutionProfile.objects.current().zone
    )
    if timezone.is_aware(value):
        value = value.astimezone(zone)
    return value, TIME_ZONE_ABBREVIATIONS.get(zone.key, zone.key)


@register.filter
def tanggal(value, zone_name=""):
    """Day and date in the institution's (or the given) zone: "Selasa, 4 Mei 2021"."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value, _abbr = _local(value, zone_name)
    return format_date(value, "l, j F Y")


@register.filter
def tanggal_surat(value, zone_name=""):
    """The date line of a letter, without the weekday: "4 Mei 2021"."""
    if not value:
        return ""
    if hasattr(value, "hour"):
        value, _abbr = _local(value, zone_name)
    return format_date(value, "j F Y")


@register.filter
def jam(value, zone_name="", national=True):
    """Clock time with the zone abbreviation: "10.00 WIB".

    A time in WITA or WIT also gets its WIB equivalent ("10.00 WITA / 09.00
    WIB"), as national institutions write it for readers across the country;
    ``national=False`` (the office's own staff, in the admin) leaves it out.
    """
    if not value:
        return ""
    local, abbr = _local(value, zone_name)
    text = f"{format_date(local, 'H.i')} {abbr}"
    if national and abbr != "WIB" and timezone.is_aware(value):
        western = value.astimezone(ZoneInfo("Asia/Jakarta"))
        text += f" / {format_date(western, 'H.i')} WIB"
    return text


@register.filter
def tanggal_jam(value, zone_name="", national=True):
    """Full date and time: "Selasa, 4 Mei 2021 · 10.00 WIB"."""
    if not value:
        return ""
    return f"{tanggal(value, zone_name)} · {jam(value, zone_name, national)}"


@register.filter
def angka(value):
    """A whole number with Indonesian grouping: 1216 → "1.216"."""
    try:
        return number_format(int(value), decimal_pos=0, force_grouping=True)
    except (TypeError, ValueError):
        return value


@register.filter
def dilihat(value):
    """The view count as written everywhere: "Dilihat 1.216 kali"."""
    return _("Dilihat %(views)s kali") % {"views": angka(value)}
