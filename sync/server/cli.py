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

from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from forms.engine import shipped_form_path
from forms.errors import DeskError
from sync.server import admin
from sync.server.db import ServerDatabaseError, database_url, describe_url, make_engine, open_database
from sync.server.dedup import cli as dedup_cli
from sync.server.settings import DATABASE_URL_ENV, LOG_FORMAT, LOG_LEVEL_ENV

DEFAULT_EXPIRY_HOURS = 24.0


def _add_data_dir(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        help="server folder (SQLite file server.sqlite3 lives here); DATABASE_URL, when set, wins",
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
    if args.verb == "init":
        return _init(args)
    if args.verb == "serve":
        return _serve(args)
    engine = open_database(args.data_dir)
    try:
        if args.verb == "enrollment-code":
            return _enrollment_code(engine, args)
        if args.verb == "device":
            return _device(engine, args)
        if args.verb == "stats":
            return _stats(engine, args)
        if args.verb == "forms":
            return _forms(engine, args)
        if args.verb == "export":
            return _export(engine, args)
        if args.verb == "duplicates":
            return dedup_cli.run(engine, args, _who_runs_this())
    finally:
        engine.dispose()
    raise DeskError(f"Unknown command {args.verb}.")


def _init(args: argparse.Namespace) -> int:
    if args.data_dir is not None:
        args.data_dir.expanduser().mkdir(parents=True, exist_ok=True)
    url = database_url(args.data_dir)
    engine = make_engine(url)
    try:
        token = admin.initialise(engine, args.admin_name)
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


def _serve(args: argparse.Namespace) -> int:
    import uvicorn

    if (args.certfile is None) != (args.keyfile is None):
        raise DeskError("Give both --certfile and --keyfile, or neither.")
    for path in (args.certfile, args.keyfile):
        if path is not None and not path.is_file():
            raise DeskError(f"There is no file at {path}.")
    if args.workers < 1:
        raise DeskError("--workers must be at least 1.")
    url = database_url(args.data_dir)
    open_database(args.data_dir).dispose()  # refuse to start on a database `init` has not prepared
    dedup_cli.check_at_start(args.data_dir)  # duplicate rules naming a field the form lacks: refused
    # Worker processes build their own app from the environment (uvicorn imports the factory by name).
    os.environ[DATABASE_URL_ENV] = url
    os.environ[LOG_LEVEL_ENV] = args.log_level
    logging.basicConfig(level=args.log_level.upper(), format=LOG_FORMAT)
    uvicorn.run(
        "sync.server.app:create_app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        ssl_certfile=str(args.certfile) if args.certfile else None,
        ssl_keyfile=str(args.keyfile) if args.keyfile else None,
        log_level=args.log_level,
        # Request bodies are limited in the app; keep connections from lingering on a shared box.
        timeout_keep_alive=30,
    )
    return 0


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
    protected = ", password-protected" if result.encrypted else ""
    scope = "all batches" if args.batch is None else f"batch {args.batch}"
    print(f"Exported {result.records} records of form {form_id} ({scope}) to {result.files[0]}{protected}.")
    for extra in result.files[1:]:
        print(f"  also {extra}")
    print(f"SHA-256 {result.file_sha256[result.files[0].name]}")
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
