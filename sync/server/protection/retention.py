"""Retention per form on the server: records older than the form's retention are erased (or anonymised).

``diaspora-server retention set --form ID --years N`` records the rule; ``retention run`` applies every
rule now; ``serve`` applies them at start and then once a day (``start_daily``). A record's age is
counted from its first arrival on the server. Each erasure is an ordinary erasure (source
``retention``): audited, a notice for the laptops, the WAL truncated after. A deployment that must
keep its statistics anonymises instead (``retention run --anonymise``, or ``DIASPORA_SERVER_RETENTION=
anonymise`` for the daily run): the person's identity goes, their figures stay (protection/anonymise.py).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.models import RecordRow
from sync.server.protection.anonymise import anonymise_record
from sync.server.protection.erase import ProtectionError, checkpoint, erase_record
from sync.server.protection.models import ErasureRow, RetentionRow
from sync.server.registry import audit

log = logging.getLogger("sync.server.protection")
DAY_SECONDS = 24 * 3600
MAX_YEARS = 200
RETENTION_SET = "retention_set"
CHUNK = 200
MODE_ENV = "DIASPORA_SERVER_RETENTION"  # "anonymise": the daily run anonymises instead of erasing


@dataclass(frozen=True)
class Rule:
    form_id: str
    years: int
    last_run_at: str | None


def set_rule(engine: Engine, form_id: str, years: int, actor: str) -> None:
    if not form_id.strip():
        raise ProtectionError("Name the form (--form ID).", exit_code=2)
    if not 1 <= years <= MAX_YEARS:
        raise ProtectionError(f"--years is a whole number from 1 to {MAX_YEARS}.", exit_code=2)
    with transaction(session_factory(engine)) as session:
        row = session.get(RetentionRow, form_id)
        if row is None:
            session.add(RetentionRow(form_id=form_id, years=years, set_at=utcnow(), set_by=actor[:200]))
        else:
            row.years, row.set_at, row.set_by = years, utcnow(), actor[:200]
        audit.append(session, actor, RETENTION_SET, form_id[:100], {"years": years})


def rules(engine: Engine) -> list[Rule]:
    with session_factory(engine)() as session:
        return [
            Rule(r.form_id, r.years, r.last_run_at.isoformat(timespec="seconds") if r.last_run_at else None)
            for r in session.scalars(select(RetentionRow).order_by(RetentionRow.form_id))
        ]


def _years_ago(years: int):  # type: ignore[no-untyped-def]
    now = utcnow()
    try:
        return now.replace(year=now.year - years)
    except ValueError:  # 29 February
        return now - timedelta(days=365 * years + years // 4)


def anonymise_by_default() -> bool:
    mode = os.environ.get(MODE_ENV, "erase").strip().lower()
    if mode not in ("erase", "anonymise", "anonymize"):
        raise ProtectionError(f"{MODE_ENV} is 'erase' or 'anonymise', not {mode[:40]!r}.", exit_code=2)
    return mode != "erase"


def run(engine: Engine, actor: str = "retention", anonymise: bool | None = None) -> dict[str, int]:
    """Apply every rule now; returns the number of records erased (or anonymised) per form."""
    factory = session_factory(engine)
    erased: dict[str, int] = {}
    keep_figures = anonymise_by_default() if anonymise is None else anonymise
    for rule in rules(engine):
        erased[rule.form_id] = _run_rule(factory, rule, actor, keep_figures)
    if any(erased.values()):
        checkpoint(engine)
    return erased


def _run_rule(factory: sessionmaker[Session], rule: Rule, actor: str, anonymise: bool) -> int:
    cutoff = _years_ago(rule.years)
    total = 0
    while True:
        with transaction(factory) as session:
            due = list(
                session.scalars(
                    select(RecordRow.record_id)
                    .where(RecordRow.form_id == rule.form_id, RecordRow.created_at < cutoff)
                    .where(RecordRow.record_id.not_in(select(ErasureRow.record_id)))  # anonymised already
                    .order_by(RecordRow.created_at)
                    .limit(CHUNK)
                )
            )
            for record_id in due:
                why = f"retention ({rule.years} years)"
                if anonymise:
                    anonymise_record(session, record_id, actor=actor, reason=why)
                else:
                    erase_record(session, record_id, actor=actor, source="retention", reason=why)
            if len(due) < CHUNK:
                row = session.get(RetentionRow, rule.form_id)
                if row is not None:
                    row.last_run_at = utcnow()
        total += len(due)
        if len(due) < CHUNK:
            return total


def start_daily(make_engine: Callable[[], Engine], interval: float = DAY_SECONDS) -> threading.Event:
    """Run the rules now and then every ``interval`` seconds in a daemon thread; set the event to stop."""
    stop = threading.Event()

    def loop() -> None:
        while True:
            try:
                engine = make_engine()
                try:
                    erased = run(engine)
                finally:
                    engine.dispose()
                if any(erased.values()):
                    log.info("retention: %d records erased", sum(erased.values()))
            except Exception as exc:  # never let retention take the server down; say what kind of failure
                log.warning("retention run failed (%s)", type(exc).__name__)
            if stop.wait(interval):
                return

    threading.Thread(target=loop, name="retention", daemon=True).start()
    return stop
