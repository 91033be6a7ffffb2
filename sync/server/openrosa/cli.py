"""`diaspora-server app-user add|list|revoke` and `diaspora-server submissions list|accept|reject`."""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Callable

from sqlalchemy import Engine

from forms.errors import DeskError
from sync.server.db import session_factory, transaction
from sync.server.openrosa import app_users, review

VERBS = frozenset({"app-user", "submissions"})


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_parsers(
    verbs: argparse._SubParsersAction,  # type: ignore[type-arg]
    add_data_dir: Callable[[argparse.ArgumentParser], None],
) -> None:
    users = verbs.add_parser("app-user", help="ODK Collect / Enketo app users: add, list, revoke")
    actions = users.add_subparsers(dest="app_user_verb", required=True, metavar="ACTION")
    add = actions.add_parser(
        "add", help="make an app user; prints its token once and a QR code for ODK Collect"
    )
    add_data_dir(add)
    add.add_argument("--name", required=True, help='who uses it, e.g. "Lisbon outreach phone 2"')
    add.add_argument("--form", metavar="ID", help="limit it to this published form")
    add.add_argument(
        "--server-url",
        default="https://registry.example.gov",
        type=require_url,
        help="the server's public address, put into ODK Collect's settings (QR code)",
    )
    add.add_argument("--no-qr", action="store_true", help="print the token and address as text only")
    listing = actions.add_parser("list", help="show the app users (never their tokens)")
    add_data_dir(listing)
    listing.add_argument("--json", action="store_true")
    revoke = actions.add_parser("revoke", help="refuse an app user's token from now on (403)")
    add_data_dir(revoke)
    revoke.add_argument("user_id")

    queue = verbs.add_parser("submissions", help="records from ODK Collect / Enketo waiting for a registrar")
    steps = queue.add_subparsers(dest="submissions_verb", required=True, metavar="ACTION")
    pending = steps.add_parser("list", help="records waiting for review (or --status accepted|rejected|all)")
    add_data_dir(pending)
    pending.add_argument("--status", choices=["pending", "accepted", "rejected", "all"], default="pending")
    pending.add_argument("--json", action="store_true")
    for action, helptext in (
        ("accept", "count the record in the registry"),
        ("reject", "keep the record out of the registry"),
    ):
        sub = steps.add_parser(action, help=helptext)
        add_data_dir(sub)
        sub.add_argument("record_id")


def run(engine: Engine, args: argparse.Namespace, actor: str) -> int:
    factory = session_factory(engine)
    if args.verb == "app-user":
        return _app_user(factory, args)
    if args.submissions_verb == "list":
        status = None if args.status == "all" else args.status
        with factory() as session:
            items = review.list_reviews(session, status)
        if args.json:
            _out(json.dumps([item.to_json() for item in items], indent=2))
            return 0
        if not items:
            _out("No submission waits for review." if status == "pending" else "No submission.")
        for item in items:
            _out(
                f"{item.record_id}  {item.status:<8} {item.form_id}  version {item.head_version_id}  "
                f"from {item.app_user or item.submitted_by}  {item.changed_at.isoformat(timespec='minutes')}"
            )
        return 0
    decision = review.ACCEPTED if args.submissions_verb == "accept" else review.REJECTED
    with transaction(factory) as session:
        item = review.decide(session, args.record_id, decision, actor)
    _out(f"Record {item.record_id} {item.status}.")
    return 0


def _app_user(factory: object, args: argparse.Namespace) -> int:
    if args.app_user_verb == "add":
        with transaction(factory) as session:  # type: ignore[arg-type]
            user, token = app_users.add_app_user(session, args.name, args.form)
        url = app_users.collect_server_url(args.server_url, token)
        _out(f"App user {user.name} ({user.user_id}) made; its token is shown only now:")
        _out(token)
        _out(f"ODK Collect server address: {url}")
        if not args.no_qr:
            import segno

            payload = app_users.collect_settings_payload(args.server_url, token, user.name)
            buffer = io.StringIO()
            segno.make(payload, error="l").terminal(out=buffer, compact=True)
            _out("Scan with ODK Collect (Configure with QR code):")
            _out(buffer.getvalue().rstrip("\n"))
        return 0
    if args.app_user_verb == "list":
        with factory() as session:  # type: ignore[operator]
            users = app_users.list_app_users(session)
        if args.json:
            _out(json.dumps([u.to_json() for u in users], indent=2))
            return 0
        if not users:
            _out("No app user.")
        for u in users:
            _out(f"{u.user_id}  {u.status:<8} {u.name}  form {u.form_id or '(any)'}")
        return 0
    with transaction(factory) as session:  # type: ignore[arg-type]
        user = app_users.revoke_app_user(session, args.user_id)
    _out(f"App user {user.name} ({user.user_id}) is revoked.")
    return 0


def require_url(text: str) -> str:
    if not text.startswith(("http://", "https://")):
        raise DeskError("--server-url must start with https:// (or http:// for a local test).", exit_code=2)
    return text
