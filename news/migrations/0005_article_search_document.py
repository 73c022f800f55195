"""A stored full-text document per article, kept by a trigger (PostgreSQL only).

The expression index of 0003 made matching fast, but ranking, counting and
rechecking matches recomputed to_tsvector() of every matching body: with
100,000 articles a common word took over 10 seconds. The document is now a
tsvector column filled by a BEFORE INSERT/UPDATE trigger (so ORM saves, COPY
and raw SQL all keep it right) with the GIN index on the column. The column is
not a model field: only news.search reads it, and other queries never load it.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE news_article ADD COLUMN search_document tsvector",
    """
    CREATE FUNCTION news_article_search_document() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_document :=
            setweight(to_tsvector('indonesian', coalesce(NEW.title, '')), 'A')
            || setweight(to_tsvector('indonesian', coalesce(NEW.lead, '')), 'B')
            || setweight(to_tsvector('indonesian', coalesce(NEW.search_tags, '')), 'B')
            || setweight(to_tsvector('indonesian', coalesce(NEW.body, '')), 'C');
        RETURN NEW;
    END
    $$
    """,
    """
    CREATE TRIGGER news_article_search_document
    BEFORE INSERT OR UPDATE OF title, lead, search_tags, body ON news_article
    FOR EACH ROW EXECUTE FUNCTION news_article_search_document()
    """,
    "UPDATE news_article SET title = title",
    "DROP INDEX IF EXISTS news_article_search_gin",
    "CREATE INDEX news_article_search_gin ON news_article USING gin (search_document)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS news_article_search_gin",
    "DROP TRIGGER IF EXISTS news_article_search_document ON news_article",
    "DROP FUNCTION IF EXISTS news_article_search_document()",
    "ALTER TABLE news_article DROP COLUMN IF EXISTS search_document",
]


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return  # SQLite searches with a contains fallback
        for statement in statements:
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [("news", "0004_article_workflow_history")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
