"""The Start page's chart counts, kept as the records change: per counted question and choice code, how
many registrations (latest final versions) chose it.

Counting the charts from the records means parsing every latest final version's answers (100k JSON
documents at a full desk, seconds on the store lane each time the Start page is shown). Instead the
``chart_counts`` table holds the counts (question name, choice code, number: never a personal value) and
triggers on ``records`` keep it in step whoever writes there (a save, an edit, a draft becoming final, a
discarded draft, an erasure, retention, an import, a bulk fill), as the search index's triggers do
(forms.store.search_index). It lives in the same SQLCipher file as the records.

The counting rule is the one of the full recount (``forms.store.dashboard.answer_counts``): an answer
that is missing, null or empty is not counted; a question that takes several choices counts each of its
space-separated choices. A choice whose count fell to zero keeps its row (with 0); readers skip it.

Schema step 8 (forms.store.migrate) creates the table and its triggers and counts the records already
there. The questions counted are fixed here: counting another one needs a new schema step.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.orm import Session

TABLE = "chart_counts"

# The answers the charts count, and whether the question takes several choices (space separated).
CHART_FIELDS: dict[str, bool] = {
    "residence_country": False,
    "occupation": False,
    "skills_sector": False,
    "invest_sectors": True,
    "invest_interest": False,
    "skills_transfer_interest": False,
}

# What Python's str.split() splits on besides the space, up to U+00A0: the choices of a multiple answer
# are split as the recount splits them. (The other Unicode spaces, which no choice code holds, would
# nest the SQL deeper than SQLite's parser allows.)
_WHITESPACE = (9, 10, 11, 12, 13, 28, 29, 30, 31, 133, 160)


def _split(value: str) -> str:
    """SQL: the JSON array of the space-separated parts of ``value`` (a text expression), or NULL when
    ``value`` is NULL. Choice codes (letters, digits, ``_``, ``.``) take the short way; anything else is
    escaped for JSON first, every kind of white space made a space, and counted whole if it still cannot
    make a JSON array (a control character in it)."""
    text = f"CAST({value} AS TEXT)"
    escaped = f"replace(replace({text}, '\\', '\\\\'), '\"', '\\\"')"
    for code in _WHITESPACE:
        escaped = f"replace({escaped}, char({code}), ' ')"
    careful = f"""'["' || replace({escaped}, ' ', '","') || '"]'"""
    return (
        f"""CASE WHEN {text} NOT GLOB '*[^ 0-9A-Za-z_.]*' THEN '["' || replace({text}, ' ', '","') || '"]' """
        f"WHEN json_valid({careful}) THEN {careful} ELSE json_array({text}) END"
    )


def _pairs(answers: str) -> list[tuple[str, str, str]]:
    """SQL parts (select list, FROM terms, WHERE condition) whose rows are (field, choice), one per
    counted choice in the answers JSON ``answers``: an expression, the trigger's row or a column of a
    table the caller puts first in the FROM clause (SQLite has no lateral subquery)."""
    single = ", ".join(f"('{name}')" for name, several in CHART_FIELDS.items() if not several)
    choice = f"CAST(json_extract({answers}, '$.' || k.column1) AS TEXT)"
    parts = [(f"k.column1, {choice}", f"(VALUES {single}) AS k", f"{choice} IS NOT NULL AND {choice} != ''")]
    for name, several in CHART_FIELDS.items():
        if several:
            extracted = f"json_extract({answers}, '$.{name}')"
            terms = f"json_each({_split(extracted)}) AS m"
            parts.append((f"'{name}', CAST(m.value AS TEXT)", terms, "m.value != ''"))
    return parts


def _counted(row: str) -> str:
    # Answers that are not JSON count nothing: a save is never refused for the sake of a chart.
    return f"{row}.is_latest = 1 AND {row}.status = 'final' AND json_valid({row}.answers)"


def _count(row: str, sign: int) -> str:
    pairs = " UNION ALL ".join(
        f"SELECT {columns}, {sign} FROM {terms} WHERE {condition}"  # noqa: S608 (literal SQL of this module)
        for columns, terms, condition in _pairs(f"{row}.answers")
    )
    # An INSERT ... SELECT with an upsert needs a WHERE clause (SQLite's parser): it has one.
    return (
        f"INSERT INTO {TABLE} (field, choice, n) SELECT * FROM ({pairs}) WHERE {_counted(row)} "  # noqa: S608
        "ON CONFLICT (field, choice) DO UPDATE SET n = n + excluded.n"
    )


def _recount() -> tuple[str, ...]:
    return tuple(
        f"INSERT INTO {TABLE} (field, choice, n) SELECT {columns}, count(*) FROM records AS r, {terms} "  # noqa: S608
        f"WHERE {_counted('r')} AND {condition} GROUP BY 1, 2"
        for columns, terms, condition in _pairs("r.answers")
    )


CHART_COUNTS_DDL = (
    "DROP TRIGGER IF EXISTS records_chart_insert",
    "DROP TRIGGER IF EXISTS records_chart_update",
    "DROP TRIGGER IF EXISTS records_chart_delete",
    f"""
    CREATE TABLE IF NOT EXISTS {TABLE} (
        field VARCHAR(64) NOT NULL,
        choice TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (field, choice)
    ) WITHOUT ROWID
    """,
    f"""
    CREATE TRIGGER records_chart_insert AFTER INSERT ON records WHEN {_counted("new")}
    BEGIN
        {_count("new", 1)};
    END
    """,
    # Only a statement that sets one of the three columns can change what is counted.
    f"""
    CREATE TRIGGER records_chart_update AFTER UPDATE OF is_latest, status, answers ON records
    WHEN ({_counted("old")}) OR ({_counted("new")})
    BEGIN
        {_count("old", -1)};
        {_count("new", 1)};
    END
    """,
    f"""
    CREATE TRIGGER records_chart_delete AFTER DELETE ON records WHEN {_counted("old")}
    BEGIN
        {_count("old", -1)};
    END
    """,
    # The records already in the store (a store migrated from schema 7), as the triggers would count them.
    f"DELETE FROM {TABLE}",  # noqa: S608
    *_recount(),
)


def create_chart_counts(connection: Connection) -> None:
    for statement in CHART_COUNTS_DDL:
        connection.execute(text(statement))


def chart_counts(session: Session) -> dict[str, list[tuple[str, int]]]:
    """Per counted question, (choice code, registrations) most frequent first: a read of a few hundred
    rows, whatever the number of records."""
    charts: dict[str, list[tuple[str, int]]] = {name: [] for name in CHART_FIELDS}
    rows = session.execute(text(f"SELECT field, choice, n FROM {TABLE} WHERE n > 0")).all()  # noqa: S608
    for field, choice, count in rows:
        if field in charts:
            charts[field].append((str(choice), int(count)))
    for counted in charts.values():
        counted.sort(key=lambda item: (-item[1], item[0]))
    return charts
