"""`diaspora-desk hub start|code|status`: host an outreach event on this (supervisor's) laptop.

`hub start` runs our server on the event network with its data inside this store's folder (an encrypted
SQLite database whose key is derived from the unlocked store), its own TLS certificate, and a DNS-SD
announcement; it runs until SIGTERM or Ctrl+C. `hub code` prints a clerk's enrolment code carrying the
hub's address and certificate fingerprint. `hub status` shows the laptops, what they sent, what was
relayed to the central server and what waits, and the attached files the central server refused (the
record's reference, why, what to do). `diaspora-desk sync` on this laptop relays. See
docs/events.md.
"""

from __future__ import annotations

import argparse
import io
import json
import sys

from desktop.cli.common import add_data_dir_arg, add_operator_arg, data_dir_of, unlock_store
from forms.errors import DeskError
from sync.hub.names import require_server_code


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "hub",
        help="host an outreach event: clerks' laptops sync to this laptop, which relays to the server",
        description="Runs, shows and hands out codes for the event hub on this laptop (supervisors).",
    )
    verbs = parser.add_subparsers(dest="hub_verb", required=True, metavar="ACTION")

    start = verbs.add_parser("start", help="run the hub on the event network until stopped (SIGTERM, Ctrl+C)")
    add_data_dir_arg(start)
    add_operator_arg(start)
    start.add_argument("--port", type=int, default=8765, help="the port clerks connect to (default 8765)")
    start.add_argument(
        "--host", default="0.0.0.0", help="the address to listen on (default: every network of this laptop)"
    )
    start.add_argument("--no-announce", action="store_true", help="do not announce the hub with DNS-SD")
    start.set_defaults(func=handle_start)

    code = verbs.add_parser("code", help="print a clerk's enrolment code (hub address and fingerprint)")
    add_data_dir_arg(code)
    add_operator_arg(code)
    code.add_argument("--label", required=True, help='which laptop, e.g. "Clerk 2, Minneapolis"')
    code.add_argument("--expires-hours", type=float, default=12.0)
    code.add_argument("--no-qr", action="store_true", help="print the code as text only")
    code.set_defaults(func=handle_code)

    status = verbs.add_parser(
        "status", help="laptops, records received, relayed, waiting, and files the central server refused"
    )
    add_data_dir_arg(status)
    add_operator_arg(status)
    status.add_argument("--json", action="store_true")
    status.set_defaults(func=handle_status)


def _check_port(port: int) -> None:
    if not 0 < port < 65536:
        raise DeskError("--port must be between 1 and 65535.", exit_code=2)


def handle_start(args: argparse.Namespace) -> int:
    require_server_code()
    from sync.hub.discovery import announce
    from sync.hub.serve import prepare, run

    _check_port(args.port)
    store = unlock_store(args)
    try:
        store.require_supervisor("host an event")
        hub = prepare(store, host=args.host, port=args.port, operator=store.operator.name)
        store.audit("event_hub_started", port=args.port)
    finally:
        store.close()  # the hub needs only its own database's key from here on

    def started() -> None:
        print(
            f"Hub running at https://{hub.address}:{hub.port} (certificate SHA-256 {hub.fingerprint}); "
            f"forms: {', '.join(hub.forms) or 'none'}. Stop it with Ctrl+C.",
            flush=True,
        )

    try:
        if args.no_announce:
            run(hub, on_started=started)
        else:
            with announce(hub.address, hub.port, hub.fingerprint):
                run(hub, on_started=started)
    finally:
        hub.engine.dispose()
    return 0


def handle_code(args: argparse.Namespace) -> int:
    require_server_code()
    from sync.hub.code import HubCode
    from sync.hub.place import HubPlace, open_hub_database
    from sync.server import admin

    store = unlock_store(args)
    try:
        store.require_supervisor("hand out hub codes")
        engine = open_hub_database(store)
        try:
            config = HubPlace.of(data_dir_of(args)).read_config()
            code, expires_at = admin.create_enrollment_code(engine, args.label, args.expires_hours)
        finally:
            engine.dispose()
    finally:
        store.close()
    line = HubCode(str(config["address"]), int(config["port"]), str(config["fingerprint"]), code).text()
    print(
        f"Hub code for {args.label.strip()} "
        f"(one use; expires {expires_at.isoformat(timespec='minutes')} UTC):"
    )
    print(line)
    if not args.no_qr:
        import segno

        buffer = io.StringIO()
        segno.make(line, error="m").terminal(out=buffer, compact=True)
        print(buffer.getvalue(), end="")
    print("On the clerk's laptop: diaspora-desk enroll --operator NAME  (then type or scan the code)")
    return 0


def handle_status(args: argparse.Namespace) -> int:
    require_server_code()
    from sync.hub.place import HubPlace, open_hub_database
    from sync.hub.status import hub_status

    store = unlock_store(args)
    try:
        engine = open_hub_database(store)
        try:
            status = hub_status(engine, HubPlace.of(data_dir_of(args)))
        finally:
            engine.dispose()
    finally:
        store.close()
    if args.json:
        json.dump(status, sys.stdout, indent=2)
        print()
        return 0
    state = "running" if status["running"] else "stopped"
    print(f"Hub {state} at https://{status['address']}:{status['port']}")
    for laptop in status["laptops"]:
        seen = laptop["last_seen_at"] or "never"
        print(f"  {laptop['label']:<30} {laptop['records_received']:>6} records  (last seen {seen})")
    print(
        f"Records received {status['records_received']}, relayed to the central server {status['relayed']}, "
        f"waiting {status['waiting']}."
    )
    refused = status["files_refused"]
    if refused:
        print(f"Attached files the central server refused: {len(refused)}")
        for entry in refused:
            waits = entry["versions_waiting"]
            print(
                f"  {entry['reference']}  file {entry['file']}  refused {entry['times']} "
                f"{'time' if entry['times'] == 1 else 'times'}, last {entry['last_refused_at']}; "
                + (
                    f"{waits} {'version' if waits == 1 else 'versions'} of the record waiting"
                    if waits
                    else "the record no longer waits"
                )
            )
            print(f"    Why: {entry['reason']}.")
            print(f"    What to do: {entry['what_to_do']}.")
    return 0
