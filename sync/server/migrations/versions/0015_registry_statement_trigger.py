"""The registry's queue of changed records is filled once per INSERT statement on PostgreSQL (issue 15).

``registry_records_insert`` was a row trigger: one PL/pgSQL call and one single-row INSERT into
``registry_dirty`` per new record. Ingestion inserts a batch's records in one statement, so a statement
trigger with a transition table makes that one INSERT ... SELECT per batch: the same rows, in the same
order (measured: 20 -> 12 microseconds of backend CPU per inserted record). The update trigger stays a row
trigger: ingestion moves heads one UPDATE at a time, and its WHEN clause skips the unchanged rows.
SQLite keeps its row triggers (it has no transition tables).

Revision ID: 0015_registry_statement_trigger
Revises: 0014_record_attachments
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0015_registry_statement_trigger"
down_revision = "0014_record_attachments"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        """
        CREATE FUNCTION registry_mark_dirty_inserted() RETURNS trigger AS $$
        BEGIN
            INSERT INTO registry_dirty (record_id) SELECT record_id FROM registry_inserted_records;
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """
    )
    op.execute("DROP TRIGGER registry_records_insert ON records")
    op.execute(
        "CREATE TRIGGER registry_records_insert AFTER INSERT ON records "
        "REFERENCING NEW TABLE AS registry_inserted_records "
        "FOR EACH STATEMENT EXECUTE FUNCTION registry_mark_dirty_inserted()"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TRIGGER registry_records_insert ON records")
    op.execute(
        "CREATE TRIGGER registry_records_insert AFTER INSERT ON records "
        "FOR EACH ROW EXECUTE FUNCTION registry_mark_dirty()"
    )
    op.execute("DROP FUNCTION registry_mark_dirty_inserted()")
