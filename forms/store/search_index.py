"""The records search index: an FTS5 table (trigram tokenizer) inside the encrypted store.

One row per latest record version, keyed by the record row's rowid, holding the family name, the given
name, the document number and the phone in their *squashed* form: casefolded, accents stripped, and
nothing but letters and digits ("da Silva" -> "dasilva", "N'Guessan" -> "nguessan", "+1 612-555-0147"
-> "16125550147"). Trigrams make any run of three or more characters an index lookup, so "silva" finds
"da Silva" and "612555" finds the phone, at a keystroke's cost on 100k records.

Its rowid is the record row's rowid negated: the index streams its matches fastest in ascending
rowid order, and records are appended as they are saved, so ascending here is newest first, the
records list's default order, whatever the number of matches.

Triggers keep it in step with ``records`` whoever writes there (a save, an import, a bulk fill, a
discarded draft): the names arrive already normalised by ``forms.store.fields`` (the ``*_norm``
columns), so SQL only has to drop their spaces. It lives in the same SQLCipher file as the records:
its pages are as encrypted as theirs.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from .fields import squash

TABLE = "record_search"
# FTS5's own table of the indexed text (rowid in ``id``, the columns as c0..c3 in the order below).
CONTENT_TABLE = "record_search_content"
CONTENT_COLUMNS = {"family": "c0", "given": "c1", "document": "c2", "phone": "c3"}
MIN_RUN = 3  # trigram: shorter runs cannot be looked up in the index

# Literal SQL (no value is ever interpolated): the squashed fields of a latest record version.
SEARCH_INDEX_DDL = (
    # Idempotent: a store that ran an earlier draft of this step gets the triggers as written here.
    "DROP TRIGGER IF EXISTS records_search_insert",
    "DROP TRIGGER IF EXISTS records_search_update",
    "DROP TRIGGER IF EXISTS records_search_delete",
    "CREATE VIRTUAL TABLE IF NOT EXISTS record_search USING fts5("
    "family, given, document, phone, tokenize = 'trigram')",
    """
    CREATE TRIGGER IF NOT EXISTS records_search_insert AFTER INSERT ON records WHEN new.is_latest = 1
    BEGIN
        INSERT INTO record_search (rowid, family, given, document, phone) VALUES (
            -new.rowid, replace(coalesce(new.family_name_norm, ''), ' ', ''),
            replace(coalesce(new.given_name_norm, ''), ' ', ''), coalesce(new.document_number, ''),
            coalesce(new.phone, ''));
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS records_search_update AFTER UPDATE ON records
    BEGIN
        DELETE FROM record_search WHERE rowid = -old.rowid;
        INSERT INTO record_search (rowid, family, given, document, phone) SELECT
            -new.rowid, replace(coalesce(new.family_name_norm, ''), ' ', ''),
            replace(coalesce(new.given_name_norm, ''), ' ', ''), coalesce(new.document_number, ''),
            coalesce(new.phone, '')
        WHERE new.is_latest = 1;
    END
    """,
    """
    CREATE TRIGGER IF NOT EXISTS records_search_delete AFTER DELETE ON records
    BEGIN
        DELETE FROM record_search WHERE rowid = -old.rowid;
    END
    """,
    # Existing records (a store migrated from schema 2): the latest versions, as the triggers would.
    "DELETE FROM record_search",
    """
    INSERT INTO record_search (rowid, family, given, document, phone)
    SELECT -rowid, replace(coalesce(family_name_norm, ''), ' ', ''),
           replace(coalesce(given_name_norm, ''), ' ', ''), coalesce(document_number, ''), coalesce(phone, '')
    FROM records WHERE is_latest = 1
    """,
)


def create_search_index(connection: Connection) -> None:
    for statement in SEARCH_INDEX_DDL:
        connection.execute(text(statement))


def phrase(run: str) -> str:
    """An FTS5 phrase for a squashed run (letters and digits only: nothing typed becomes FTS syntax)."""
    return '"' + squash(run) + '"'


# FTS5 checks the positions of a phrase of more than four tokens in a buffer it allocates for each row
# it tests (fts5ExprPhraseIsMatch keeps four readers on the stack), and with cipher_memory_security=ON
# every allocation costs an mlock and an munlock: "conceicao" (7 trigrams) costs ten times "concei"
# (4) over the same 10,000 rows (84 ms against 5 ms, bench data). So a run longer than this is looked
# up as overlapping pieces of at most this length, and the rows they find are checked for the whole run
# in the indexed text itself (``IndexQuery.whole``).
MAX_PHRASE = 6  # characters: 4 trigrams


def pieces(run: str) -> list[str]:
    """Overlapping pieces of at most ``MAX_PHRASE`` characters that hold every trigram of the run
    ("conceicao" -> "concei", "ceicao"); the run itself when it is short enough."""
    if len(run) <= MAX_PHRASE:
        return [run]
    step = MAX_PHRASE - MIN_RUN + 1  # each piece starts where the last trigram of the previous one did
    starts = [*range(0, len(run) - MAX_PHRASE, step), len(run) - MAX_PHRASE]
    return [run[start : start + MAX_PHRASE] for start in starts]


@dataclass(frozen=True)
class IndexQuery:
    """What the index is asked for typed text: ``match``, an FTS5 expression (phrases of at most
    ``MAX_PHRASE`` characters, AND-ed), and ``whole``, the runs it had to split, each of which a row's
    indexed text must hold in one field (``record_search_content``'s columns, checked with instr on the
    rows the index found: no allocation per row). Together they find exactly the rows whose field holds
    every run as the phrases of the whole runs would."""

    match: str
    whole: tuple[str, ...]


def index_query(runs: list[str]) -> IndexQuery:
    """Every squashed run (letters and digits) somewhere in a row's fields."""
    split = tuple(dict.fromkeys(run for run in runs if len(run) > MAX_PHRASE))
    phrases = dict.fromkeys(phrase(piece) for run in runs for piece in pieces(run))
    return IndexQuery(" AND ".join(phrases), split)


def typed_runs(typed: str) -> tuple[list[str], list[str], str]:
    """(words of 3+ characters, shorter words, the whole text as one run), all squashed.

    Every long word must be found in some field through the index; several words are also tried as
    one run ("da silv" -> "dasilv", "jean pierre"). A short word ("da", the "n" being typed after
    "kouame") cannot be looked up by trigrams: next to a long word it narrows nothing but the whole
    run (a keystroke later it is long enough). A text with neither is left to the prefix search.
    """
    words = [word for word in (squash(part) for part in typed.split()) if word]
    long_words = [word for word in words if len(word) >= MIN_RUN]
    short_words = [word for word in words if len(word) < MIN_RUN]
    whole = "".join(words) if len(words) > 1 else ""
    return long_words, short_words, whole if len(whole) >= MIN_RUN else ""
