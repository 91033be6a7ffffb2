"""The dashboard's kept counts (registry_counts) against a direct count of registry_people, on random
registrations that are then edited, erased and restored, and under random filters."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from forms.demo_data import demo_registrations
from sync.server.db import make_engine, session_factory, transaction, upgrade
from sync.server.models import RecordRow, RegistryPersonRow
from sync.server.registry import counts, figures, index
from tests.sync.registry.counts_helpers import DEVICES, FORMS, SECTORS, _add, _answers, _version
from tests.sync.server.helpers import postgres_schema, sqlite_url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    if request.param == "postgres":
        with postgres_schema() as url:
            built = make_engine(url)
            upgrade(built)
            yield built
            built.dispose()
        return
    built = make_engine(sqlite_url(tmp_path))
    upgrade(built)
    yield built
    built.dispose()


def _edit_and_erase(engine: Engine, rng: random.Random, ids: list[str], pool: list[dict[str, Any]]) -> None:
    with transaction(session_factory(engine)) as session:
        for record_id in rng.sample(ids, len(ids) // 4):  # edits: a new head with other answers
            form_id = session.scalar(select(RecordRow.form_id).where(RecordRow.record_id == record_id))
            version = _version(record_id, _answers(rng, rng.choice(pool)), form_id or FORMS[0], DEVICES[0])
            session.add(version)
            session.flush()
            session.execute(
                update(RecordRow)
                .where(RecordRow.record_id == record_id)
                .values(head_version_id=version.version_id)
            )
        for record_id in rng.sample(ids, len(ids) // 8):  # erased (some of them edited too)
            session.execute(update(RecordRow).where(RecordRow.record_id == record_id).values(deleted=True))


def _random_filters(rng: random.Random) -> figures.Filters:
    def day() -> str | None:
        if rng.random() < 0.3:
            return None
        picked = date(2025, 1, 1) + timedelta(days=rng.randrange(-20, 420))
        if rng.random() < 0.3:  # month boundaries: the kept counts alone answer
            picked = picked.replace(day=1) if rng.random() < 0.5 else figures._month_end(picked)
        return picked.isoformat()

    return figures.Filters(
        day(),
        day(),
        rng.choice([None, None, "FR", "US", "GB", "ZZ"]),
        rng.choice([None, None, *DEVICES]),
        rng.choice([None, None, *FORMS]),
        rng.choice(["month", "week"]),
    )


def _assert_same(engine: Engine, filters: figures.Filters) -> None:
    with session_factory(engine)() as session:
        fast = figures.compute(session, filters, SECTORS)
        direct = figures.compute(session, filters, SECTORS, direct=True)
    assert fast == direct, filters


def _assert_table_is_a_recount(engine: Engine) -> None:
    """registry_counts holds exactly the contributions of the people now in registry_people."""
    with session_factory(engine)() as session:
        people = session.execute(
            select(*(getattr(RegistryPersonRow, c) for c in counts.SOURCE_COLUMNS))
        ).all()
        kept = session.execute(select(counts.RegistryCountRow)).scalars().all()
    expected = Counter(key for person in people for key in counts.contributions(person._mapping))
    assert {tuple(getattr(row, c) for c in counts.KEY_COLUMNS): row.n for row in kept} == expected


def test_kept_counts_equal_a_direct_count_under_random_filters(engine: Engine) -> None:
    rng = random.Random(1515)
    pool = demo_registrations(150, seed=3)
    factory = session_factory(engine)
    ids = _add(engine, rng, pool)
    index.catch_up(factory, chunk=37)  # several chunks
    _assert_table_is_a_recount(engine)
    _edit_and_erase(engine, rng, ids, pool)
    ids += _add(engine, rng, pool[:40])
    index.catch_up(factory, chunk=37)
    _assert_table_is_a_recount(engine)
    with session_factory(engine)() as session:
        assert figures.compute(session, figures.Filters(), SECTORS).total > 100
    for filters in [figures.Filters(), figures.Filters(period="week")]:
        _assert_same(engine, filters)
    for _ in range(60):
        _assert_same(engine, _random_filters(rng))
    # edge cases of the date range: one month, reversed, impossible dates
    for day_from, day_to in [
        ("2025-03-01", "2025-03-31"),
        ("2025-03-05", "2025-03-20"),
        ("2025-06-10", "2025-02-01"),
        ("2025-02-30", None),
        ("2025-13-01", "2026-01-01"),
    ]:
        _assert_same(engine, figures.Filters(day_from, day_to, period="week"))
    for odd in (figures.Filters(country="*"), figures.Filters(device="*"), figures.Filters(form="*")):
        _assert_same(engine, odd)


def test_splitting_a_date_range_into_kept_months_and_counted_edges() -> None:
    months, edges = figures.split(figures.Filters("2025-01-15", "2025-04-30"))
    assert months == ("2025-02", "2025-04")
    assert [(e.day_from, e.day_to) for e in edges] == [("2025-01-15", "2025-01-31")]
    months, edges = figures.split(figures.Filters("2025-01-01", "2025-04-10"))
    assert months == ("2025-01", "2025-03")
    assert [(e.day_from, e.day_to) for e in edges] == [("2025-04-01", "2025-04-10")]
    assert figures.split(figures.Filters()) == ((None, None), [])
    assert figures.split(figures.Filters("2025-02-01", "2025-02-28")) == (("2025-02", "2025-02"), [])
    assert figures.split(figures.Filters("2025-02-02", "2025-02-28"))[0] is None
    assert figures.split(figures.Filters(country="FR", device="d")) == (
        None,
        [figures.Filters(country="FR", device="d")],
    )


def _pair(session: Any, a: str, b: str) -> int:
    from sync.server.auth import utcnow
    from sync.server.dedup.index import OPEN, ordered
    from sync.server.models import DedupPairRow

    first, second = ordered(a, b)
    now = utcnow()
    row = DedupPairRow(
        form_id=FORMS[0],
        record_a=first,
        record_b=second,
        score=12.0,
        status=OPEN,
        created_at=now,
        updated_at=now,
    )
    session.add(row)
    session.flush()
    return row.id


def test_records_linked_as_one_person_count_once_through_edits_erasures_and_undo(engine: Engine) -> None:
    from sync.server.dedup import decisions

    rng = random.Random(1616)
    pool = demo_registrations(80, seed=5)
    factory = session_factory(engine)
    ids = _add(engine, rng, pool)
    index.catch_up(factory, chunk=23)
    with factory() as session:
        before = figures.compute(session, figures.Filters(), SECTORS).total
    assert before == len(ids)
    # chains of three (one person, three records), pairs, and a pair decided "different"
    triples = [ids[i : i + 3] for i in range(0, 18, 3)]
    pairs = [ids[i : i + 2] for i in range(18, 30, 2)]
    with transaction(factory) as session:
        linked = [_pair(session, a, b) for a, b, c in triples] + [_pair(session, b, c) for a, b, c in triples]
        linked += [_pair(session, a, b) for a, b in pairs]
        different = _pair(session, ids[30], ids[31])
    with transaction(factory) as session:
        for pair_id in linked:
            decisions.resolve(session, pair_id, same=True, actor="test")
        decisions.resolve(session, different, same=False, actor="test")
    index.catch_up(factory, chunk=23)
    _assert_table_is_a_recount(engine)
    with factory() as session:
        assert figures.compute(session, figures.Filters(), SECTORS).total == len(ids) - 2 * 6 - 6
    for _ in range(30):
        _assert_same(engine, _random_filters(rng))
    # edits and erasures, the first record of a person among them: the others still count once
    _edit_and_erase(engine, rng, ids, pool)
    with transaction(factory) as session:
        session.execute(update(RecordRow).where(RecordRow.record_id == triples[0][0]).values(deleted=True))
    index.catch_up(factory, chunk=23)
    _assert_table_is_a_recount(engine)
    with factory() as session:
        live = set(session.scalars(select(RecordRow.record_id).where(RecordRow.deleted.is_(False))))
        expected = len(live) - sum(max(0, len(live & set(group)) - 1) for group in [*triples, *pairs])
        assert figures.compute(session, figures.Filters(), SECTORS).total == expected
    for _ in range(30):
        _assert_same(engine, _random_filters(rng))
    # undoing every link: each record counts again
    with transaction(factory) as session:
        for pair_id in linked:
            decisions.unlink(session, pair_id, actor="test")
    index.catch_up(factory, chunk=23)
    _assert_table_is_a_recount(engine)
    with factory() as session:
        assert figures.compute(session, figures.Filters(), SECTORS).total == len(live)
