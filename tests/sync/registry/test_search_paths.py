"""A people search gives the same page and count whether the records its text matches are passed to
the page's query as a list (the usual case) or, past MAX_LISTED, as a subquery."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine

from forms.demo_data import demo_registrations
from sync.server.db import make_engine, session_factory, upgrade
from sync.server.registry import index, search
from tests.sync.registry.counts_helpers import _add
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


def test_listed_and_subquery_matches_give_the_same_results(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    people = demo_registrations(120, seed=8)
    _add(engine, random.Random(3), people + people[:30])  # some people twice: common names
    index.catch_up(session_factory(engine))
    queries = [
        search.PeopleQuery(text=f"{people[0]['family_name']} {people[0]['given_name']}"),
        search.PeopleQuery(text=people[1]["given_name"][:2]),
        search.PeopleQuery(text=people[2]["family_name"], country="FR"),
        search.PeopleQuery(text=people[3]["document_number"]),
        search.PeopleQuery(text="a"),
        search.PeopleQuery(text="a", page=500),  # past the end: the count alone
        search.PeopleQuery(text="zzzzqx"),
    ]
    with session_factory(engine)() as session:
        listed = [search.search(session, query) for query in queries]
        monkeypatch.setattr(search, "MAX_LISTED", 0)
        subquery = [search.search(session, query) for query in queries]
    assert listed == subquery
    assert listed[0][0] >= 1 and listed[-1] == (0, [])
    assert listed[5][0] == listed[4][0] > 0 and listed[5][1] == [] and listed[4][1]
