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
space-separated choices (an answer of such a question holding a tab, a line break, a quote or another
odd character, which the desk never writes, counts whole: ``_split``). A choice whose count fell to
zero keeps its row (with 0); readers skip it.

Each save of a final version runs the trigger: about 2 ms of CPU under the store's memory security
(every allocation is locked and wiped), against seconds saved at each view of the Start page.

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

# What cannot stand in a JSON string as it is, and the white space other than the space that Python's
# str.split() (the full recount's rule) splits on, up to U+00A0.
_ODD = ", ".join(str(code) for code in (*range(1, 32), 34, 92, 133, 160))


def _split(value: str) -> str:
    """SQL: the JSON array of the space-separated choices of ``value`` (an expression). An answer
    holding a quote, a backslash, a control character or white space other than the space (which no
    choice code has, and the desk never writes) counts whole. Short on purpose: every execution of a
    trigger pays for the size of its program, and each save fires one."""
    return (
        f"CASE WHEN {value} GLOB '*[' || char({_ODD}) || ']*' THEN json_array({value}) "
        f"""ELSE '["' || replace({value}, ' ', '","') || '"]' END"""
    )


def _pairs(answers: str) -> tuple[str, str, str]:
    """SQL parts (select list, FROM terms, WHERE condition) whose rows are (field, choice), one per
    counted choice in the answers JSON ``answers``: an expression, the trigger's row or a column of a
    table the caller puts first in the FROM clause (SQLite has no lateral subquery).

    The answers are parsed once (a json_extract of every counted question gives a small array: under the
    store's memory security each parse of a record's answers costs a fraction of a millisecond), then
    each answer is one choice, or its space-separated choices for a question that takes several."""
    names = list(CHART_FIELDS)
    paths = ", ".join(f"'$.{name}'" for name in names)
    field = "CASE a.key " + " ".join(f"WHEN {n} THEN '{name}'" for n, name in enumerate(names)) + " END"
    several = ", ".join(str(n) for n, name in enumerate(names) if CHART_FIELDS[name]) or "-1"
    return (
        f"{field}, CAST(m.value AS TEXT)",
        f"json_each(json_extract({answers}, {paths})) AS a, "
        f"json_each(CASE WHEN a.key IN ({several}) THEN {_split('a.value')} "
        "ELSE json_array(a.value) END) AS m",
        "a.value IS NOT NULL AND a.value != '' AND m.value != ''",
    )


def _counted(row: str) -> str:
    # Answers that are not JSON count nothing: a save is never refused for the sake of a chart.
    return f"{row}.is_latest = 1 AND {row}.status = 'final' AND json_valid({row}.answers)"


def _count(row: str, sign: int) -> str:
    columns, terms, condition = _pairs(f"{row}.answers")
    # An INSERT ... SELECT with an upsert needs a WHERE clause (SQLite's parser): it has one.
    return (
        f"INSERT INTO {TABLE} (field, choice, n) SELECT {columns}, {sign} FROM {terms} "  # noqa: S608
        f"WHERE {_counted(row)} AND {condition} "
        "ON CONFLICT (field, choice) DO UPDATE SET n = n + excluded.n"
    )


def _recount() -> str:
    columns, terms, condition = _pairs("r.answers")
    return (
        f"INSERT INTO {TABLE} (field, choice, n) SELECT {columns}, count(*) FROM records AS r, {terms} "  # noqa: S608
        f"WHERE {_counted('r')} AND {condition} GROUP BY 1, 2"
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
    _recount(),
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
