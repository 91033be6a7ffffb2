"""`diaspora-server person erase|restrict|unrestrict|export` and `diaspora-server retention set|list|run`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from sync.server.db import session_factory, transaction
from sync.server.protection import retention
from sync.server.protection.access import write_subject_access
from sync.server.protection.erase import REASON_CODES, checkpoint, erase_record, restrict, unrestrict

VERBS = ("person", "retention")


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def add_parsers(verbs: Any, add_data_dir: Callable[[argparse.ArgumentParser], None]) -> None:
    person = verbs.add_parser(
        "person", help="erase, restrict or export one person's record (data protection)"
    )
    actions = person.add_subparsers(dest="person_verb", required=True, metavar="ACTION")
    reasons = ", ".join(REASON_CODES)
    erase = actions.add_parser(
        "erase", help="erase the record everywhere: server now, laptops at their next sync"
    )
    restrict_parser = actions.add_parser(
        "restrict", help="keep the record but leave it out of every view and export"
    )
    for sub in (erase, restrict_parser):
        add_data_dir(sub)
        sub.add_argument("--record", required=True, metavar="ID")
        sub.add_argument(
            "--reason", required=True, metavar="TEXT", help=f"why; the audit names one of: {reasons}"
        )
    anonymise = actions.add_parser(
        "anonymise", help="drop the person's identity but keep their figures in the registry's counts"
    )
    add_data_dir(anonymise)
    anonymise.add_argument("--record", required=True, metavar="ID")
    anonymise.add_argument(
        "--reason", required=True, metavar="TEXT", help=f"why; the audit names one of: {reasons}"
    )
    lift = actions.add_parser("unrestrict", help="lift a restriction")
    add_data_dir(lift)
    lift.add_argument("--record", required=True, metavar="ID")
    export = actions.add_parser(
        "export", help="subject access: everything held about the person, as JSON, or as a PDF (FILE.pdf)"
    )
    add_data_dir(export)
    export.add_argument("--record", required=True, metavar="ID")
    export.add_argument(
        "--out", required=True, type=Path, metavar="FILE", help="FILE.pdf: a PDF for the person; else JSON"
    )
    export.add_argument(
        "--language",
        choices=("en", "fr", "pt"),
        help="the PDF's language when the person chose none of these (default: English)",
    )

    rules = verbs.add_parser("retention", help="how long the server keeps each form's records")
    rule_verbs = rules.add_subparsers(dest="retention_verb", required=True, metavar="ACTION")
    set_rule = rule_verbs.add_parser("set", help="keep the records of a form N years after their arrival")
    add_data_dir(set_rule)
    set_rule.add_argument("--form", required=True, metavar="ID")
    set_rule.add_argument("--years", required=True, type=int, metavar="N")
    for name, helptext in (("list", "show the rules"), ("run", "erase the records past their retention now")):
        sub = rule_verbs.add_parser(name, help=helptext)
        add_data_dir(sub)
        sub.add_argument("--json", action="store_true")
        if name == "run":
            sub.add_argument(
                "--anonymise",
                action="store_true",
                help="keep the records' figures in the counts and drop everything that identifies the person "
                "(default for `serve`'s daily run when DIASPORA_SERVER_RETENTION=anonymise)",
            )


def run(engine: Engine, args: argparse.Namespace, actor: str) -> int:
    if args.verb == "retention":
        return _retention(engine, args, actor)
    factory = session_factory(engine)
    record_id = args.record.strip()[:64]
    if args.person_verb == "erase":
        with transaction(factory) as session:
            erased = erase_record(session, record_id, actor=actor, source="cli", reason=args.reason)
        checkpoint(engine)
        _out(
            f"Record {record_id} erased: {erased.versions} versions and everything linked to them. Laptops "
            "holding it erase it at their next sync."
        )
        return 0
    if args.person_verb == "anonymise":
        from sync.server.protection.anonymise import anonymise_record

        with transaction(factory) as session:
            done = anonymise_record(session, record_id, actor=actor, reason=args.reason)
        checkpoint(engine)
        _out(
            f"Record {record_id} anonymised: {done.versions} versions replaced by one that holds only "
            "what the counts need. Laptops holding it erase it at their next sync."
        )
        return 0
    if args.person_verb == "restrict":
        with transaction(factory) as session:
            restrict(session, record_id, actor=actor, reason=args.reason)
        _out(f"Record {record_id} restricted: kept, but out of every view, search and export.")
        return 0
    if args.person_verb == "unrestrict":
        with transaction(factory) as session:
            unrestrict(session, record_id, actor=actor)
        _out(f"Record {record_id} is no longer restricted.")
        return 0
    if args.out.suffix.lower() == ".pdf":
        from sync.server.protection.access import subject_access_pdf
        from sync.server.protection.pdf import write_pdf

        with transaction(factory) as session:
            content, document, language = subject_access_pdf(
                session, record_id, actor=actor, language=args.language
            )
        write_pdf(args.out, content)
        _out(
            f"Wrote everything held about record {record_id} to {args.out} as a PDF in {language} "
            f"({len(document['versions'])} versions, {len(content)} bytes)."
        )
        return 0
    with transaction(factory) as session:
        document = write_subject_access(session, record_id, args.out, actor=actor)
    _out(
        f"Wrote everything held about record {record_id} to {args.out}: "
        f"{len(document['versions'])} versions, "
        f"{len(document['accesses']['registry']) + len(document['accesses']['laptops'])} accesses."
    )
    return 0


def _retention(engine: Engine, args: argparse.Namespace, actor: str) -> int:
    if args.retention_verb == "set":
        retention.set_rule(engine, args.form.strip(), args.years, actor)
        _out(
            f"Records of form {args.form.strip()} are kept {args.years} years after they arrive; "
            "`serve` erases "
            "older ones daily (or run `diaspora-server retention run`)."
        )
        return 0
    if args.retention_verb == "list":
        found = retention.rules(engine)
        if args.json:
            _out(json.dumps([vars(rule) for rule in found], indent=2))
        elif not found:
            _out("No retention rule: records are kept until erased.")
        for rule in [] if args.json else found:
            _out(f"{rule.form_id}: {rule.years} years (last run {rule.last_run_at or 'never'})")
        return 0
    anonymise = True if args.anonymise else None
    erased = retention.run(engine, actor=f"retention ({actor})", anonymise=anonymise)
    done = "anonymised" if (anonymise or retention.anonymise_by_default()) else "erased"
    if args.json:
        _out(json.dumps(erased, indent=2, sort_keys=True))
    else:
        _out(f"Retention run: {sum(erased.values())} records {done}.")
        for form_id, count in erased.items():
            _out(f"  {form_id}: {count}")
    return 0
