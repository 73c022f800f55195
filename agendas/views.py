import datetime

from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView, TemplateView

from humas_site.models import InstitutionProfile

from .forms import EventFilterForm
from .ical import build_calendar
from .models import Event

# The subscribed calendar keeps half a year of history besides what is to come.
ICAL_HISTORY = datetime.timedelta(days=183)


class AgendaSectionMixin:
    """What every agenda page's sidebar needs: today in the institution's zone."""

    def get_context_data(self, **kwargs):
        zone = InstitutionProfile.objects.current().zone
        kwargs.setdefault("today", timezone.localdate(timezone=zone))
        return super().get_context_data(**kwargs)


class AgendaMixin(AgendaSectionMixin):
    """Public events only, narrowed by the category/unit filters in the query."""

    @cached_property
    def filter_form(self):
        return EventFilterForm(self.request.GET or None)

    def get_events(self):
        return self.filter_form.filter(Event.objects.published())

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form,
            query_string=self.filter_form.query_string(),
            **kwargs,
        )


class EventListView(AgendaMixin, ListView):
    context_object_name = "occurrences"
    paginate_by = 20
    template_name = "agendas/event_list.html"

    def get_queryset(self):
        return self.get_events().upcoming_occurrences()


class PastEventListView(AgendaMixin, ListView):
    context_object_name = "occurrences"
    paginate_by = 20
    template_name = "agendas/event_past.html"

    def get_queryset(self):
        return self.get_events().past_occurrences()


class EventMonthView(AgendaMixin, TemplateView):
    """One month of the calendar. Its address is ``/agenda/2027/1/``: other
    spellings of the same month (``/agenda/2027/01/``) redirect there for
    good, so search engines see one page per month."""

    template_name = "agendas/event_month.html"

    def get(self, request, *args, **kwargs):
        canonical = reverse(
            "agendas:event_month", args=[self.kwargs["year"], self.kwargs["month"]]
        )
        if request.path != canonical:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(
                canonical + ("?" + query if query else "")
            )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        year, month = self.kwargs["year"], self.kwargs["month"]
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404(_("Bulan tidak ditemukan."))
        first = datetime.date(year, month, 1)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        weeks = self.get_events().month_calendar(year, month)
        context = super().get_context_data(**kwargs)
        context.update(
            month=first,
            previous_month=previous,
            next_month=following,
            weeks=weeks,
            days_with_events=[
                day
                for week in weeks
                for day in week
                if day.in_month and day.occurrences
            ],
        )
        return context


class EventDetailView(AgendaSectionMixin, DetailView):
    def get_queryset(self):
        events = Event.objects.with_related().with_links()
        if self.request.user.has_perm("agendas.view_event"):
            # Staff may preview internal events; readers get a 404.
            return events
        return events.published()

    def get_context_data(self, **kwargs):
        try:
            day = datetime.date.fromisoformat(self.request.GET.get("tanggal", ""))
        except ValueError:
            day = None
        event = self.object
        return super().get_context_data(
            occurrence=event.display_occurrence(day=day),
            upcoming=event.next_occurrences() if event.is_recurring else [],
            google_calendar_url=event.google_calendar_url(),
            **kwargs,
        )

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response


def _ical_response(calendar, filename, disposition="inline"):
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response


def calendar_ical(request):
    since = timezone.now() - ICAL_HISTORY
    events = Event.objects.published().upcoming(since).with_related()
    name = _("Agenda %(name)s") % {"name": InstitutionProfile.objects.current().name}
    return _ical_response(
        build_calendar(events, request=request, name=name), "agenda.ics"
    )


def event_ical(request, slug):
    event = get_object_or_404(Event.objects.published().with_related(), slug=slug)
    calendar = build_calendar([event], request=request, name=event.title)
    return _ical_response(calendar, f"{event.slug}.ics", "attachment")
