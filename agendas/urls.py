from django.urls import path

from . import views
from .feeds import UpcomingEventsFeed

app_name = "agendas"

urlpatterns = [
    path("", views.EventListView.as_view(), name="event_list"),
    path("lalu/", views.PastEventListView.as_view(), name="event_past"),
    path("feed/", UpcomingEventsFeed(), name="event_feed"),
    path("feed.ics", views.calendar_ical, name="calendar_ical"),
    path("<int:year>/<int:month>/", views.EventMonthView.as_view(), name="event_month"),
    path("<slug:slug>/", views.EventDetailView.as_view(), name="event_detail"),
    path("<slug:slug>/event.ics", views.event_ical, name="event_ical"),
]
