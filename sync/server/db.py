"""Where the server's database is, how to connect, and bringing its schema up to date (Alembic).

PostgreSQL (``DATABASE_URL=postgresql+psycopg://...``, or the URL in the file named by
``DATABASE_URL_FILE``) in production; a SQLite file in the data folder for a one-box install or a hub.
DATABASE_URL wins when it is set.

The SQLite file is a SQLCipher 4 database, encrypted at rest like the desk's store (a server on a
laptop must not be the weak copy). Its key lives outside the data folder: the file named by
``DIASPORA_SERVER_KEY_FILE`` (or ``--key-file``), by default ``<data folder>.key`` beside the folder, made
on first use (256 random bits, hex, mode 0600); or it is typed at start (``--key-file -``). A key of
64 hex digits is used raw; any other text is a passphrase (SQLCipher derives the key, PBKDF2-SHA512).
The folder is 0700 and the database file 0600 (its -wal and -shm inherit that mode).
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import BigInteger, Engine, String, Table, any_, bindparam, create_engine, event, insert
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from forms.errors import DeskError

SQLITE_FILENAME = "server.sqlite3"
KEY_FILE_ENV = "DIASPORA_SERVER_KEY_FILE"
DATABASE_URL_FILE_ENV = "DATABASE_URL_FILE"
_PLAINTEXT_HEADER = b"SQLite format 3\x00"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class ServerDatabaseError(DeskError):
    """The server's database is missing, unreachable or not initialised."""


def database_url(data_dir: Path | None) -> str:
    """DATABASE_URL when set, else the SQLite file in the data folder."""
    from_env = os.environ.get("DATABASE_URL", "").strip()
    if from_env:
        return from_env
    url_file = os.environ.get(DATABASE_URL_FILE_ENV, "").strip()
    if url_file:
        return read_url_file(Path(url_file))
    if data_dir is None:
        raise ServerDatabaseError("Give --data-dir or set DATABASE_URL to say where the server's data is.")
    return f"sqlite:///{Path(data_dir).expanduser().resolve() / SQLITE_FILENAME}"


def describe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return "(unparseable database URL)"


def read_url_file(path: Path) -> str:
    try:
        lines = path.expanduser().read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise ServerDatabaseError(f"Cannot read the database URL file {path}.") from None
    url = lines[0].strip() if lines else ""
    if not url:
        raise ServerDatabaseError(f"The database URL file {path} is empty.")
    return url


@dataclass(frozen=True)
class DatabaseKey:
    """The SQLCipher key of a SQLite server database: 64 hex digits (raw key) or a passphrase."""

    text: str

    def __post_init__(self) -> None:
        if not self.text or "\x00" in self.text or len(self.text) > 1000:
            raise ServerDatabaseError("The database key is empty or not a line of text.")
        if not self.is_raw and len(self.text) < 12:
            raise ServerDatabaseError("A database passphrase has at least 12 characters.")

    def __repr__(self) -> str:
        return "DatabaseKey(<withheld>)"

    @property
    def is_raw(self) -> bool:
        return len(self.text) == 64 and all(ch in "0123456789abcdefABCDEF" for ch in self.text)

    def sql(self) -> str:
        """The literal after PRAGMA key = / ATTACH ... KEY."""
        if self.is_raw:
            return f"\"x'{self.text.lower()}'\""
        return "'" + self.text.replace("'", "''") + "'"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser().resolve()


def default_key_file(database: Path) -> Path:
    """`<data folder>.key`, beside the folder: outside it, so a copy of the folder alone is unreadable."""
    folder = database.parent
    return folder.with_name(folder.name + ".key")


def key_file_for(database: Path) -> Path:
    chosen = os.environ.get(KEY_FILE_ENV, "").strip()
    return Path(chosen).expanduser().resolve() if chosen else default_key_file(database)


def read_key_file(path: Path) -> DatabaseKey:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise ServerDatabaseError(f"Cannot read the database key file {path}.") from None
    return DatabaseKey(lines[0].strip() if lines else "")


