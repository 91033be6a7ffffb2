"""Retention per form on the server: records older than the form's retention are erased.

``diaspora-server retention set --form ID --years N`` records the rule; ``retention run`` applies every
rule now; ``serve`` applies them at start and then once a day (``start_daily``). A record's age is
counted from its first arrival on the server. Each erasure is an ordinary erasure (source
``retention``): audited, a notice for the laptops, the WAL truncated after.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.auth import utcnow
from sync.server.db import session_factory, transaction
from sync.server.models import RecordRow
from sync.server.protection.erase import ProtectionError, checkpoint, erase_record
from sync.server.protection.models import RetentionRow
from sync.server.registry import audit

log = logging.getLogger("sync.server.protection")
DAY_SECONDS = 24 * 3600
MAX_YEARS = 200
RETENTION_SET = "retention_set"
CHUNK = 200


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


def run(engine: Engine, actor: str = "retention") -> dict[str, int]:
    """Apply every rule now; returns the number of records erased per form."""
    factory = session_factory(engine)
    erased: dict[str, int] = {}
    for rule in rules(engine):
        erased[rule.form_id] = _run_rule(factory, rule, actor)
    if any(erased.values()):
        checkpoint(engine)
    return erased


def _run_rule(factory: sessionmaker[Session], rule: Rule, actor: str) -> int:
    cutoff = _years_ago(rule.years)
    total = 0
    while True:
        with transaction(factory) as session:
            due = list(
                session.scalars(
                    select(RecordRow.record_id)
                    .where(RecordRow.form_id == rule.form_id, RecordRow.created_at < cutoff)
                    .order_by(RecordRow.created_at)
                    .limit(CHUNK)
                )
            )
            for record_id in due:
                erase_record(
                    session,
                    record_id,
                    actor=actor,
                    source="retention",
                    reason=f"retention ({rule.years} years)",
                )
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
