"""`diaspora-server duplicates list|resolve|unlink|reindex`: the adjudication queue from a terminal."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from forms.errors import DeskError
from sync.server.db import among, open_database, session_factory, transaction
from sync.server.dedup import decisions
from sync.server.dedup.hook import checked_rules
from sync.server.dedup.index import CHUNK, Head, head_answers, index_heads
from sync.server.dedup.rules import Rules
from sync.server.models import RecordRow


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


STATUSES = ("open", "same", "different", "withdrawn", "all")


def add_parser(
    verbs: argparse._SubParsersAction, add_data_dir: Callable[[argparse.ArgumentParser], None]
) -> None:  # type: ignore[type-arg]
    parser = verbs.add_parser("duplicates", help="possible duplicate records: list, resolve, unlink, reindex")
    actions = parser.add_subparsers(dest="duplicates_verb", required=True, metavar="ACTION")
    listing = actions.add_parser("list", help="candidate pairs with both record ids and their score")
    add_data_dir(listing)
    listing.add_argument("--json", action="store_true")
    listing.add_argument("--status", choices=STATUSES, default="open", help="which pairs (default: open)")
    resolve = actions.add_parser("resolve", help="decide a pair: the same person, or different people")
    add_data_dir(resolve)
    resolve.add_argument("pair", type=int, metavar="PAIR")
    decision = resolve.add_mutually_exclusive_group(required=True)
    decision.add_argument("--same", action="store_true", help="link both records to one person")
    decision.add_argument("--different", action="store_true", help="different people: never proposed again")
    resolve.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="FIELD=RECORD_ID",
        help="with --same: the record whose value of FIELD survives (default: the newest non-empty)",
    )
    unlink = actions.add_parser("unlink", help="undo a 'same' decision; the pair goes back to the queue")
    add_data_dir(unlink)
    unlink.add_argument("pair", type=int, metavar="PAIR")
    reindex = actions.add_parser("reindex", help="rebuild every record's keys after the rules changed")
    add_data_dir(reindex)


def _choices(keep: list[str]) -> dict[str, str]:
    choices: dict[str, str] = {}
    for item in keep:
        field, sep, record_id = item.partition("=")
        if not sep or not field.strip() or not record_id.strip():
            raise DeskError(f"--keep takes FIELD=RECORD_ID, not {item!r}.")
        choices[field.strip()] = record_id.strip()
    return choices


def check_at_start(data_dir: Path | None) -> None:
    """`serve` refuses to start when the duplicate rules name a field the published form lacks."""
    engine = open_database(data_dir)
    try:
        with Session(engine) as session:
            checked_rules(session)
    finally:
        engine.dispose()


def run(engine: Engine, args: argparse.Namespace, actor: str) -> int:
    factory = session_factory(engine)
    with factory() as session:
        rules = checked_rules(session)  # a rules file naming a field the form lacks stops here
    verb = args.duplicates_verb
    if verb == "list":
        status = None if args.status == "all" else args.status
        with factory() as session:
            pairs = decisions.list_pairs(session, status)
        if args.json:
            _out(json.dumps([pair.to_json() for pair in pairs], indent=2))
        elif not pairs:
            _out(f"No {args.status} candidate pair." if status else "No candidate pair.")
        for pair in pairs if not args.json else []:
            _out(f"pair {pair.id}  score {pair.score:5.1f}  {pair.record_a}  {pair.record_b}  {pair.status}")
        return 0
    if verb == "resolve":
        if args.keep and args.different:
            raise DeskError("--keep chooses surviving values; it goes with --same only.")
        with transaction(factory) as session:
            pair = decisions.resolve(
                session, args.pair, same=args.same, actor=actor, choices=_choices(args.keep)
            )
        if args.same:
            _out(f"Pair {pair.id}: records {pair.record_a} and {pair.record_b} are linked to one person.")
        else:
            _out(f"Pair {pair.id}: different people; this pair will not be proposed again.")
        return 0
    if verb == "unlink":
        with transaction(factory) as session:
            pair = decisions.unlink(session, args.pair, actor=actor)
        _out(f"Pair {pair.id}: the link is undone; the pair is back in the queue.")
        return 0
    total = reindex(engine, rules)
    _out(f"Reindexed {total} records of form {rules.form_id}.")
    return 0


def reindex(engine: Engine, rules: Rules, chunk: int = CHUNK) -> int:
    """Every live record of the rules' form through the indexer again, a chunk per transaction."""
    factory = session_factory(engine)
    with Session(engine) as session:
        ids = list(
            session.scalars(
                select(RecordRow.record_id)
                .where(RecordRow.form_id == rules.form_id, RecordRow.deleted.is_(False))
                .order_by(RecordRow.created_at, RecordRow.record_id)
            )
        )
    for start in range(0, len(ids), chunk):
        with transaction(factory) as session:
            part = ids[start : start + chunk]
            # the records' rows, as ingestion holds them: an edit arriving meanwhile waits, or goes first
            # and its head is the one read here (index_heads writes these records' keys before its lock)
            session.execute(
                select(RecordRow.record_id)
                .where(among(RecordRow.record_id, part, session))
                .order_by(RecordRow.record_id)
                .with_for_update()
            ).all()
            answers = head_answers(session, part)
            index_heads(session, rules, [Head(rid, a) for rid, a in answers.items()])
    return len(ids)
