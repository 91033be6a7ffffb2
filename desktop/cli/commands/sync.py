"""`diaspora-desk sync`: send every record waiting in the outbox to the central server.

Runs passes until the outbox is empty or a pass fails. Exit 0 only when everything is acknowledged;
conflicts and rejections are acknowledged too (the server keeps them for a supervisor) and are listed.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli.common import add_data_dir_arg, add_operator_arg, unlock_store
from desktop.cli.progress import TerminalProgress
from forms.errors import DeskError
from forms.store import Store
from forms.store.attachments import other_ways_hold_sentences
from forms.store.outbox import waiting_count
from forms.work import Work
from sync.client.backoff import DEFAULT_MAX_ATTEMPTS, Backoff
from sync.client.batching import pending_count
from sync.client.destinations.push import DestinationReport, push_all
from sync.client.engine import SENDING, SyncEngine, SyncReport
from sync.client.files import missing_files_sentence
from sync.client.state import load_device, open_issues

MAX_PASSES = 1000  # a pass drains everything it can; this only guards against a store that keeps growing


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "sync",
        help="send the records waiting on this laptop to the central server",
        description="Sends every record waiting in the outbox, in signed batches, retrying network "
        "failures with backoff. Exits 0 only when everything is acknowledged by the server.",
    )
    add_data_dir_arg(parser)
    add_operator_arg(parser)
    parser.add_argument(
        "--server", metavar="URL", help="use this address for this run instead of the enrolled one"
    )
    parser.add_argument(
        "--attempts",
        type=int,
        default=DEFAULT_MAX_ATTEMPTS,
        metavar="N",
        help=f"tries per request before giving up (default {DEFAULT_MAX_ATTEMPTS}; waits grow from 2 s)",
    )
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--issues",
        action="store_true",
        help="list the conflicts and rejections waiting for a supervisor; send nothing",
    )
    parser.set_defaults(func=handle)


def print_issues(store: object) -> int:
    issues = open_issues(store)  # type: ignore[arg-type]
    if not issues:
        print("No sync conflicts or rejections are waiting.")
    for issue in issues:
        reason = issue.reason or "-"
        print(
            f"{issue.id}  {issue.status:<9} {reason:<22} record {issue.record_id} version {issue.version_id}"
        )
        files = missing_files_sentence(issue.problems)  # a record refused for files the server lacks
        if files:
            print(f"    {files}")
    return 0


def held_for_approval(store: Store) -> int:
    """Unsent versions that the 'only approved batches sync' setting keeps on the laptop."""
    with store.session(read_only=True) as session:
        return waiting_count(session) - pending_count(session)


def handle(args: argparse.Namespace) -> int:
    if args.attempts < 1:
        raise DeskError("--attempts must be at least 1", exit_code=2)
    store = unlock_store(args)
    if args.issues:
        try:
            return print_issues(store)
        finally:
            store.close()
    bar = TerminalProgress(sys.stderr, {SENDING: "Sending"}, enabled=not args.quiet)
    work = Work(progress=bar)
    total = SyncReport()
    try:
        engine = SyncEngine(store, server_url=args.server, backoff=Backoff(max_attempts=args.attempts))
        for _ in range(MAX_PASSES):
            report = engine.run_once(work)
            total.counts.update(report.counts)
            total.batches += report.batches
            total.remaining = report.remaining
            total.forms_added.extend(report.forms_added)
            if report.error is not None or report.remaining == 0:
                total.error = report.error
                break
            if report.sent == 0:
                total.error = "Nothing could be sent although records are waiting."
                break
        bar.finish()
        held = held_for_approval(store)  # records with attached files are not held: their files go first
        destinations = push_all(store, backoff=Backoff(max_attempts=args.attempts))  # ODK Central, Kobo
        held_elsewhere = other_ways_hold_sentences(store) if destinations else []  # they carry no files
        only_destinations = bool(destinations) and not args.server and load_device(store) is None
        relayed = relay_if_hub(store, args)
    finally:
        store.close()
    counts = total.counts
    print(
        f"Sent {total.sent} record versions in {total.batches} batches: {counts['accepted']} accepted, "
        f"{counts['duplicate']} already on the server, {counts['conflict']} conflicts, "
        f"{counts['rejected']} rejected; {total.remaining} still waiting."
    )
    if held:
        print(
            f"{held} record versions wait for their batch to be approved "
            "(only approved batches sync: diaspora-desk settings)."
        )
    if total.forms_added:
        print(f"New form versions from the server: {', '.join(total.forms_added)}.")
    if counts["conflict"] or counts["rejected"]:
        print("Conflicts and rejections are waiting for a supervisor: diaspora-desk sync --issues")
    report_destinations(destinations)
    for sentence in held_elsewhere:
        print(sentence)
    if relayed is not None:  # this laptop hosted an event: what the clerks' laptops sent it
        print(relayed_sentence(relayed))
        total.error = total.error or relayed.error
    if only_destinations:  # a desk that feeds only ODK Central or Kobo, with no server of ours
        print("This desk is not enrolled with a Diaspora Desk server; only its destinations were fed.")
        total.error = None
    if total.error is not None:
        raise DeskError(f"Sync stopped: {total.error}")
    if any(not report.ok for report in destinations):
        raise DeskError("Not everything reached every destination; see above.")
    return 0


def report_destinations(reports: list[DestinationReport]) -> None:
    """One line per OpenRosa destination (diaspora-desk destinations)."""
    for report in reports:
        print(f"Destination {report.sentence()}")


def relay_if_hub(store: Store, args: argparse.Namespace) -> Any:
    """The hub's relay report, or None when this laptop never hosted an event.

    The relay (sync/hub) runs the server's code; it is imported only on a laptop that hosted an event, so
    a laptop that never did (and a bundle built without the server) never loads it.
    """
    from sync.hub.names import HUB_FOLDER

    if not (store.data_dir / HUB_FOLDER).exists():
        return None
    from sync.hub.relay import relay_hub

    return relay_hub(store, server_url=args.server, backoff=Backoff(max_attempts=args.attempts))


def relayed_sentence(report: Any) -> str:
    from sync.hub.relay import relay_sentence

    return relay_sentence(report)