def _create_key_file(path: Path, database: Path) -> DatabaseKey:
    if path.parent.resolve() == database.parent.resolve() or database.parent in path.resolve().parents:
        raise ServerDatabaseError("The database key file must be outside the data folder.")
    key = DatabaseKey(secrets.token_hex(32))
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise ServerDatabaseError(
            f"Cannot create the database key file {path} ({exc.strerror}); give --key-file PATH."
        ) from None
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(key.text + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    return key


def _is_plaintext(database: Path) -> bool:
    try:
        with database.open("rb") as handle:
            return handle.read(16) == _PLAINTEXT_HEADER
    except OSError:
        return False


def database_key(database: Path, key: DatabaseKey | None = None) -> DatabaseKey:
    """The key given, else the key file's; a new key file when neither the file nor the database exists."""
    if key is not None:
        return key
    path = key_file_for(database)
    if path.exists():
        return read_key_file(path)
    if database.exists() and database.stat().st_size > 0:
        if _is_plaintext(database):
            raise ServerDatabaseError(
                f"The server database {database} is not encrypted; run `diaspora-server init` to encrypt it."
            )
        raise ServerDatabaseError(
            f"No key file for the encrypted server database {database} at {path}; give --key-file PATH."
        )
    return _create_key_file(path, database)


def secure_folder(folder: Path) -> None:
    """The data folder exists and is 0700 (0600 for the files SQLite makes inside: see _prepare_file)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if folder.stat().st_uid == os.getuid() and folder.stat().st_mode & 0o077:
        folder.chmod(0o700)


def _prepare_file(database: Path) -> None:
    secure_folder(database.parent)
    descriptor = os.open(database, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(descriptor)
    if database.stat().st_mode & 0o077:
        database.chmod(0o600)


POSTGRES_ISOLATION = "READ COMMITTED"


def make_engine(url: str, *, key: DatabaseKey | None = None) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise ServerDatabaseError("DATABASE_URL is not a database URL.") from exc
    # hide_parameters: a database error's text (logged by the server) must never carry a record's answers.
    try:
        database = sqlite_path(url)
        if database is not None:
            return _sqlcipher_engine(database, database_key(database, key))
        if parsed.get_backend_name() == "sqlite":
            return _sqlite_engine(url)  # an in-memory database (tests): nothing on disk to encrypt
        # 10 kept connections a process: with 5, a worker ingesting 10 batches at once opened and closed a
        # PostgreSQL backend for most of them (a fork and a cold catalog cache each); at most 20 as before.
        # READ COMMITTED stated, not inherited: duplicate detection's search, under its advisory lock, must
        # see what the batches committed before it took the lock (a REPEATABLE READ snapshot taken at the
        # transaction's first statement would not), whatever default_transaction_isolation the database or
        # its role was given.
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=10,
            hide_parameters=True,
            isolation_level=POSTGRES_ISOLATION,
        )
    except (NoSuchModuleError, ImportError) as exc:
        raise ServerDatabaseError(
            f"No database driver for {parsed.drivername}; use postgresql+psycopg:// or sqlite:///."
        ) from exc


def _connect_sqlcipher(database: Path, key: DatabaseKey) -> sqlcipher.Connection:
    connection = sqlcipher.connect(str(database), timeout=60, check_same_thread=False, isolation_level=None)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {key.sql()}")
        version = connection.execute("PRAGMA cipher_version").fetchone()
        if not version or not str(version[0]).startswith("4"):
            raise ServerDatabaseError("SQLCipher 4 is required for the server's SQLite database.")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher.DatabaseError:
            if _is_plaintext(database):
                raise ServerDatabaseError(
                    f"The server database {database} is not encrypted; run `diaspora-server init` to "
                    "encrypt it."
                ) from None
            raise ServerDatabaseError(
                f"The server database {database} is damaged or was encrypted with another key."
            ) from None
        for pragma in (
            "journal_mode=WAL",
            "synchronous=FULL",
            "foreign_keys=ON",
            "busy_timeout=60000",
            "secure_delete=ON",
            "temp_store=MEMORY",
        ):
            connection.execute(f"PRAGMA {pragma}")
    except BaseException:
        connection.close()
        raise
    return connection


def _sqlcipher_engine(database: Path, key: DatabaseKey) -> Engine:
    _prepare_file(database)
    engine = create_engine(
        "sqlite://",
        module=sqlcipher,
        creator=lambda: _connect_sqlcipher(database, key),
        hide_parameters=True,
        poolclass=QueuePool,  # the URL says memory (the creator opens the file): pick the file pool
        pool_size=5,
        max_overflow=15,
    )
    _begin_immediate(engine)
    return engine


def encrypt_plaintext_database(database: Path, key: DatabaseKey) -> bool:
    """Encrypt a server database made before encryption (plain SQLite) in place; False if it already is."""
    if not _is_plaintext(database):
        return False
    encrypted = database.with_name(database.name + ".encrypting")
    encrypted.unlink(missing_ok=True)
    descriptor = os.open(encrypted, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(descriptor)
    plain = sqlcipher.connect(str(database), isolation_level=None)
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target = str(encrypted).replace("'", "''")
        plain.execute(f"ATTACH DATABASE '{target}' AS encrypted KEY {key.sql()}")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        version = plain.execute("PRAGMA user_version").fetchone()[0]
        plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    with encrypted.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(encrypted, database)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    return True


def encrypt_existing(url: str, key: DatabaseKey | None = None) -> bool:
    """`init` on a plain SQLite server database: encrypt it in place (key given, from its file, or new)."""
    database = sqlite_path(url)
    if database is None or not _is_plaintext(database):
        return False
    if key is None:
        path = key_file_for(database)
        key = read_key_file(path) if path.exists() else _create_key_file(path, database)
    return encrypt_plaintext_database(database, key)


def _begin_immediate(engine: Engine) -> None:
    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


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


def open_database(
    data_dir: Path | None, *, must_exist: bool = True, key: DatabaseKey | None = None
) -> Engine:
    url = database_url(data_dir)
    if make_url(url).get_backend_name() == "sqlite":
        folder = Path(make_url(url).database or "").parent
        if must_exist and not (folder / SQLITE_FILENAME).exists() and "DATABASE_URL" not in os.environ:
            raise ServerDatabaseError(
                f"No server database in {folder}; run `diaspora-server init --data-dir {folder}` first."
            )
        secure_folder(folder)
    engine = make_engine(url, key=key)
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


# --- Bulk statements for ingestion (sync/server/ingest.py, sync/server/dedup/index.py) -----------------


def among(column: Any, values: Sequence[Any], session: Session) -> Any:
    """``column IN values``; on PostgreSQL one array parameter (``= ANY``): a statement with hundreds of
    placeholders costs more to compile and for psycopg to parse than the database spends answering it."""
    if session.get_bind().dialect.name == "postgresql":
        element = BigInteger() if values and isinstance(values[0], int) else String()
        return column == any_(bindparam("among", list(values), type_=ARRAY(element), unique=True))
    return column.in_(values)


def insert_rows(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows (dicts with the same keys) in the session's transaction.

    On PostgreSQL a COPY on the session's own connection (measured on a 500-record batch of the shipped
    form: 5-13 ms of Python per table against 16-290 ms for a pipelined executemany and 40-80 ms for one
    INSERT ... SELECT FROM unnest of arrays); elsewhere (SQLite) a Core executemany. COPY fires the
    tables' triggers like INSERT, and its errors are raised as SQLAlchemy's (IntegrityError for a key
    already stored), so callers retry or refuse exactly as with an INSERT.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), list(rows))
        return
    import psycopg  # only reached on PostgreSQL, whose driver it is

    session.flush()  # rows the session still holds go first (foreign keys, triggers see them)
    names = list(rows[0])
    statement = f"COPY {table.name} ({', '.join(names)}) FROM STDIN"
    connection: Any = session.connection().connection.driver_connection
    try:
        with connection.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([row[name] for name in names])
    except psycopg.Error as exc:  # hide_parameters: the error names the statement, never the values
        raise DBAPIError.instance(statement, None, exc, psycopg.Error, hide_parameters=True) from exc
