from django.urls import path

from . import feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.MeetingListView.as_view(), name="meeting_list"),
    path("feed/", feeds.MeetingMinutesFeed(), name="meeting_feed"),
    path("<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path(
        "<slug:slug>/notulen/",
        views.MeetingMinutesView.as_view(),
        name="meeting_minutes",
    ),
    path(
        "<slug:slug>/daftar-hadir/",
        views.MeetingAttendanceView.as_view(),
        name="meeting_attendance",
    ),
    path(
        "<slug:slug>/surat/<int:pk>/",
        views.letter_download,
        name="letter_download",
    ),
]
