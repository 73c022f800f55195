"""What changed between two revisions of an article, word by word."""

import datetime
import difflib
import html

from django.utils.html import strip_tags

from humas_site.templatetags.humas_tags import tanggal_jam

from .models import Article


def _words(value):
    if isinstance(value, datetime.datetime):
        # In the office's time zone, in Indonesian, not a raw UTC timestamp;
        # one piece, so the comparison reads "old time → new time".
        return [tanggal_jam(value, national=False)]
    text = strip_tags(str(value if value is not None else ""))
    return html.unescape(text).split()


def revision_changes(older, newer):
    """What changed between two revisions, readable: one entry per changed
    field with its label and word-level pieces ("same", "del", "ins")."""
    delta = newer.diff_against(older)
    changes = []
    for change in delta.changes:
        field = Article._meta.get_field(change.field)
        old_words, new_words = _words(change.old), _words(change.new)
        pieces = []
        matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
        for op, a1, a2, b1, b2 in matcher.get_opcodes():
            if op == "equal":
                pieces.append(("same", " ".join(old_words[a1:a2])))
                continue
            if a2 > a1:
                pieces.append(("del", " ".join(old_words[a1:a2])))
            if b2 > b1:
                pieces.append(("ins", " ".join(new_words[b1:b2])))
        changes.append({"label": field.verbose_name, "pieces": pieces})
    return changes
