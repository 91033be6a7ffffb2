"""Where the server's database is, how to connect, and bringing its schema up to date (Alembic).

PostgreSQL (``DATABASE_URL=postgresql+psycopg://...``) in production; a SQLite file in the data folder
for a one-box install. DATABASE_URL wins when it is set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from forms.errors import DeskError

SQLITE_FILENAME = "server.sqlite3"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class ServerDatabaseError(DeskError):
    """The server's database is missing, unreachable or not initialised."""


def database_url(data_dir: Path | None) -> str:
    """DATABASE_URL when set, else the SQLite file in the data folder."""
    from_env = os.environ.get("DATABASE_URL", "").strip()
    if from_env:
        return from_env
    if data_dir is None:
        raise ServerDatabaseError("Give --data-dir or set DATABASE_URL to say where the server's data is.")
    return f"sqlite:///{Path(data_dir).expanduser().resolve() / SQLITE_FILENAME}"


def describe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparseable database URL)"


def make_engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServerDatabaseError("DATABASE_URL is not a database URL.") from exc
    # hide_parameters: a database error's text (logged by the server) must never carry a record's answers.
    try:
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url)
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=15, hide_parameters=True)
    except (NoSuchModuleError, ImportError) as exc:
        raise ServerDatabaseError(
            f"No database driver for {parsed.drivername}; use postgresql+psycopg:// or sqlite:///."
        ) from exc


def _sqlite_engine(url: str) -> Engine:
    # Several worker processes share one file: wait for the write lock instead of failing, and take it
    # at BEGIN (IMMEDIATE) so two readers never deadlock upgrading to writers.
    engine = create_engine(
        url, connect_args={"timeout": 60, "check_same_thread": False}, hide_parameters=True
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # let SQLAlchemy's "begin" event issue BEGIN
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=60000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # configparser treats % as interpolation; URLs carry %-escapes (e.g. options=-csearch_path%3D...).
    config.set_main_option(
        "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
    )
    return config


def upgrade(engine: Engine) -> None:
    """Create or migrate the schema to the newest revision (idempotent)."""
    config = alembic_config(engine)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise ServerDatabaseError(f"Cannot reach the database at {describe_url(str(engine.url))}.") from exc


def check_schema_current(engine: Engine) -> None:
    """Refuse to serve from a database that `init` has not prepared (or an older schema)."""
    head = ScriptDirectory.from_config(alembic_config(engine)).get_current_head()
    try:
        with engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
    except OperationalError as exc:
        raise ServerDatabaseError(f"Cannot reach the database at {describe_url(str(engine.url))}.") from exc
    if current is None:
        raise ServerDatabaseError(
            "The server's database is not initialised; run `diaspora-server init` first."
        )
    if current != head:
        raise ServerDatabaseError("The server's database schema is out of date; run `diaspora-server init`.")


def open_database(data_dir: Path | None, *, must_exist: bool = True) -> Engine:
    url = database_url(data_dir)
    if make_url(url).get_backend_name() == "sqlite":
        folder = Path(make_url(url).database or "").parent
        if must_exist and not (folder / SQLITE_FILENAME).exists() and "DATABASE_URL" not in os.environ:
            raise ServerDatabaseError(
                f"No server database in {folder}; run `diaspora-server init --data-dir {folder}` first."
            )
        folder.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url)
    if must_exist:
        check_schema_current(engine)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One session in one transaction: committed on success, rolled back on any error."""
    with factory() as session, session.begin():
        yield session
