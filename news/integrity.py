"""The news app's part of the content integrity scan (``humas_site.integrity``)."""

from django.db.models import Count, OuterRef, Subquery

from humas_site.integrity import Finding

from .models import Article

# Fields whose stored text must equal the latest revision saved by the admin.
REVISED_FIELDS = ["title", "lead", "body"]


def scan_revisions():
    """Published articles whose text differs from their latest saved revision.

    Every save through Django keeps a revision (django-simple-history), so a
    difference means the row was changed outside the application, e.g. by SQL
    injection or direct database access. One query for all articles.
    """

    history = Article.history
    latest = history.model.objects.filter(id=OuterRef("pk")).order_by(
        "-history_date", "-history_id"
    )
    annotations = {
        f"revised_{field}": Subquery(latest.values(field)[:1])
        for field in REVISED_FIELDS
    }
    annotations["revision_count"] = Subquery(
        history.model.objects.filter(id=OuterRef("pk"))
        .values("id")
        .annotate(total=Count("history_id"))
        .values("total")[:1]
    )
    findings = []
    articles = Article.objects.published().annotate(**annotations)
    for article in articles.only("pk", *REVISED_FIELDS):
        where = f"Berita #{article.pk} “{article}”"
        if not article.revision_count:
            findings.append(Finding("revisi", where, "tidak ada revisi tersimpan"))
            continue
        changed = [
            field
            for field in REVISED_FIELDS
            if getattr(article, field) != getattr(article, f"revised_{field}")
        ]
        if changed:
            findings.append(
                Finding(
                    "revisi", where, f"diubah di luar aplikasi: {', '.join(changed)}"
                )
            )
    return findings
