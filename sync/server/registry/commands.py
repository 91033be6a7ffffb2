"""`diaspora-server user ...` and `diaspora-server audit ...`: registry accounts and the audit log.

Passwords are read from the first line of standard input when it is not a terminal (scripts, tests),
otherwise asked twice without echo. Every account change is written to the audit log (ids and roles,
never a password). Failures are DeskErrors: one sentence, non-zero exit.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from collections.abc import Callable

from sqlalchemy import Engine

from forms.errors import DeskError
from sync.server.db import session_factory, transaction
from sync.server.registry import accounts, audit, sessions

VERBS = ("user", "audit")


def out(text: str) -> None:
    sys.stdout.write(text + "\n")


def err(text: str) -> None:
    sys.stderr.write(text + "\n")


def add_parsers(
    verbs: argparse._SubParsersAction, add_data_dir: Callable[[argparse.ArgumentParser], None]
) -> None:  # type: ignore[type-arg]
    user = verbs.add_parser("user", help="registry staff accounts: add, list, disable, passwd, totp, token")
    actions = user.add_subparsers(dest="user_verb", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="a new account (the password from stdin's first line, or asked)")
    add_data_dir(add)
    add.add_argument("--username", required=True)
    add.add_argument("--role", required=True, choices=accounts.ROLES)
    add.add_argument("--language", default="en", choices=accounts.LANGUAGES, help="the pages' language")
    listing = actions.add_parser("list", help="every account with its role and state")
    add_data_dir(listing)
    listing.add_argument("--json", action="store_true")
    for name, text in (
        ("disable", "refuse the account from now on and end its sessions"),
        ("passwd", "set a new password (also unlocks an account locked by wrong passwords)"),
        ("totp", "an authenticator-app second factor for an admin (prints its setup address once)"),
        ("token", "an API token for GET /api/v1/registry/summary with this account's role (printed once)"),
    ):
        sub = actions.add_parser(name, help=text)
        add_data_dir(sub)
        sub.add_argument("--username", required=True)

    log = verbs.add_parser("audit", help="the registry's audit log: list, verify")
    log_actions = log.add_subparsers(dest="audit_verb", required=True, metavar="ACTION")
    audit_list = log_actions.add_parser("list", help="the newest entries first")
    add_data_dir(audit_list)
    audit_list.add_argument("--json", action="store_true")
    audit_list.add_argument("--limit", type=int, default=100)
    verify = log_actions.add_parser("verify", help="check the hash chain (exit 1 when broken)")
    add_data_dir(verify)


def read_password(confirm: bool = True) -> str:
    if not sys.stdin.isatty():
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise DeskError("Expected the password on the first line of standard input.", exit_code=2)
        return line
    first = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Password again: ") != first:
        raise DeskError("The two passwords differ.", exit_code=2)
    return first


def run(engine: Engine, args: argparse.Namespace, who: str) -> int:
    actor = f"cli:{who}"[:100]
    if args.verb == "audit":
        return _audit(engine, args)
    factory = session_factory(engine)
    verb = args.user_verb
    if verb == "list":
        with factory() as session:
            found = accounts.list_accounts(session)
        if args.json:
            out(json.dumps([a.__dict__ for a in found], indent=2))
        elif not found:
            out("No registry account yet; add one with `diaspora-server user add`.")
        for a in [] if args.json else found:
            state = "disabled" if a.disabled else "active"
            out(f"{a.username:<24} {a.role:<10} {a.language}  {state}{'  totp' if a.totp else ''}")
        return 0
    if verb == "add":
        password = read_password()
        with transaction(factory) as session:
            made = accounts.add(session, args.username, args.role, password, args.language)
            audit.append(session, actor, audit.ACCOUNT_ADDED, str(made.id), {"role": made.role})
        out(f"Registry account {made.username} ({made.role}) added.")
        return 0
    if verb == "passwd":
        password = read_password()
        with transaction(factory) as session:
            changed = accounts.set_password(session, args.username, password)
            audit.append(session, actor, audit.PASSWORD_CHANGED, str(changed.id))
        out(f"New password set for {changed.username}; its sessions are ended and any lockout cleared.")
        return 0
    if verb == "disable":
        with transaction(factory) as session:
            off = accounts.disable(session, args.username)
            audit.append(session, actor, audit.ACCOUNT_DISABLED, str(off.id))
        out(f"Registry account {off.username} is disabled; its sessions are ended.")
        return 0
    if verb == "totp":
        with transaction(factory) as session:
            account, uri = accounts.enable_totp(session, args.username)
            audit.append(session, actor, audit.TOTP_ENABLED, str(account.id))
        out(f"Add this to {account.username}'s authenticator app (shown once):")
        out(uri)
        return 0
    with transaction(factory) as session:
        row = accounts.require(session, args.username)
        token = sessions.new_api_token(session, accounts.Account.of(row))
        audit.append(session, actor, audit.API_TOKEN_ISSUED, str(row.id))
    out(f"API token for {row.username} ({row.role}); shown once, the server keeps only its hash:")
    out(token)
    return 0


def _audit(engine: Engine, args: argparse.Namespace) -> int:
    factory = session_factory(engine)
    with factory() as session:
        if args.audit_verb == "verify":
            problems = audit.verify(session)
            count = len(audit.entries(session, limit=1))
            if problems:
                for problem in problems:
                    err(problem)
                err("The audit log was altered.")
                return 1
            out("The audit log is intact." if count else "The audit log is empty.")
            return 0
        entries = audit.entries(session, limit=max(1, min(args.limit, 100_000)))
    if args.json:
        out(json.dumps([e.to_json() for e in entries], indent=2))
        return 0
    for e in entries:
        details = " ".join(f"{k}={v}" for k, v in e.details.items())
        out(f"{e.seq:>6} {e.at[:19]} {e.actor:<20} {e.action:<18} {e.target} {details}".rstrip())
    return 0


def audit_export(
    engine: Engine, who: str, form_id: str, batch_id: str | None, file_format: str, records: int
) -> None:
    """`diaspora-server export` in the audit log: the scope, format and count, never a value."""
    details = {
        "form": form_id[:100],
        "scope": "batch" if batch_id else "all",
        "format": file_format,
        "records": records,
    }
    audit.record(engine, f"cli:{who}"[:100], audit.EXPORT, batch_id or "all", details)
