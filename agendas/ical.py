"""iCalendar (RFC 5545) output of the agenda, built with the icalendar package.

One VEVENT per event: recurring events carry their RRULE, and each cancelled
occurrence is an overriding VEVENT with the same UID, its RECURRENCE-ID and
STATUS:CANCELLED (RFC 5545 §3.8.4.4), so calendar apps expand the rule exactly
as the site does and subscribers see the occurrence marked cancelled (an
EXDATE would silently remove it from their calendar).
Times carry the event's TZID and the matching VTIMEZONE is included. DTSTAMP
is the event's last change (no METHOD property, so RFC 5545 §3.8.7.2 reads it
that way), which keeps the output identical between requests.
"""

import datetime

from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext as _
from icalendar import Calendar, vDuration, vRecur
from icalendar import Event as VEvent

from humas_site.models import InstitutionProfile

from .models import Event

PRODID = "-//Humas CMS//Agenda//ID"
# Calendar apps poll subscriptions; once every few hours is plenty for an agenda.
REFRESH_INTERVAL = datetime.timedelta(hours=6)

# Indonesia has had no offset change since 1964; the VTIMEZONE covers any
# date an agenda could plausibly hold.
VTIMEZONE_UNTIL = datetime.date(2100, 1, 1)

STATUS = {
    Event.Status.SCHEDULED: "CONFIRMED",
    Event.Status.DONE: "CONFIRMED",
    Event.Status.POSTPONED: "TENTATIVE",
    Event.Status.CANCELLED: "CANCELLED",
}


def event_uid(event, domain):
    """Stable for the life of the event: its primary key and the site's domain."""
    return f"agenda-{event.pk}@{domain}"


def build_vevent(event, *, domain, base_url):
    vevent = VEvent()
    vevent.add("uid", event_uid(event, domain))
    vevent.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
    vevent.add("created", event.created_at.astimezone(datetime.UTC))
    vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
    summary = event.title
    if event.is_postponed:
        summary = _("[DITUNDA] %(title)s") % {"title": event.title}
    vevent.add("summary", summary)
    if event.all_day:
        first_day = event.local_start.date()
        vevent.add("dtstart", first_day)
        vevent.add("dtend", first_day + event.duration)
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    if event.is_recurring:
        vevent.add("rrule", vRecur(event.ical_rrule()))
    vevent.add("status", STATUS[event.status])
    location = event.place or event.online_url
    if location:
        vevent.add("location", location)
    url = base_url + event.get_absolute_url()
    vevent.add("url", url)
    description = [event.summary or event.plain_description]
    if event.status_note:
        description.append(event.status_note)
    if event.online_url:
        description.append(_("Tautan daring: %(url)s") % {"url": event.online_url})
    description.append(url)
    vevent.add("description", "\n\n".join(part for part in description if part))
    if event.category:
        vevent.add("categories", [event.category.name])
    vevent.add("class", "PUBLIC")
    return vevent


def build_cancelled_occurrences(event, *, domain, base_url):
    """One overriding VEVENT per cancelled occurrence of a recurring event:
    the series' UID, the occurrence's RECURRENCE-ID, STATUS:CANCELLED."""
    if not event.is_recurring:
        return []
    overrides = []
    for exception in event.exceptions.all():
        start = _occurrence_start(event, exception.original_date)
        vevent = VEvent()
        vevent.add("uid", event_uid(event, domain))
        vevent.add("recurrence-id", start)
        vevent.add("dtstamp", event.updated_at.astimezone(datetime.UTC))
        vevent.add("last-modified", event.updated_at.astimezone(datetime.UTC))
        vevent.add("summary", _("[DIBATALKAN] %(title)s") % {"title": event.title})
        vevent.add("dtstart", start)
        vevent.add("dtend", start + event.duration)
        vevent.add("status", "CANCELLED")
        url = base_url + event.get_absolute_url()
        vevent.add("url", url)
        description = [_("Kegiatan pada tanggal ini dibatalkan."), exception.note, url]
        vevent.add("description", "\n\n".join(part for part in description if part))
        vevent.add("class", "PUBLIC")
        overrides.append(vevent)
    return overrides


def _occurrence_start(event, day):
    """The start of the occurrence on ``day``, in the same form as DTSTART."""
    if event.all_day:
        return day
    return datetime.datetime.combine(day, event.local_start.timetz())


def build_calendar(events, *, request, name):
    """A VCALENDAR with one VEVENT per event, and the VTIMEZONEs it uses."""
    domain = get_current_site(request).domain.split(":")[0]
    base_url = f"{request.scheme}://{request.get_host()}"
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", InstitutionProfile.objects.current().time_zone)
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    for event in events:
        calendar.add_component(build_vevent(event, domain=domain, base_url=base_url))
        for override in build_cancelled_occurrences(
            event, domain=domain, base_url=base_url
        ):
            calendar.add_component(override)
    calendar.add_missing_timezones(last_date=VTIMEZONE_UNTIL)
    return calendar
