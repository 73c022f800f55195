from django.contrib import admin
from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.generic import DetailView, ListView

from .forms import MeetingFilterForm
from .models import Meeting, ReferencedLetter

# Empty rows printed under the attendance list for unlisted attendees.
ATTENDANCE_BLANK_ROWS = 3


class MeetingListView(ListView):
    paginate_by = 12

    def get_queryset(self):
        self.filter_form = MeetingFilterForm(self.request.GET or None)
        return self.filter_form.filter(Meeting.objects.public().for_listing())

    def get_context_data(self, **kwargs):
        query = self.request.GET.copy()
        query.pop("page", None)
        return super().get_context_data(
            filter_form=self.filter_form, query_string=query.urlencode(), **kwargs
        )


def can_view_internal(request):
    """Staff who may open the admin (second factor included) and view meetings."""
    return admin.site.has_permission(request) and request.user.has_perm(
        "meetings.view_meeting"
    )


class MeetingVisibilityMixin:
    """Public meetings for everyone, internal ones for staff only (404 otherwise)."""

    def get_queryset(self):
        meetings = Meeting.objects.all()
        if not can_view_internal(self.request):
            meetings = meetings.public()
        return meetings.with_details()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            can_view_internal=can_view_internal(self.request), **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.object.is_internal:
            add_never_cache_headers(response)
        return response


class MeetingDetailView(MeetingVisibilityMixin, DetailView):
    def get_queryset(self):
        return super().get_queryset().with_articles()


class MeetingMinutesView(MeetingVisibilityMixin, DetailView):
    template_name = "meetings/meeting_minutes.html"


class MeetingAttendanceView(MeetingVisibilityMixin, DetailView):
    """The attendance list carries names for signatures: staff only, always."""

    template_name = "meetings/meeting_attendance.html"

    def get_queryset(self):
        if not can_view_internal(self.request):
            return Meeting.objects.none()
        return Meeting.objects.with_details()

    def get_context_data(self, **kwargs):
        # Blank rows go on numbering after the listed participants.
        listed = len(self.object.participants.all())
        return super().get_context_data(
            blank_rows=range(listed + 1, listed + 1 + ATTENDANCE_BLANK_ROWS), **kwargs
        )

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        add_never_cache_headers(response)
        return response


def letter_download(request, slug, pk):
    """A referenced letter as a download, with the meeting's visibility rules."""
    meetings = Meeting.objects.all()
    if not can_view_internal(request):
        meetings = meetings.public()
    letter = get_object_or_404(
        ReferencedLetter.objects.exclude(file=""),
        pk=pk,
        meeting__in=meetings.filter(slug=slug),
    )
    response = FileResponse(
        letter.file.open("rb"),
        as_attachment=True,
        filename=f"surat-{slugify(letter.number) or letter.pk}.pdf",
        content_type="application/pdf",
    )
    if letter.meeting.is_internal:
        add_never_cache_headers(response)
    return response
