"""`diaspora-server`: the IT officer's commands (init, serve, enrollment-code, device, forms, stats, export).

Expected failures print one sentence on stderr and exit non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from forms.engine import shipped_form_path
from forms.errors import DeskError
from sync.server import admin
from sync.server.db import (
    KEY_FILE_ENV,
    DatabaseKey,
    ServerDatabaseError,
    database_url,
    describe_url,
    encrypt_existing,
    make_engine,
    open_database,
    session_factory,
)
from sync.server.dedup import cli as dedup_cli
from sync.server.openrosa import cli as openrosa_cli
from sync.server.protection import cli as protection_cli
from sync.server.registry import commands as registry_cli
from sync.server.sealing_key import sealing_key
from sync.server.settings import (
    ENROL_FAILURES_ENV,
    LOG_FORMAT,
    LOG_LEVEL_ENV,
    WORKER_CONFIG_ENV,
    worker_config,
)

DEFAULT_EXPIRY_HOURS = 24.0


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="server folder (SQLite file server.sqlite3 lives here); DATABASE_URL, when set, wins",
    )
    parser.add_argument(
        "--key-file",
        metavar="FILE",
        default=None,
        help="the SQLite database's key, outside the data folder (default: DIASPORA_SERVER_KEY_FILE, else "
        "<data folder>.key, made by init); '-' reads it from standard input or a no-echo prompt",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="diaspora-server", description="Diaspora Desk central server.")
    verbs = parser.add_subparsers(dest="verb", required=True, metavar="COMMAND")

    init = verbs.add_parser("init", help="create or upgrade the database and the first admin token")
    _add_data_dir(init)
    init.add_argument("--admin-name", default="admin", help="name of the first administrator")

    serve = verbs.add_parser("serve", help="run the HTTP API")
    _add_data_dir(serve)
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8443)
    serve.add_argument(
        "--workers", type=int, default=1, help="worker processes (PostgreSQL recommended for > 1)"
    )
    serve.add_argument("--certfile", type=Path, help="TLS certificate (PEM) to serve HTTPS directly")
    serve.add_argument("--keyfile", type=Path, help="TLS private key (PEM)")
    serve.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    serve.add_argument(
        "--enrol-failures",
        type=int,
        default=10,
        metavar="N",
        help="wrong enrolment codes allowed per client address per 15 minutes (then 429)",
    )
    serve.add_argument(
        "--smtp-host", help="SMTP server for self-registration codes (or DIASPORA_SERVER_SMTP_HOST)"
    )
    serve.add_argument("--smtp-port", type=int, help="its port (default 25; or DIASPORA_SERVER_SMTP_PORT)")
    serve.add_argument(
        "--smtp-from", help="the sender address of those e-mails (or DIASPORA_SERVER_SMTP_FROM)"
    )
    serve.add_argument("--smtp-starttls", action="store_true", help="use STARTTLS with the SMTP server")
    serve.add_argument(
        "--selfreg-per-hour",
        type=int,
        metavar="N",
        help="self-registrations allowed per client address per hour (default 10)",
    )

    code = verbs.add_parser("enrollment-code", help="make a one-time code that enrols one laptop")
    _add_data_dir(code)
    code.add_argument("--label", required=True, help='which laptop, e.g. "Laptop 3, Atlanta event"')
    code.add_argument("--expires-hours", type=float, default=DEFAULT_EXPIRY_HOURS)
    code.add_argument("--server-url", help="put the server address into the QR code too")
    code.add_argument("--no-qr", action="store_true", help="print the code as text only")

    device = verbs.add_parser("device", help="list, revoke or mark lost an enrolled laptop")
    device_verbs = device.add_subparsers(dest="device_verb", required=True, metavar="ACTION")
    device_list = device_verbs.add_parser("list", help="show every enrolled device")
    _add_data_dir(device_list)
    device_list.add_argument("--json", action="store_true")
    hand_over = device_verbs.add_parser(
        "hand-over",
        help="let a device change the records another device created (a replaced laptop, a hub)",
    )
    _add_data_dir(hand_over)
    hand_over.add_argument("--from", dest="from_device", required=True, metavar="DEVICE_ID")
    hand_over.add_argument("--to", dest="to_device", required=True, metavar="DEVICE_ID")
    for action, helptext in (
        ("revoke", "refuse the device's credentials from now on"),
        ("mark-lost", "refuse the device and tell it to erase its keys if it ever connects again"),
    ):
        sub = device_verbs.add_parser(action, help=helptext)
        _add_data_dir(sub)
        sub.add_argument("device_id")

    stats = verbs.add_parser("stats", help="counts of records, versions, batches, devices, conflicts")
    _add_data_dir(stats)
    stats.add_argument("--json", action="store_true")

    forms = verbs.add_parser("forms", help="publish and list form versions")
    form_verbs = forms.add_subparsers(dest="forms_verb", required=True, metavar="ACTION")
    publish = form_verbs.add_parser("publish", help="publish an XLSForm (laptops download it at next sync)")
    _add_data_dir(publish)
    publish.add_argument("file", type=Path)
    form_list = form_verbs.add_parser("list", help="show the published form versions")
    _add_data_dir(form_list)

    dedup_cli.add_parser(verbs, _add_data_dir)  # duplicates list|resolve|unlink|reindex

    registry_cli.add_parsers(verbs, _add_data_dir)  # user ..., audit list|verify

    openrosa_cli.add_parsers(verbs, _add_data_dir)  # app-user add|list|revoke, submissions list|accept|reject

    protection_cli.add_parsers(verbs, _add_data_dir)  # person erase|restrict|export, retention set|list|run

    sealed_import = verbs.add_parser(
        "import-sealed", help="ingest a sealed batch file a laptop without internet exported (exactly once)"
    )
    _add_data_dir(sealed_import)
    sealed_import.add_argument("file", type=Path, help="the .sealed file")
    sealed_import.add_argument(
        "--receipt", type=Path, metavar="FILE", help="where to write the receipt (default: FILE.receipt)"
    )

    export = verbs.add_parser("export", help="export every device's records to XLSX or CSV")
    _add_data_dir(export)
    scope = export.add_mutually_exclusive_group(required=True)
    scope.add_argument("--all", action="store_true", help="every received batch")
    scope.add_argument("--batch", metavar="ID", help="one received batch (the id a laptop's sync used)")
    export.add_argument("--format", choices=["xlsx", "csv"], default="xlsx")
    export.add_argument("--form", metavar="FORM_ID", help="which published form (default: the shipped one)")
    export.add_argument(
        "--password-file", type=Path, help="password-protect the XLSX with the first line of this file"
    )
    export.add_argument("--labels", metavar="LANG", help="headers and answers as labels in this language")
    export.add_argument("--out", type=Path, required=True, help="the file to write")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    os.umask(0o077)  # every file the server makes (database, -wal, exports, key) is the officer's alone
    try:
        return _dispatch(args)
    except DeskError as exc:
        print(exc.message, file=sys.stderr)
        return exc.exit_code
    except SQLAlchemyError as exc:
        # Unexpected, but the officer still gets one sentence; the class name helps whoever debugs it.
        print(f"The database refused the operation ({type(exc).__name__}).", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:  # a folder or file the officer named cannot be made, read or written
        where = f" {exc.filename}" if exc.filename else ""
        print(f"Cannot use{where}: {exc.strerror or type(exc).__name__}.", file=sys.stderr)
        return 1


def _dispatch(args: argparse.Namespace) -> int:
    key = _database_key(args)
    if args.verb == "init":
        return _init(args, key)
    if args.verb == "serve":
        return _serve(args, key)
    engine = open_database(args.data_dir, key=key)
    try:
        if args.verb == "enrollment-code":
            return _enrollment_code(engine, args)
        if args.verb == "device":
            return _device(engine, args)
        if args.verb == "stats":
            return _stats(engine, args)
        if args.verb == "forms":
            return _forms(engine, args)
        if args.verb in registry_cli.VERBS:
            return registry_cli.run(engine, args, _who_runs_this())
        if args.verb == "export":
            return _export(engine, args)
        if args.verb == "import-sealed":
            return _import_sealed(engine, args)
        if args.verb == "duplicates":
            return dedup_cli.run(engine, args, _who_runs_this())
        if args.verb in openrosa_cli.VERBS:
            return openrosa_cli.run(engine, args, _who_runs_this())
        if args.verb in protection_cli.VERBS:
            return protection_cli.run(engine, args, _who_runs_this())
    finally:
        engine.dispose()
    raise DeskError(f"Unknown command {args.verb}.")


def _database_key(args: argparse.Namespace) -> DatabaseKey | None:
    """A key typed at start ('-'), else None: the key file (named, from the environment, or default)."""
    chosen = getattr(args, "key_file", None)
    if chosen is None:
        return None
    if chosen != "-":
        # A path, not a secret: worker processes read the same file.
        os.environ[KEY_FILE_ENV] = str(Path(chosen).expanduser().resolve())
        return None
    if sys.stdin.isatty():
        import getpass

        return DatabaseKey(getpass.getpass("Server database key or passphrase: ").strip())
    line = sys.stdin.readline()
    if not line.strip():
        raise DeskError("Expected the database key on standard input (--key-file -).", exit_code=2)
    return DatabaseKey(line.strip())


def _init(args: argparse.Namespace, key: DatabaseKey | None) -> int:
    if args.data_dir is not None:
        args.data_dir.expanduser().mkdir(mode=0o700, parents=True, exist_ok=True)
    url = database_url(args.data_dir)
    if encrypt_existing(url, key):
        print("The server database was plain SQLite: it is now encrypted (SQLCipher).")
    engine = make_engine(url, key=key)
    try:
        token = admin.initialise(engine, args.admin_name)
        sealing_key(session_factory(engine))  # sealed batch files are encrypted to it
        shipped = _publish_shipped_form(engine)
    finally:
        engine.dispose()
    print(f"Server database ready: {describe_url(url)}")
    if shipped:
        print(shipped)
    if token is None:
        print("An admin already exists; no new admin token was made.")
    else:
        print(f"Admin token for {args.admin_name} (shown once; the server keeps only its hash):")
        print(token)
    return 0


def _publish_shipped_form(engine: Engine) -> str | None:
    """The registration form the laptops ship with must be known here, or their records would be rejected."""
    path = shipped_form_path()
    if not path.is_file():
        return None
    info = admin.publish_form(engine, path)
    return f"Shipped form {info.form_id} version {info.version} is published."


WORKER_HEALTHCHECK_SECONDS = 60


def _serve(args: argparse.Namespace, key: DatabaseKey | None) -> int:
    import uvicorn

    from sync.server.app import create_app, settle_collector

    if (args.certfile is None) != (args.keyfile is None):
        raise DeskError("Give both --certfile and --keyfile, or neither.")
    for path in (args.certfile, args.keyfile):
        if path is not None and not path.is_file():
            raise DeskError(f"There is no file at {path}.")
    if args.workers < 1:
        raise DeskError("--workers must be at least 1.")
    if args.enrol_failures < 1:
        raise DeskError("--enrol-failures must be at least 1.")
    _selfreg_settings(args)
    url = database_url(args.data_dir)
    engine = open_database(args.data_dir, key=key)  # refuse to start on a database `init` has not prepared
    dedup_cli.check_at_start(args.data_dir)  # duplicate rules naming a field the form lacks: refused
    logging.basicConfig(level=args.log_level.upper(), format=LOG_FORMAT)
    from sync.server.protection.retention import start_daily

    start_daily(lambda: make_engine(url, key=key))  # retention per form: at start, then daily
    options: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "ssl_certfile": str(args.certfile) if args.certfile else None,
        "ssl_keyfile": str(args.keyfile) if args.keyfile else None,
        "log_level": args.log_level,
        # Request bodies are limited in the app; keep connections from lingering on a shared box.
        "timeout_keep_alive": 30,
        # With several workers uvicorn kills a worker that does not answer its health check in time
        # (default 5 s); a worker still importing the app on a busy 2-core machine misses it, and the
        # server then restarts workers in a loop instead of serving. A worker that is truly stuck still
        # goes after this long.
        "timeout_worker_healthcheck": WORKER_HEALTHCHECK_SECONDS,
    }
    if args.workers == 1:  # the app lives in this process: no secret leaves it
        app = create_app(engine, enrol_failures=args.enrol_failures)
        settle_collector()
        uvicorn.run(app, **options)
        return 0
    engine.dispose()
    # Worker processes build their own app (uvicorn imports the factory by name); the URL and a typed
    # key reach them through a private file, never the environment (the officer's own DATABASE_URL is
    # taken out of what the workers inherit).
    os.environ.pop("DATABASE_URL", None)
    os.environ[LOG_LEVEL_ENV] = args.log_level
    os.environ[ENROL_FAILURES_ENV] = str(args.enrol_failures)
    with worker_config(url, key) as config:
        os.environ[WORKER_CONFIG_ENV] = str(config)
        uvicorn.run(
            "sync.server.app:create_app_from_environment", factory=True, workers=args.workers, **options
        )
    return 0


def _selfreg_settings(args: argparse.Namespace) -> None:
    """The self-registration pages' SMTP settings and limit reach every worker through the environment
    (no secret among them; an SMTP password is read from DIASPORA_SERVER_SMTP_PASSWORD_FILE)."""
    from sync.server.selfreg import smtp
    from sync.server.selfreg.web import SUBMITS_PER_HOUR_ENV

    if args.selfreg_per_hour is not None and args.selfreg_per_hour < 1:
        raise DeskError("--selfreg-per-hour must be at least 1.")
    if args.smtp_port is not None and not 0 < args.smtp_port < 65536:
        raise DeskError("--smtp-port must be a port number (1 to 65535).")
    for value, name in (
        (args.smtp_host, smtp.HOST_ENV),
        (args.smtp_port, smtp.PORT_ENV),
        (args.smtp_from, smtp.FROM_ENV),
        ("1" if args.smtp_starttls else None, smtp.STARTTLS_ENV),
        (args.selfreg_per_hour, SUBMITS_PER_HOUR_ENV),
    ):
        if value is not None:
            os.environ[name] = str(value)


def _enrollment_code(engine: Engine, args: argparse.Namespace) -> int:
    code, expires_at = admin.create_enrollment_code(engine, args.label, args.expires_hours)
    print(f"Enrolment code for {args.label.strip()}: {code}")
    print(f"One use only; expires {expires_at.isoformat(timespec='minutes')} (UTC).")
    if not args.no_qr:
        import segno

        content = (
            code if not args.server_url else f"diaspora-desk://enroll?server={args.server_url}&code={code}"
        )
        buffer = io.StringIO()
        segno.make(content, error="m").terminal(out=buffer, compact=True)
        print(buffer.getvalue(), end="")
    return 0


def _device(engine: Engine, args: argparse.Namespace) -> int:
    if args.device_verb == "list":
        devices = admin.list_devices(engine)
        if args.json:
            print(json.dumps([d.to_json() for d in devices], indent=2))
            return 0
        if not devices:
            print("No device is enrolled yet.")
        for d in devices:
            seen = d.to_json()["last_seen_at"] or "never"
            print(f"{d.device_id}  {d.status:<8} {d.label}  (last seen {seen})")
        return 0
    if args.device_verb == "hand-over":
        handed = admin.hand_over(engine, args.from_device, args.to_device, decided_by=_who_runs_this())
        print(
            f"Device {handed.to_device} ({handed.to_label}) may now change the records of device "
            f"{handed.from_device} ({handed.from_label}); the decision is recorded."
        )
        return 0
    status = "revoked" if args.device_verb == "revoke" else "lost"
    info = admin.set_device_status(engine, args.device_id, status)
    if status == "lost":
        print(f"Device {info.device_id} ({info.label}) marked lost: refused, and told to erase its keys.")
    else:
        print(f"Device {info.device_id} ({info.label}) revoked: its credentials are refused from now on.")
    return 0


def _stats(engine: Engine, args: argparse.Namespace) -> int:
    figures = admin.stats(engine)
    if args.json:
        print(json.dumps(figures, indent=2, sort_keys=True))
    else:
        for key, value in figures.items():
            print(f"{key}: {value}")
    return 0


def _forms(engine: Engine, args: argparse.Namespace) -> int:
    if args.forms_verb == "publish":
        info = admin.publish_form(engine, args.file.expanduser())
        print(
            f"Published form {info.form_id} version {info.version}; laptops download it at their next sync."
        )
        return 0
    published = admin.list_forms(engine)
    if not published:
        print("No form is published yet.")
    for f in published:
        print(f"{f.form_id}  version {f.version}  {f.title}")
    return 0


def _export(engine: Engine, args: argparse.Namespace) -> int:
    from forms.engine import load_form
    from sync.server.export import ServerExportRequest, export_from_server

    if args.password_file is not None and args.format != "xlsx":
        raise DeskError("An encrypted export is an XLSX file: use --format xlsx with --password-file.")
    password = _read_password_file(args.password_file) if args.password_file is not None else None
    form_id = args.form or load_form(shipped_form_path()).form_id
    request = ServerExportRequest(
        exported_by=_who_runs_this(),
        out=args.out,
        form_id=form_id,
        batch_id=args.batch,
        file_format=args.format,
        password=password,
        language=args.labels,
    )
    result = export_from_server(engine, request)
    registry_cli.audit_export(engine, _who_runs_this(), form_id, args.batch, args.format, result.records)
    protected = ", password-protected" if result.encrypted else ""
    scope = "all batches" if args.batch is None else f"batch {args.batch}"
    print(f"Exported {result.records} records of form {form_id} ({scope}) to {result.files[0]}{protected}.")
    for extra in result.files[1:]:
        print(f"  also {extra}")
    if result.attachments_folder is not None:
        print(f"Wrote {result.attachments} attached files to {result.attachments_folder}.")
    if result.attachments_not_written:
        why = "a password-protected export writes no plain files" if result.encrypted else "not on the server"
        print(f"{result.attachments_not_written} attached files not written ({why}).")
    print(f"SHA-256 {result.file_sha256[result.files[0].name]}")
    return 0


def _import_sealed(engine: Engine, args: argparse.Namespace) -> int:
    from sync.server.sealed_import import import_sealed

    path: Path = args.file
    if not path.is_file():
        raise DeskError(f"There is no file at {path}.")
    result = import_sealed(engine, path.read_bytes())
    receipt = args.receipt or path.with_name(path.name + ".receipt")
    receipt.write_bytes(result.receipt)
    counts = result.counts
    print(
        f"Sealed file from device {result.device_id}: {result.batches} batches, "
        f"{counts['accepted']} accepted, {counts['duplicate']} already here, {counts['conflict']} conflicts, "
        f"{counts['rejected']} rejected."
    )
    print(f"Receipt for the laptop (diaspora-desk import-receipt): {receipt}")
    return 0


def _who_runs_this() -> str:
    """The metadata sheet's "exported by": the server account running the command (no admin login here)."""
    import getpass

    try:
        return f"{getpass.getuser()} (server)"
    except (OSError, KeyError):
        return "server administrator"


def _read_password_file(path: Path) -> str:
    try:
        text = path.expanduser().read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise DeskError(f"Cannot read the password file {path} (it must be a UTF-8 text file).") from None
    password = text.splitlines()[0] if text else ""
    if not password:
        raise DeskError(f"The password file {path} is empty.")
    return password


if __name__ == "__main__":
    raise SystemExit(main())


__all__ = ["ServerDatabaseError", "build_parser", "main"]
