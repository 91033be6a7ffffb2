"""The registry: staff accounts, sessions and the server's audit log.

Also the registry's search index (registry_people, registry_name_tokens) and the queue a trigger on
``records`` fills whenever a record's head changes (registry_dirty), so the index never misses an
ingested, edited or erased record whichever code path wrote it. The audit log refuses UPDATE and
DELETE by trigger (append-only); its hash chain shows any change made around the trigger.

Revision ID: 0003_registry
Revises: 0002_hardening
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_registry"
down_revision = "0002_hardening"
branch_labels = None
depends_on = None

TZ = sa.DateTime(timezone=True)


def _s(length: int) -> sa.String:
    return sa.String(length=length)


def upgrade() -> None:
    op.create_table(
        "registry_accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("username", _s(64), nullable=False),
        sa.Column("role", _s(16), nullable=False),
        sa.Column("password_hash", _s(200), nullable=False),
        sa.Column("language", _s(8), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("totp_secret", _s(64), nullable=True),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", TZ, nullable=True),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("password_changed_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username"),
    )
    op.create_table(
        "registry_sessions",
        sa.Column("token_hash", _s(64), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("registry_accounts.id"), nullable=False),
        sa.Column("csrf_token", _s(64), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.Column("last_seen_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_registry_sessions_account_id", "registry_sessions", ["account_id"])
    op.create_table(
        "registry_api_tokens",
        sa.Column("token_hash", _s(64), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("registry_accounts.id"), nullable=False),
        sa.Column("created_at", TZ, nullable=False),
        sa.PrimaryKeyConstraint("token_hash"),
    )
    op.create_index("ix_registry_api_tokens_account_id", "registry_api_tokens", ["account_id"])
    op.create_table(
        "registry_audit",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("at", TZ, nullable=False),
        sa.Column("actor", _s(100), nullable=False),
        sa.Column("action", _s(50), nullable=False),
        sa.Column("target", _s(100), nullable=False),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", _s(64), nullable=False),
        sa.Column("entry_hash", _s(64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    op.create_table(
        "registry_audit_head",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("last_hash", _s(64), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.execute("INSERT INTO registry_audit_head (id, seq, last_hash) VALUES (1, 0, '" + "0" * 64 + "')")
    op.create_table(
        "registry_dirty",
        sa.Column(
            "id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), autoincrement=True, nullable=False
        ),
        sa.Column("record_id", _s(36), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "registry_people",
        sa.Column("record_id", _s(36), nullable=False),
        sa.Column("version_id", _s(36), nullable=False),
        sa.Column("form_id", _s(200), nullable=False),
        sa.Column("form_version", _s(200), nullable=False),
        sa.Column("device_id", _s(36), nullable=False),
        sa.Column("registered_at", TZ, nullable=False),
        sa.Column("registered_day", _s(10), nullable=False),
        sa.Column("registered_week", _s(10), nullable=False),
        sa.Column("registered_month", _s(7), nullable=False),
        sa.Column("display_name", _s(300), nullable=False),
        sa.Column("residence_country", _s(8), nullable=True),
        sa.Column("residence_city", _s(120), nullable=True),
        sa.Column("sex", _s(32), nullable=True),
        sa.Column("education_level", _s(64), nullable=True),
        sa.Column("occupation", _s(64), nullable=True),
        sa.Column("skills_sector", _s(64), nullable=True),
        sa.Column("invest_interest", _s(16), nullable=True),
        sa.Column("return_interest", _s(16), nullable=True),
        sa.Column("mentoring_interest", _s(16), nullable=True),
        sa.Column("preferred_language", _s(16), nullable=True),
        sa.Column("languages", _s(400), nullable=False),
        sa.Column("invest_sectors", _s(600), nullable=False),
        sa.Column("document_norm", _s(64), nullable=True),
        sa.Column("phone_tail", _s(16), nullable=True),
        sa.Column("email_norm", _s(200), nullable=True),
        sa.PrimaryKeyConstraint("record_id"),
    )
    for column in (
        "form_id",
        "device_id",
        "registered_day",
        "residence_country",
        "skills_sector",
        "document_norm",
        "phone_tail",
        "email_norm",
    ):
        op.create_index(f"ix_registry_people_{column}", "registry_people", [column])
    op.create_table(
        "registry_name_tokens",
        sa.Column(
            "token", sa.String(64).with_variant(sa.String(64, collation="C"), "postgresql"), nullable=False
        ),
        sa.Column("record_id", _s(36), nullable=False),
        sa.PrimaryKeyConstraint("token", "record_id"),
    )
    op.create_index("ix_registry_name_tokens_record_id", "registry_name_tokens", ["record_id"])
    # Every record already on the server is indexed at the registry's first request.
    op.execute("INSERT INTO registry_dirty (record_id) SELECT record_id FROM records")
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_triggers()
    else:
        _sqlite_triggers()


def _postgresql_triggers() -> None:
    op.execute(
        """
        CREATE FUNCTION registry_mark_dirty() RETURNS trigger AS $$
        BEGIN
            INSERT INTO registry_dirty (record_id) VALUES (NEW.record_id);
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER registry_records_insert AFTER INSERT ON records "
        "FOR EACH ROW EXECUTE FUNCTION registry_mark_dirty()"
    )
    op.execute(
        "CREATE TRIGGER registry_records_update AFTER UPDATE ON records FOR EACH ROW "
        "WHEN (OLD.head_version_id IS DISTINCT FROM NEW.head_version_id "
        "OR OLD.deleted IS DISTINCT FROM NEW.deleted) "
        "EXECUTE FUNCTION registry_mark_dirty()"
    )
    op.execute(
        """
        CREATE FUNCTION registry_audit_append_only() RETURNS trigger AS $$
        BEGIN
            RAISE EXCEPTION 'the registry audit log is append-only';
        END $$ LANGUAGE plpgsql
        """
    )
    op.execute(
        "CREATE TRIGGER registry_audit_no_change BEFORE UPDATE OR DELETE ON registry_audit "
        "FOR EACH ROW EXECUTE FUNCTION registry_audit_append_only()"
    )


def _sqlite_triggers() -> None:
    op.execute(
        "CREATE TRIGGER registry_records_insert AFTER INSERT ON records BEGIN "
        "INSERT INTO registry_dirty (record_id) VALUES (NEW.record_id); END"
    )
    op.execute(
        "CREATE TRIGGER registry_records_update AFTER UPDATE ON records "
        "WHEN OLD.head_version_id IS NOT NEW.head_version_id OR OLD.deleted IS NOT NEW.deleted BEGIN "
        "INSERT INTO registry_dirty (record_id) VALUES (NEW.record_id); END"
    )
    for event in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER registry_audit_no_{event.lower()} BEFORE {event} ON registry_audit BEGIN "
            "SELECT RAISE(ABORT, 'the registry audit log is append-only'); END"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS registry_records_insert ON records")
        op.execute("DROP TRIGGER IF EXISTS registry_records_update ON records")
        op.execute("DROP FUNCTION IF EXISTS registry_mark_dirty()")
        op.execute("DROP FUNCTION IF EXISTS registry_audit_append_only() CASCADE")
    else:
        for name in ("registry_records_insert", "registry_records_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in (
        "registry_name_tokens",
        "registry_people",
        "registry_dirty",
        "registry_audit_head",
        "registry_audit",
        "registry_api_tokens",
        "registry_sessions",
        "registry_accounts",
    ):
        op.drop_table(table)
