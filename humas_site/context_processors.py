from django.conf import settings

from .models import InstitutionProfile
from .navigation import flatpage_links, section_links


def site_frame(request):
    """What the base template needs on every page: profile and navigation."""
    return {
        "institution": InstitutionProfile.objects.current(),
        "nav_sections": section_links(),
        "nav_pages": flatpage_links(),
        "admin_url": "/" + settings.ADMIN_URL,
    }
