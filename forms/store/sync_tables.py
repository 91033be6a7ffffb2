"""The tables sync keeps inside the store (schema step 7): the enrolment, the batches in flight, the
supervisor's queue of conflicts and rejections, a refusal as a rolled-back store, the server's sealing
key and the sealed files handed over, and the forms downloaded from the server.

The store owns every table's DDL (one schema, numbered steps, a backup before migrating); sync maps
its rows onto these tables (sync.client.state, sync.client.sealing, sync.client.forms_download) and
never creates a table. Until step 7 sync created them itself on first use (SQLAlchemy's create_all):
the DDL below is what that produced, so a store that has them already keeps them as they are
(``IF NOT EXISTS``); a column added later is a new numbered step here.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

TABLES = (
    "sync_device",
    "sync_inflight",
    "sync_issues",
    "sync_rolled_back",
    "sync_sealing_key",
    "sync_sealed_exports",
    "sync_forms",
)

_DDL = (
    """CREATE TABLE IF NOT EXISTS sync_device (
        id INTEGER NOT NULL,
        server_url VARCHAR(500) NOT NULL,
        device_id VARCHAR(36) NOT NULL,
        credential TEXT,
        private_key BLOB,
        ca_bundle TEXT,
        pinned_sha256 VARCHAR(64),
        status VARCHAR(16) NOT NULL,
        enrolled_at VARCHAR(40) NOT NULL,
        acknowledged_seq INTEGER NOT NULL,
        audit_checkpoint INTEGER NOT NULL,
        last_success_at VARCHAR(40),
        last_error TEXT,
        last_error_at VARCHAR(40),
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_inflight (
        batch_id VARCHAR(36) NOT NULL,
        ordinal INTEGER NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        outbox_seqs TEXT NOT NULL,
        audit_last INTEGER NOT NULL,
        body BLOB NOT NULL,
        headers TEXT NOT NULL,
        PRIMARY KEY (batch_id)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_issues (
        id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
        record_id VARCHAR(36) NOT NULL,
        version_id VARCHAR(36) NOT NULL,
        status VARCHAR(16) NOT NULL,
        reason VARCHAR(64),
        problems TEXT NOT NULL,
        batch_id VARCHAR(36) NOT NULL,
        at VARCHAR(40) NOT NULL,
        resolved_at VARCHAR(40),
        resolved_by VARCHAR(64)
    )""",
    "CREATE INDEX IF NOT EXISTS ix_sync_issues_record_id ON sync_issues (record_id)",
    """CREATE TABLE IF NOT EXISTS sync_rolled_back (
        id INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        at VARCHAR(40) NOT NULL,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_sealing_key (
        id INTEGER NOT NULL,
        device_id VARCHAR(36) NOT NULL,
        public_key BLOB NOT NULL,
        learned_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_sealed_exports (
        export_id VARCHAR(36) NOT NULL,
        created_at VARCHAR(40) NOT NULL,
        created_by VARCHAR(64) NOT NULL,
        batch_ids TEXT NOT NULL,
        receipt_key BLOB NOT NULL,
        receipt_imported_at VARCHAR(40),
        PRIMARY KEY (export_id)
    )""",
    """CREATE TABLE IF NOT EXISTS sync_forms (
        form_id VARCHAR(200) NOT NULL,
        version VARCHAR(200) NOT NULL,
        title VARCHAR(500) NOT NULL,
        sha256 VARCHAR(64) NOT NULL,
        content BLOB NOT NULL,
        downloaded_at VARCHAR(40) NOT NULL,
        PRIMARY KEY (form_id, version)
    )""",
)


def create_sync_tables(connection: Connection) -> None:
    """Schema step 7: sync's tables, created by the store (kept as they are where sync made them)."""
    for statement in _DDL:
        connection.execute(text(statement))
