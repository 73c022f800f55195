"""Sanitised rich text shared by every model that stores staff-written HTML.

django-prose-editor derives an nh3 allow-list from the enabled editor
extensions, but only applies it when a form is cleaned. ``RichTextField``
applies the same allow-list in ``pre_save`` too, so the shell, imports and
scripts can never store what the editor could not produce.
"""

from django_prose_editor.fields import ProseEditorField, create_sanitizer

RICH_TEXT_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto", "tel"]},
    "Table": True,
    "TableRow": True,
    "TableHeader": True,
    "TableCell": True,
    "Figure": True,
    "Caption": True,
    "Image": True,
}

sanitize_html = create_sanitizer(RICH_TEXT_EXTENSIONS)


class RichTextField(ProseEditorField):
    """A text field edited with django-prose-editor and sanitised on every save."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", RICH_TEXT_EXTENSIONS)
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
