"""The schema version (``PRAGMA user_version``) and the steps that bring a store up to date.

Before migrating an existing store, ``backup(found_version)`` takes an encrypted backup into the
rotation of ``forms.store.backup`` (reason ``schema<N>``). A store with a newer schema than this code knows
is refused, untouched.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, text

from .attachments import create_attachments_table
from .autosave import create_autosave_table
from .chart_counts import create_chart_counts
from .database import run_outside_transaction, writer
from .errors import NewerStoreError
from .form_library import create_form_library, create_form_media
from .purged import create_purged_table
from .review import create_review_table
from .schema import Base
from .search_index import create_search_index
from .sync_tables import create_sync_tables


def _v1_initial(connection: Connection) -> None:
    # Version 1 is the schema as first shipped; later steps must use explicit DDL, never create_all.
    Base.metadata.create_all(connection)


def _v3_search_index_and_autosave(connection: Connection) -> None:
    # The records search index (FTS5 trigram, kept by triggers) and the autosave of the open form.
    create_search_index(connection)
    create_autosave_table(connection)


def _v5_form_media_and_attachments(connection: Connection) -> None:
    # The files shipped with a form version, and the files attached to answers (both inside the store).
    create_form_media(connection)
    create_attachments_table(connection)


# The Start page's counts walk an index, never the records' rows (forms.store.stats, forms.store.dashboard,
# forms.store.retention): latest finals and drafts by status and is_latest (then the record id, which
# finds a record's latest final version); the day's registrations (first versions) by the time they
# were made. The batch lists' and the review page's counts per batch (forms.store.batches.list_batches,
# forms.store.review.synced_counts) and a batch's latest versions walk (batch, is_latest, status,
# synced_at).
START_PAGE_INDEXES = (
    "CREATE INDEX IF NOT EXISTS ix_records_status_latest ON records (status, is_latest, record_id)",
    "CREATE INDEX IF NOT EXISTS ix_records_first_created ON records (created_at) WHERE deprecated_id IS NULL",
    "CREATE INDEX IF NOT EXISTS ix_records_batch_latest ON records (batch_id, is_latest, status, synced_at)",
)


def _v8_start_page(connection: Connection) -> None:
    # The Start page's indexes, and its chart counts kept by triggers on records (backfilled here).
    for statement in START_PAGE_INDEXES:
        connection.execute(text(statement))
    create_chart_counts(connection)


MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _v1_initial,
    2: create_review_table,
    3: _v3_search_index_and_autosave,
    4: create_form_library,
    5: _v5_form_media_and_attachments,
    6: create_purged_table,  # which records are only on the server now (ids and dates: forms.store.purged)
    7: create_sync_tables,  # sync's own tables, which sync created itself before (forms.store.sync_tables)
    8: _v8_start_page,  # the Start page's indexes and chart counts (forms.store.chart_counts)
}
CURRENT_VERSION = max(MIGRATIONS)


def schema_version(engine: Engine) -> int:
    return int(run_outside_transaction(engine, "PRAGMA user_version")[0][0])


def migrate(engine: Engine, backup: Callable[[int], object]) -> int:
    """Brings the store to ``CURRENT_VERSION``; returns the version it found. ``backup(found)`` runs
    before the first step on an existing store."""
    found = schema_version(engine)
    if found > CURRENT_VERSION:
        raise NewerStoreError(
            f"This store was written by a newer version of Diaspora Desk (schema {found}; this version knows "
            f"up to {CURRENT_VERSION}); install the newer version to open it."
        )
    if found == CURRENT_VERSION:
        return found
    if found > 0:
        backup(found)
    for version in range(found + 1, CURRENT_VERSION + 1):
        with writer(engine).begin() as connection:
            MIGRATIONS[version](connection)
            connection.execute(text(f"PRAGMA user_version = {int(version)}"))
    # The store goes on with fresh connections: one that ran the steps stayed slow afterwards (step 8's
    # chart recount, JSON functions over records, left every later statement on that SQLCipher
    # connection about 5x slower until it closed: a save 2 -> 6 ms, a primary-key SELECT 0.02 -> 0.18 ms).
    engine.dispose()
    return found
