"""Uploaded files and the rows that point to them, compared.

A file is written to the media folder before the row that names it is
committed, so a worker killed (or a disk filled) between the two leaves a file
no row names; a file deleted by hand leaves a row pointing at nothing.
``manage.py check_media`` reports both and deletes the first kind.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models

# Image renditions (django-imagekit) are derived and rebuilt on demand.
DERIVED_FOLDERS = ("CACHE",)


def file_fields():
    """(model, field name) of every file field, and of the same field on the
    model's revisions (django-simple-history stores it as text)."""
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.concrete:
                yield model, field.name
                history = getattr(model, "history", None)
                if history is not None and hasattr(history, "model"):
                    yield history.model, field.name


def referenced_names():
    """{stored name: (model label, pk, field name)} of every row with a file;
    historical models (revisions) included, so no revision loses its photo."""
    names = {}
    for model, field in file_fields():
        rows = (
            model._base_manager.exclude(**{field: ""})
            .exclude(**{f"{field}__isnull": True})
            .values_list("pk", field)
        )
        for pk, name in rows.iterator():
            names.setdefault(name, (model._meta.label, pk, field))
    return names


def stored_names():
    root = Path(settings.MEDIA_ROOT)
    if not root.exists():
        return set()
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).parts[0] not in DERIVED_FOLDERS
    }


def check_media():
    """(rows whose file is missing, files no row names)."""
    referenced = referenced_names()
    stored = stored_names()
    missing = sorted(
        (name, *where)
        for name, where in referenced.items()
        if name not in stored and not default_storage.exists(name)
    )
    orphans = sorted(stored - set(referenced))
    return missing, orphans
