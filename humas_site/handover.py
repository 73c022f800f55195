"""Handing a departing operator's content over to another account."""

from django.apps import apps
from django.db import transaction

from .audit import audit_record
from .models import AuditEvent

# (model, field) pairs that say who owns a piece of content. Only ownership is
# moved; authorship records (revisions, follow-up notes, the audit log) stay.
OWNERSHIP_FIELDS = [("news.Article", "created_by")]


@transaction.atomic
def content_hand_over(*, departing, successor, actor=None) -> dict:
    """Reassign everything ``departing`` owns to ``successor``; return the
    number of rows moved per model label. Audited."""
    moved = {}
    for label, field in OWNERSHIP_FIELDS:
        model = apps.get_model(label)
        moved[label] = model.objects.filter(**{field: departing}).update(
            **{field: successor}
        )
    total = sum(moved.values())
    audit_record(
        action=AuditEvent.Action.HANDOVER,
        actor=actor,
        obj=departing,
        message=f"{total} konten dialihkan ke {successor.get_username()}",
    )
    return moved
