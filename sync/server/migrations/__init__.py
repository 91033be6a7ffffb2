"""Alembic migrations of the server's schema (run programmatically by sync.server.db.upgrade)."""
