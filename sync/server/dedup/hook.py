"""The one call ingestion makes: index the versions a batch just stored (see index.py).

The server's app installs a Detector at start, after checking its rules against the published form
(``detector_for(engine)``: a rule naming a field the form lacks stops the start with one sentence).
A process that installed none (a script calling ingest directly) uses the configured rules as they are.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from forms.engine import load_form_bytes
from sync.server.dedup.index import Head, Prepared, index_heads
from sync.server.dedup.index import prepare as prepare_head
from sync.server.dedup.rules import Rules, RulesError, check_against_form, load_rules
from sync.server.models import FormVersionRow

log = logging.getLogger("sync.server.dedup")


class Detector:
    def __init__(self, rules: Rules) -> None:
        self.rules = rules

    def prepare(self, records: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[str, Prepared]:
        """Profiles and keys of (version id, form id, answers), by version id: the work that needs no
        database, done before the caller's transaction. A record this fails on is left out (the same
        work then fails inside on_versions, which logs it and skips duplicate detection, as always)."""
        found: dict[str, Prepared] = {}
        for version_id, form_id, answers in records:
            if form_id != self.rules.form_id:
                continue
            try:
                found[version_id] = prepare_head(self.rules, answers)
            except Exception:  # reported by on_versions, which meets it again
                continue
        return found

    def on_versions(
        self,
        session: Session,
        versions: Sequence[Mapping[str, Any]],
        answers: Mapping[str, Mapping[str, Any]] | None = None,
        prepared: Mapping[str, Prepared] | None = None,
    ) -> None:
        """``answers``: the versions' answers by version id when the caller holds them already (else each
        version's ``answers_json`` is read back); ``prepared``: from ``prepare``, by version id."""
        heads: dict[str, Head] = {}
        known = answers or {}
        ready = prepared or {}
        for version in versions:  # in batch order: the last version of a record is its head
            if version["form_id"] != self.rules.form_id:
                continue
            version_id = str(version["version_id"])
            record_id = str(version["record_id"])
            if version["deleted"]:
                heads[record_id] = Head(record_id, None)
                continue
            held = known.get(version_id)
            heads[record_id] = Head(
                record_id,
                held if held is not None else json.loads(version["answers_json"]),
                ready.get(version_id),
            )
        if not heads:
            return
        try:
            with session.begin_nested():
                result = index_heads(session, self.rules, list(heads.values()))
        except DBAPIError:
            raise  # deadlocks, lost connections: ingestion retries or reports the batch as a whole
        except Exception as exc:  # a bug must not cost the records: they are stored, dedup is skipped
            log.error("duplicate detection skipped %d records: %s", len(heads), type(exc).__name__)
            return
        log.info(
            "dedup: %d records indexed, %d candidate pairs scored, %d queued, %d withdrawn",
            result.indexed,
            result.candidates,
            result.queued,
            result.withdrawn,
        )


_installed: Detector | None = None
_fallback: Detector | None = None
_fallback_failed = False


def install(detector: Detector | None) -> None:
    global _installed
    _installed = detector


def active() -> Detector | None:
    global _fallback, _fallback_failed
    if _installed is not None:
        return _installed
    if _fallback is None and not _fallback_failed:
        try:
            _fallback = Detector(load_rules())
        except RulesError as exc:
            _fallback_failed = True
            log.error("duplicate detection is off: %s", exc.message)
    return _fallback


def prepare(records: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[str, Prepared]:
    """Called by ingestion before its transaction with (version id, form id, answers) of the records it
    may store: their profiles and keys, by version id, for on_versions_stored."""
    detector = active()
    return detector.prepare(records) if detector is not None else {}


def on_versions_stored(
    session: Session,
    versions: Sequence[Mapping[str, Any]],
    answers: Mapping[str, Mapping[str, Any]] | None = None,
    prepared: Mapping[str, Prepared] | None = None,
) -> None:
    """Called by ingestion inside its transaction, after the batch's versions are inserted; ``answers``
    by version id spares reading each version's stored JSON back, ``prepared`` (from ``prepare``) making
    the profiles again."""
    detector = active()
    if detector is not None and versions:
        detector.on_versions(session, versions, answers, prepared)


def checked_rules(session: Session, rules: Rules | None = None) -> Rules:
    """The configured rules, refused (RulesError) if they name a field the newest published form lacks."""
    rules = rules or load_rules()
    row = session.execute(
        select(FormVersionRow.content, FormVersionRow.filename)
        .where(FormVersionRow.form_id == rules.form_id)
        .order_by(FormVersionRow.published_at.desc(), FormVersionRow.id.desc())
        .limit(1)
    ).first()
    if row is None:
        log.warning("no form %s is published yet; its duplicate rules are checked when it is", rules.form_id)
        return rules
    check_against_form(rules, load_form_bytes(bytes(row.content), row.filename))
    return rules


def detector_for(engine: Engine) -> Detector:
    with Session(engine) as session:
        return Detector(checked_rules(session))
