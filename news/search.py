"""Article search: PostgreSQL full-text search in Indonesian, a contains
fallback on SQLite, query cleaning and highlighted snippets.

On PostgreSQL the query matches and ranks the stored ``search_document``
column (a tsvector kept by a trigger, migration 0005) through its GIN index;
``tests/news/test_search_pg.py`` checks this with EXPLAIN.

The Snowball Indonesian stemmer used by the ``indonesian`` configuration strips
affixes such as me-/pe-/-kan/-an ("pemilihan" and "pemilih" → "pilih",
"mengoptimalkan" → "optimal") but not borrowed derivational suffixes
("optimalisasi" stays "optimalisasi"). Each search word therefore also matches
by prefix on its stem without such a suffix: "optimalisasi" searches
``optimalisasi | optimal:*``.
"""

import html
import re

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    SearchVectorField,
)
from django.db import connection
from django.db.models import F, Func, Q, TextField, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator

SEARCH_CONFIG = "indonesian"
MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
# Borrowed derivational suffixes the Indonesian stemmer leaves in place,
# longest first. A word ending in one also matches its stem as a prefix.
DERIVATIONAL_SUFFIXES = ("isasi", "isme", "isir", "itas", "asi", "wati", "wan")
MIN_STEM_LENGTH = 4
# A common word ("pemilih") matches most of a large archive; ranking and
# counting all of them costs seconds. Only the newest matches are ranked.
MAX_RANKED_RESULTS = 1000
WORD = re.compile(r"[^\W_]+")
# Markers around highlighted words in ts_headline output (Unicode private use
# characters, removed from the text first); turned into <mark> after escaping.
MARK_START, MARK_STOP = "\ue000", "\ue001"


def search_document():
    """The stored weighted document (title A, lead and tags B, body C).

    A column only PostgreSQL has, filled by the trigger of migration 0005; it is
    not a model field, so no other query loads it.
    """
    return RawSQL(
        '"news_article"."search_document"', [], output_field=SearchVectorField()
    )


def uses_full_text_search():
    return connection.vendor == "postgresql"


def search_terms(query):
    """The words of ``query`` (letters and digits only), lower case, at most
    MAX_TERMS, duplicates dropped. Punctuation, quotes, operators and markup
    never reach the database as syntax."""
    terms = []
    for word in WORD.findall(query.lower()):
        word = word[:50]
        if word not in terms:
            terms.append(word)
    return terms[:MAX_TERMS]


def trimmed_stem(word):
    """``word`` without a derivational suffix, or "" if it has none (or the
    rest would be too short to search by prefix)."""
    for suffix in DERIVATIONAL_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_LENGTH:
            return word[: -len(suffix)]
    return ""


def tsquery_text(terms):
    """A ``to_tsquery`` expression: every word must match, each word as itself
    or, if it has a derivational suffix, by prefix on its trimmed stem."""
    parts = []
    for term in terms:
        stem = trimmed_stem(term)
        parts.append(f"({term} | {stem}:*)" if stem else term)
    return " & ".join(parts)


def _strip_html(expression):
    return Func(
        expression,
        Value(r"<[^>]*>"),
        Value(" "),
        Value("g"),
        function="regexp_replace",
        output_field=TextField(),
    )


def full_text_query(terms):
    return SearchQuery(tsquery_text(terms), search_type="raw", config=SEARCH_CONFIG)


def full_text_matches(queryset, terms):
    """PostgreSQL: the articles matching ``terms`` (GIN index), newest first."""
    return (
        queryset.annotate(search=search_document())
        .filter(search=full_text_query(terms))
        .order_by("-published_at", "-pk")
    )


def search_articles(queryset, terms):
    """``queryset`` filtered to ``terms`` and ordered by relevance.

    PostgreSQL: full-text match on the indexed vector, ranked, with
    ``title_highlight`` and ``snippet`` (ts_headline) annotations.
    Other databases: every term contained in title, lead, body or tags.
    """
    if not uses_full_text_search():
        for term in terms:
            queryset = queryset.filter(
                Q(title__icontains=term)
                | Q(lead__icontains=term)
                | Q(body__icontains=term)
                | Q(search_tags__icontains=term)
            )
        return queryset.order_by("-published_at", "-pk")

    query = full_text_query(terms)
    vector = search_document()
    headline_options = {
        "config": SEARCH_CONFIG,
        "start_sel": MARK_START,
        "stop_sel": MARK_STOP,
    }
    # The newest MAX_RANKED_RESULTS matches, fetched first as plain ids (one
    # indexed query), are counted and ranked among themselves.
    matches = list(
        full_text_matches(queryset, terms).values_list("pk", flat=True)[
            :MAX_RANKED_RESULTS
        ]
    )
    return (
        queryset.filter(pk__in=matches)
        .annotate(
            rank=SearchRank(vector, query),
            title_highlight=SearchHeadline(
                "title", query, highlight_all=True, **headline_options
            ),
            snippet=SearchHeadline(
                _strip_html(F("body")),
                query,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
                **headline_options,
            ),
        )
        .order_by("-rank", "-published_at", "-pk")
    )


def marked(text, *, from_html=False):
    """Escape ``text`` (ts_headline output) and turn only the highlight
    markers into <mark> elements. ``from_html``: the text came from stored
    HTML whose tags were removed in SQL; its entities are decoded first."""
    text = text or ""
    if from_html:
        text = html.unescape(text)
    escaped = escape(text)
    return mark_safe(
        escaped.replace(MARK_START, "<mark>").replace(MARK_STOP, "</mark>")
    )


def highlight(text, terms):
    """Escaped ``text`` with the search words wrapped in <mark> (SQLite)."""
    escaped = escape(text)
    if not terms:
        return mark_safe(escaped)
    pattern = re.compile(
        "|".join(re.escape(escape(term)) for term in terms), re.IGNORECASE
    )
    return mark_safe(pattern.sub(lambda m: f"<mark>{m.group(0)}</mark>", escaped))


def result_snippets(articles, terms):
    """Set ``highlighted_title`` and ``highlighted_snippet`` (safe HTML) on
    each article of a result page."""
    for article in articles:
        if hasattr(article, "snippet"):
            article.highlighted_title = marked(article.title_highlight)
            article.highlighted_snippet = marked(article.snippet, from_html=True)
        else:
            text = article.lead or html.unescape(strip_tags(article.body))
            text = Truncator(text).words(40)
            article.highlighted_title = highlight(article.title, terms)
            article.highlighted_snippet = highlight(text, terms)
    return articles


def clean_query(value):
    """The reader's text without NUL and marker characters, spaces collapsed."""
    value = (value or "").replace("\x00", "")
    value = value.replace(MARK_START, "").replace(MARK_STOP, "")
    return " ".join(value.split())
