"""Writes that span apps: a news draft written from a meeting record."""

from django.db import transaction
from django.utils.html import escape, linebreaks
from django.utils.translation import gettext as _

from humas_site.models import InstitutionProfile
from humas_site.templatetags.humas_tags import angka, jam, tanggal
from news import services as news_services
from news.models import Article

from .models import Meeting


def _person(participant):
    parts = [participant.position, participant.organisation]
    details = ", ".join(part for part in parts if part)
    return f"{participant.name} ({details})" if details else participant.name


def meeting_news_lead(meeting: Meeting) -> str:
    """One sentence: who did what, when and where."""
    institution = InstitutionProfile.objects.current()
    params = {
        "institution": institution.short_name or institution.name,
        "kind": meeting.get_kind_display().lower(),
        "title": meeting.title,
        "date": tanggal(meeting.starts_at),
    }
    if meeting.is_hosted_by_office:
        sentence = _("%(institution)s menggelar %(title)s pada %(date)s")
    else:
        params["host"] = meeting.host_institution
        sentence = _(
            "%(institution)s mengikuti %(title)s yang diselenggarakan %(host)s "
            "pada %(date)s"
        )
    sentence %= params
    if meeting.mode == Meeting.Mode.ONLINE:
        if "daring" in meeting.title.lower():
            return sentence + "."
        return sentence + _(" secara daring.")
    if meeting.place:
        return sentence + _(" di %(place)s.") % {"place": meeting.place}
    return sentence + "."


def meeting_news_body(meeting: Meeting) -> str:
    """HTML body: circumstances, people, numbers, summary and resolutions.

    Every value is escaped; the article's RichTextField sanitises it again.
    """
    paragraphs = []
    when = _("%(date)s pukul %(time)s") % {
        "date": tanggal(meeting.starts_at),
        "time": jam(meeting.starts_at),
    }
    if meeting.ends_at:
        when += " " + _("sampai %(end)s") % {"end": jam(meeting.ends_at)}
    where = {
        Meeting.Mode.ONLINE: _("secara daring"),
        Meeting.Mode.HYBRID: _("secara hybrid di %(place)s"),
        Meeting.Mode.OFFLINE: _("di %(place)s"),
    }[meeting.mode] % {"place": meeting.place or _("tempat yang ditentukan")}
    first = _("Kegiatan berlangsung pada %(when)s %(where)s.") % {
        "when": when,
        "where": where,
    }
    if meeting.chair:
        first += " " + _("Rapat dipimpin oleh %(chair)s.") % {
            "chair": _person(meeting.chair)
        }
    if meeting.moderators:
        first += " " + _("Jalannya diskusi dipandu oleh %(names)s.") % {
            "names": ", ".join(_person(p) for p in meeting.moderators)
        }
    paragraphs.append(f"<p>{escape(first)}</p>")

    groups = list(meeting.participant_groups.all())
    if meeting.attendee_total:
        count = _("Kegiatan ini diikuti %(total)s peserta") % {
            "total": angka(meeting.attendee_total)
        }
        if groups:
            parts = [
                _("%(count)s peserta yang tercatat hadir")
                % {"count": angka(meeting.present_count)}
            ] + [f"{angka(group.count)} {group.label}" for group in groups]
            count += ", " + _("terdiri atas %(parts)s") % {"parts": ", ".join(parts)}
        paragraphs.append(f"<p>{escape(count)}.</p>")

    if meeting.speakers:
        items = "".join(f"<li>{escape(_person(p))}</li>" for p in meeting.speakers)
        paragraphs.append(
            f"<p>{escape(_('Narasumber dalam kegiatan ini:'))}</p><ul>{items}</ul>"
        )

    if meeting.summary:
        paragraphs.append(linebreaks(meeting.summary, autoescape=True))

    resolutions = list(meeting.resolutions.all())
    if resolutions:
        items = "".join(f"<li>{escape(r.text)}</li>" for r in resolutions)
        paragraphs.append(
            f"<h2>{escape(_('Hasil dan tindak lanjut'))}</h2><ol>{items}</ol>"
        )
    return "\n".join(paragraphs)


@transaction.atomic
def meeting_create_news_draft(*, meeting: Meeting, user=None) -> tuple[Article, bool]:
    """Create a draft article prefilled from ``meeting`` and linked to it.

    Idempotent: if an article about the meeting already exists (draft or
    published), it is returned unchanged with ``created=False``. The meeting
    row is locked so two clicks at once cannot both create a draft.
    """
    Meeting.objects.select_for_update().filter(pk=meeting.pk).first()
    existing = news_services.article_about_meeting(meeting)
    if existing:
        return existing, False

    meeting = Meeting.objects.with_details().get(pk=meeting.pk)
    article = news_services.article_draft_about_meeting(
        meeting=meeting,
        lead=meeting_news_lead(meeting),
        body=meeting_news_body(meeting),
        tag=meeting.get_kind_display().lower(),
        user=user,
    )
    return article, True
